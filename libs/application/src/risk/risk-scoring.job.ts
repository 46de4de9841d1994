import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { appendAuditEvent, SYSTEM_AUDIT_ACTOR } from '@forge/audit';
import { assess, type AssessmentResult, DomainError, type RiskInputs } from '@forge/domain';
import {
  describeDomainError,
  findRiskAssessmentId,
  insertRiskAssessment,
  readRiskSourceNow,
  type ReferenceSnapshotHashes,
  riskInputsNow,
  saveScoringJobFailure,
  scoringModelParams,
  UnitOfWork,
} from '@forge/persistence';
import { registerScoringModels } from './scoring-models.js';

import { RISK_OPEN_STAGES } from './risk-stages.js';

export { RISK_OPEN_STAGES } from './risk-stages.js';

/**
 * Stages in which a queued risk job still scores: the open ones, and the projects the fund carries after close
 * (financed, disbursing, monitoring), re-assessed from their annual reports' actual figures and after serious
 * incidents (monitoring.md). Requested re-assessments and model activation stay with the open stages.
 */
export const RISK_JOB_STAGES: readonly string[] = [
  ...RISK_OPEN_STAGES,
  'financed',
  'disbursing',
  'monitoring',
];

export interface NewRiskAssessment {
  applicationId: string;
  applicationVersion: number;
  modelVersion: string;
  inputs: RiskInputs;
  inputsHash: string;
  referenceSnapshotHashes: ReferenceSnapshotHashes;
  jobId: string;
  computedAt: Date;
}

/**
 * Scores the inputs under the registered parameters of `modelVersion` and inserts the append-only
 * risk_assessments row plus ONE audit event `risk.assessed`, in the caller's transaction. The unique key
 * (application, inputs_hash, model_version) makes a second run insert nothing and write no event: it answers
 * `{ inserted: false }` with the id of the existing row.
 */
export async function recordRiskAssessment(
  manager: EntityManager,
  next: NewRiskAssessment,
  /** The model's stored parameters hash, when the caller read it in this transaction (`scoringModelParams`). */
  paramsHash?: string,
): Promise<{ inserted: boolean; id: string; result: AssessmentResult }> {
  const params = await scoringModelParams(manager, next.modelVersion, paramsHash);
  const result = assess(next.inputs, params);
  if (result.inputsHash !== next.inputsHash) {
    throw new Error(`inputs hash mismatch: scheduled ${next.inputsHash}, model read ${result.inputsHash}`);
  }
  const id = randomUUID();
  const inserted = await insertRiskAssessment(manager, {
    id,
    applicationId: next.applicationId,
    applicationVersion: next.applicationVersion,
    inputs: next.inputs,
    referenceSnapshotHashes: next.referenceSnapshotHashes,
    result,
    computedAt: next.computedAt,
    jobId: next.jobId,
  });
  if (!inserted) {
    const existing = await findRiskAssessmentId(manager, {
      applicationId: next.applicationId,
      inputsHash: result.inputsHash,
      modelVersion: result.modelVersion,
    });
    return { inserted: false, id: existing!, result };
  }
  await appendAuditEvent(manager, {
    actor: SYSTEM_AUDIT_ACTOR,
    action: 'risk.assessed',
    subject: { type: 'risk_assessment', id },
    applicationId: next.applicationId,
    after: {
      gross: { score: result.gross.score, band: result.gross.band },
      residual: { score: result.residual.score, band: result.residual.band },
    },
    context: {
      jobId: next.jobId,
      modelVersion: result.modelVersion,
      paramsHash: result.paramsHash,
      inputsHash: result.inputsHash,
      referenceSnapshotHashes: next.referenceSnapshotHashes,
      applicationVersion: next.applicationVersion,
    },
  });
  return { inserted: true, id, result };
}

/** Records (or updates) a scoring job's failure so it is visible (GET /applications/:id/risk-jobs/failures). */
export async function recordScoringJobFailure(
  manager: EntityManager,
  failure: { jobId: string; applicationId: string; reason: string; attempts: number },
): Promise<void> {
  await saveScoringJobFailure(manager, failure);
}

export type RiskScoringOutcome =
  | { status: 'assessed'; assessmentId: string }
  | { status: 'already_assessed'; assessmentId: string }
  | { status: 'skipped'; reason: string }
  | { status: 'unscorable'; reason: string };

/** DomainError codes that no retry can fix: the job fails at once and its failure is recorded. */
const PERMANENT_CODES = new Set(['SCORING.INVALID_INPUTS', 'SCORING.UNKNOWN_MODEL', 'SCORING.INVALID_MODEL']);

export function isPermanentScoringError(error: unknown): error is DomainError {
  return error instanceof DomainError && PERMANENT_CODES.has(error.code);
}

/**
 * One risk-scoring job, whatever queue delivers it: re-reads the application (gone or not open → nothing to
 * do), recomputes today's inputs, and inserts the assessment of those inputs under the ACTIVE model with its
 * `risk.assessed` event in one transaction, unless that (application, inputsHash, model) assessment exists.
 * Running it twice changes nothing the second time. An application the model can never score gets a
 * scoring_job_failures row (in its own transaction) and the `unscorable` outcome; the caller makes the job fail
 * without retries. Other errors propagate (retried by the queue).
 */
export async function runRiskScoringJob(
  dataSource: DataSource,
  job: { jobId: string; applicationId: string; attempt: number },
  now: () => Date = () => new Date(),
): Promise<RiskScoringOutcome> {
  let outcome: RiskScoringOutcome;
  try {
    outcome = await dataSource.transaction('READ COMMITTED', async (manager) => {
      // One statement for everything the scoring reads (the application, the active model, the countries snapshot,
      // the attached documents); the parameters and the countries' content come from their caches.
      const source = await readRiskSourceNow(manager, job.applicationId);
      if (source === null) return { status: 'skipped', reason: 'application not found' };
      const application = source.application;
      if (!RISK_JOB_STAGES.includes(application.stage)) {
        return { status: 'skipped', reason: `application is ${application.stage}` };
      }
      if (source.model === null) throw new Error('no active scoring model (the registry is not initialised)');
      // The inputs as the active model reads them (1.1.0 also reads the attached evidence).
      const today = await riskInputsNow(manager, source);
      if ('unscorable' in today) return { status: 'unscorable', reason: today.unscorable };
      // Already assessed (these inputs, this model): the insert does nothing and answers the existing row's id.
      const recorded = await recordRiskAssessment(
        manager,
        {
          applicationId: application.id,
          applicationVersion: today.applicationVersion,
          modelVersion: source.model.version,
          inputs: today.inputs,
          inputsHash: today.inputsHash,
          referenceSnapshotHashes: today.referenceSnapshotHashes,
          jobId: job.jobId,
          computedAt: now(),
        },
        source.model.paramsHash,
      );
      return recorded.inserted
        ? { status: 'assessed', assessmentId: recorded.id }
        : { status: 'already_assessed', assessmentId: recorded.id };
    });
  } catch (error) {
    if (!isPermanentScoringError(error)) throw error;
    outcome = { status: 'unscorable', reason: describeDomainError(error) };
  }
  if (outcome.status === 'unscorable') {
    await dataSource.transaction((manager) =>
      recordScoringJobFailure(manager, {
        jobId: job.jobId,
        applicationId: job.applicationId,
        reason: outcome.reason,
        attempts: job.attempt,
      }),
    );
  }
  return outcome;
}

/**
 * The risk-scoring job as the worker runs it (one use case per job step): register the models on start, score
 * one job, record a job's final failure.
 */
@Injectable()
export class RiskScoringJob {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
  ) {}

  /** The registry must hold the models before the first job (idempotent, advisory-locked). */
  async registerModels(): Promise<void> {
    await this.unitOfWork.run((manager) => registerScoringModels(manager));
  }

  run(job: { jobId: string; applicationId: string; attempt: number }): Promise<RiskScoringOutcome> {
    return runRiskScoringJob(this.dataSource, job);
  }

  /** Records a job's final failure (after its last retry) in scoring_job_failures. */
  async recordFailure(failure: {
    jobId: string;
    applicationId: string;
    reason: string;
    attempts: number;
  }): Promise<void> {
    await this.unitOfWork.run((manager) => recordScoringJobFailure(manager, failure));
  }
}
