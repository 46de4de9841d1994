import { Module } from '@nestjs/common';

/** Risk assessments, replay and the scoring model registry (issue: risk scoring). */
@Module({})
export class RiskModule {}
