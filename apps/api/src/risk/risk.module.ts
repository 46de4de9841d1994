import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { RiskAssessments } from '@forge/application';
import { RiskController } from './risk.controller.js';

/** Risk assessments, replay and the scoring model registry (issue: risk scoring). */
@Module({ controllers: [RiskController] })
export class RiskModule implements OnApplicationBootstrap {
  constructor(@Inject(RiskAssessments) private readonly risk: RiskAssessments) {}

  /** Registers the scoring models (idempotent, advisory-locked; the worker does the same). */
  onApplicationBootstrap(): Promise<void> {
    return this.risk.registerModels();
  }
}
