import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { appendAuditEvent, type AuditActor } from '@forge/audit';
import {
  assess,
  type AssessmentDifference,
  compareAssessments,
  DomainError,
  RUN_FIELDS,
  type Actor,
} from '@forge/domain';
import {
  activeModelVersion,
  assessmentRecord,
  findStoredRiskAssessment,
  getRiskAssessment,
  listRiskAssessments,
  listScoringJobFailures,
  listScoringModels,
  type RiskAssessmentView,
  type ScoringJobFailureView,
  scoringModelParams,
  type ScoringModelRow,
  type StoredRiskAssessment,
  UnitOfWork,
} from '@forge/persistence';
import { ApplicationAccess, notFoundError } from '../access/application-access.js';
import { RISK_OPEN_STAGES } from './risk-stages.js';
import { queueOpenReassessments, scheduleRiskAssessment } from './risk-scheduler.js';
import { activateScoringModel, registerScoringModels } from './scoring-models.js';

export type { RiskAssessmentView, ScoringJobFailureView, ScoringModelRow } from '@forge/persistence';

export interface ReplayReport {
  reproduced: boolean;
  /** Stored vs recomputed under the stored model version (ignoring id, computedAt, jobId). */
  differences: AssessmentDifference[];
  /** The same stored inputs under the active model (`error` when that model cannot score them). */
  underActiveModel: Record<string, unknown>;
  /** Stored vs the active model's result: per factor and band (empty when the active model is the stored one). */
  differencesFromActive: AssessmentDifference[];
}

/**
 * Risk assessments as the API serves them (scoring.md): the model registry, reads of an application's
 * assessments, replay, a requested re-assessment and model activation. Every read of an assessment goes
 * through the one read rule (`ApplicationAccess`): whoever may not read its application gets 404.
 */
@Injectable()
export class RiskAssessments {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(ApplicationAccess) private readonly access: ApplicationAccess,
  ) {}

  /** Registers the scoring models (idempotent, advisory-locked; the worker does the same). */
  async registerModels(): Promise<void> {
    await this.unitOfWork.run((manager) => registerScoringModels(manager));
  }

  listModels(): Promise<ScoringModelRow[]> {
    return this.unitOfWork.read((manager) => listScoringModels(manager));
  }

  /**
   * Activates a model version: audited (`scoring.model_activated`); every assessment under another version is
   * stale from now on (currency compares with the active version), and every open application gets a
   * re-assessment queued through the outbox in the same transaction.
   */
  async activateModel(
    version: string,
    actor: AuditActor,
  ): Promise<ScoringModelRow & { previousVersion: string | null; queued: number }> {
    return this.unitOfWork.run(async (manager) => {
      let queued = 0;
      // The re-assessments are queued before the audit event (the append stays the last statement).
      const { previous, row } = await activateScoringModel(manager, version, actor, async (previous) => {
        if (previous === version) return;
        queued = await queueOpenReassessments(manager);
      });
      return { ...row, previousVersion: previous, queued };
    });
  }

  /** The application's assessments, newest first (404 for whoever may not read the application). */
  list(actor: Actor, applicationId: string): Promise<RiskAssessmentView[]> {
    return this.unitOfWork.read(async (manager) => {
      await this.access.requireReadable(actor, { kind: 'application', id: applicationId }, manager);
      return listRiskAssessments(manager, applicationId);
    });
  }

  /** One assessment (404 `RISK_ASSESSMENT.NOT_FOUND` for whoever may not read its application). */
  get(actor: Actor, assessmentId: string): Promise<RiskAssessmentView> {
    return this.unitOfWork.read(async (manager) => {
      await this.access.requireReadable(actor, { kind: 'risk_assessment', id: assessmentId }, manager);
      const view = await getRiskAssessment(manager, assessmentId);
      if (view === null) throw notFoundError('risk_assessment');
      return view;
    });
  }

  /** Queues a fresh assessment of today's inputs (202 { jobId }) with the audit event `risk.assessment_requested`. */
  async request(actor: Actor, applicationId: string): Promise<{ jobId: string }> {
    return this.unitOfWork.run(async (manager) => {
      await this.access.requireReadable(actor, { kind: 'application', id: applicationId }, manager);
      const [row]: Array<{ stage: string }> = await manager.query(
        `SELECT stage FROM applications WHERE id = $1 FOR SHARE`,
        [applicationId],
      );
      const stage = row!.stage;
      if (!(RISK_OPEN_STAGES as readonly string[]).includes(stage)) {
        throw new DomainError(
          'RISK.APPLICATION_NOT_OPEN',
          `a ${stage} application is not scored (open stages: ${RISK_OPEN_STAGES.join(', ')})`,
        );
      }
      const jobId = await scheduleRiskAssessment(manager, applicationId, 'requested');
      await appendAuditEvent(manager, {
        actor: { id: actor.id, role: 'officer' },
        action: 'risk.assessment_requested',
        subject: { type: 'application', id: applicationId },
        applicationId,
        context: { jobId },
      });
      return { jobId };
    });
  }

  /**
   * Recomputes a stored assessment from its STORED inputs under its STORED model version and compares field by
   * field (except id, computedAt, jobId); then the same inputs under the active model. Changes nothing.
   */
  replay(actor: Actor, assessmentId: string): Promise<ReplayReport> {
    return this.unitOfWork.read(async (manager) => {
      await this.access.requireReadable(actor, { kind: 'risk_assessment', id: assessmentId }, manager);
      const stored = await findStoredRiskAssessment(manager, assessmentId);
      if (stored === null) throw notFoundError('risk_assessment');
      const storedRecord = assessmentRecord(stored);
      const replayed = await this.recompute(manager, stored, stored.modelVersion);
      const differences = compareAssessments(storedRecord, replayed);

      const active = await activeModelVersion(manager);
      let underActiveModel: Record<string, unknown>;
      let differencesFromActive: AssessmentDifference[] = [];
      if (active === null) {
        underActiveModel = { error: 'no active scoring model' };
      } else {
        try {
          underActiveModel = await this.recompute(manager, stored, active);
          differencesFromActive = compareAssessments(storedRecord, underActiveModel, RUN_FIELDS);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          underActiveModel = { modelVersion: active, error: { code: error.code, message: error.message } };
        }
      }
      return { reproduced: differences.length === 0, differences, underActiveModel, differencesFromActive };
    });
  }

  /** Failed scoring jobs of the application (404 for whoever may not read it). */
  failures(actor: Actor, applicationId: string): Promise<ScoringJobFailureView[]> {
    return this.unitOfWork.read(async (manager) => {
      await this.access.requireReadable(actor, { kind: 'application', id: applicationId }, manager);
      return listScoringJobFailures(manager, applicationId);
    });
  }

  private async recompute(
    manager: EntityManager,
    stored: StoredRiskAssessment,
    modelVersion: string,
  ): Promise<Record<string, unknown>> {
    const params = await scoringModelParams(manager, modelVersion);
    const result = assess(stored.inputs, params);
    return assessmentRecord({
      ...stored,
      modelVersion: result.modelVersion,
      paramsHash: result.paramsHash,
      inputsHash: result.inputsHash,
      result,
    });
  }
}
