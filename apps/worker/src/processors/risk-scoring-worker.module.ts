import { Module } from '@nestjs/common';
import { RiskScoringProcessor } from './risk-scoring.processor.js';

/** The risk-scoring job (issue: risk scoring); registers the scoring models on start. */
@Module({ providers: [RiskScoringProcessor] })
export class RiskScoringWorkerModule {}
