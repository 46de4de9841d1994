import { Module } from '@nestjs/common';

/** Signed Merkle checkpoints (issue: decision trail). */
@Module({})
export class AuditCheckpointWorkerModule {}
