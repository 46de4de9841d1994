import { Module } from '@nestjs/common';
import { RiskController } from './risk.controller.js';
import { RiskService } from './risk.service.js';

/** Risk assessments, replay and the scoring model registry (issue: risk scoring). */
@Module({ controllers: [RiskController], providers: [RiskService], exports: [RiskService] })
export class RiskModule {}
