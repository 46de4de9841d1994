import { Module } from '@nestjs/common';

/** The risk-scoring job (issue: risk scoring). */
@Module({})
export class RiskScoringWorkerModule {}
