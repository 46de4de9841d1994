import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { appendAuditEvent, type AuditActor } from '@forge/audit';
import {
  assess,
  type AssessmentDifference,
  compareAssessments,
  DomainError,
  RUN_FIELDS,
  type RiskInputs,
} from '@forge/domain';
import {
  activateScoringModel,
  activeModelVersion,
  assessmentRecord,
  findStoredRiskAssessment,
  getRiskAssessment,
  listRiskAssessments,
  listScoringJobFailures,
  listScoringModels,
  registerScoringModels,
  RISK_OPEN_STAGES,
  type RiskAssessmentView,
  scheduleRiskAssessment,
  type ScoringJobFailureView,
  scoringModelParams,
  type ScoringModelRow,
  type StoredRiskAssessment,
  UnitOfWork,
} from '@forge/persistence';
import { type AuthenticatedUser } from '../auth/authenticated-user.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STAFF_ROLES = ['officer', 'committee', 'auditor', 'admin'];

/** A sponsor (without a staff role) sees only its organisation's applications: the org to filter on, or null. */
export function sponsorScope(user: AuthenticatedUser): string | null {
  const staff = user.roles.some((role) => STAFF_ROLES.includes(role));
  if (staff) return null;
  // A sponsor without an organisation reaches nothing: filter on an id no application has.
  return user.organizationId ?? '00000000-0000-0000-0000-000000000000';
}

function applicationNotFound(): DomainError {
  return new DomainError('APPLICATION.NOT_FOUND', 'application not found');
}

function assessmentNotFound(): DomainError {
  return new DomainError('RISK_ASSESSMENT.NOT_FOUND', 'risk assessment not found');
}

export interface ReplayReport {
  reproduced: boolean;
  /** Stored vs recomputed under the stored model version (ignoring id, computedAt, jobId). */
  differences: AssessmentDifference[];
  /** The same stored inputs under the active model (`error` when that model cannot score them). */
  underActiveModel: Record<string, unknown>;
  /** Stored vs the active model's result: per factor and band (empty when the active model is the stored one). */
  differencesFromActive: AssessmentDifference[];
}

@Injectable()
export class RiskService implements OnApplicationBootstrap {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Registers the scoring models (idempotent, advisory-locked; the worker does the same). */
  async onApplicationBootstrap(): Promise<void> {
    await this.unitOfWork.run((manager) => registerScoringModels(manager));
  }

  listModels(): Promise<ScoringModelRow[]> {
    return listScoringModels(this.dataSource.manager);
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
        const open: Array<{ id: string }> = await manager.query(
          `SELECT id FROM applications WHERE stage = ANY($1::text[]) ORDER BY created_at, id`,
          [[...RISK_OPEN_STAGES]],
        );
        for (const application of open) {
          await scheduleRiskAssessment(manager, application.id, 'model_activated');
          queued += 1;
        }
      });
      return { ...row, previousVersion: previous, queued };
    });
  }

  async listForApplication(applicationId: string, user: AuthenticatedUser): Promise<RiskAssessmentView[]> {
    const manager = this.dataSource.manager;
    await this.requireApplication(manager, applicationId, sponsorScope(user));
    return listRiskAssessments(manager, applicationId, sponsorScope(user));
  }

  async get(assessmentId: string, user: AuthenticatedUser): Promise<RiskAssessmentView> {
    if (!UUID.test(assessmentId)) throw assessmentNotFound();
    const view = await getRiskAssessment(this.dataSource.manager, assessmentId, sponsorScope(user));
    if (view === null) throw assessmentNotFound();
    return view;
  }

  /** Queues a fresh assessment of today's inputs (202 { jobId }) with the audit event `risk.assessment_requested`. */
  async request(applicationId: string, actor: AuditActor): Promise<{ jobId: string }> {
    return this.unitOfWork.run(async (manager) => {
      const stage = await this.requireApplication(manager, applicationId, null, true);
      if (!(RISK_OPEN_STAGES as readonly string[]).includes(stage)) {
        throw new DomainError(
          'RISK.APPLICATION_NOT_OPEN',
          `a ${stage} application is not scored (open stages: ${RISK_OPEN_STAGES.join(', ')})`,
        );
      }
      const jobId = await scheduleRiskAssessment(manager, applicationId, 'requested');
      await appendAuditEvent(manager, {
        actor,
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
  async replay(assessmentId: string): Promise<ReplayReport> {
    if (!UUID.test(assessmentId)) throw assessmentNotFound();
    const manager = this.dataSource.manager;
    const stored = await findStoredRiskAssessment(manager, assessmentId);
    if (stored === null) throw assessmentNotFound();
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
  }

  async failures(applicationId: string): Promise<ScoringJobFailureView[]> {
    const manager = this.dataSource.manager;
    await this.requireApplication(manager, applicationId, null);
    return listScoringJobFailures(manager, applicationId);
  }

  private async recompute(
    manager: EntityManager,
    stored: StoredRiskAssessment,
    modelVersion: string,
  ): Promise<Record<string, unknown>> {
    const params = await scoringModelParams(manager, modelVersion);
    const result = assess(stored.inputs as RiskInputs, params);
    return assessmentRecord({
      ...stored,
      modelVersion: result.modelVersion,
      paramsHash: result.paramsHash,
      inputsHash: result.inputsHash,
      result,
    });
  }

  /** The application's stage, or 404 APPLICATION.NOT_FOUND (also for another organisation's application). */
  private async requireApplication(
    manager: EntityManager,
    applicationId: string,
    organizationId: string | null,
    lock = false,
  ): Promise<string> {
    if (!UUID.test(applicationId)) throw applicationNotFound();
    const rows: Array<{ stage: string }> = await manager.query(
      `SELECT stage FROM applications WHERE id = $1 AND ($2::uuid IS NULL OR organization_id = $2::uuid)
       ${lock ? 'FOR SHARE' : ''}`,
      [applicationId, organizationId],
    );
    if (rows[0] === undefined) throw applicationNotFound();
    return rows[0].stage;
  }
}
