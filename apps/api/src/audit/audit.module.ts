import { Module } from '@nestjs/common';

/** The decision trail routes: verify, events, export, checkpoints, proofs (issue: decision trail). */
@Module({})
export class AuditApiModule {}
