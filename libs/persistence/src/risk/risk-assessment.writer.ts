import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { appendAuditEvent, SYSTEM_AUDIT_ACTOR } from '@forge/audit';
import { assess, type AssessmentResult, type RiskInputs } from '@forge/domain';
import { type ReferenceSnapshotHashes } from './risk-inputs.reader.js';
import { scoringModelParams } from './scoring-models.repository.js';

/** Stages in which an application is still scored (open: submitted..committee). */
export const RISK_OPEN_STAGES = ['submitted', 'screening', 'esg_review', 'financing', 'committee'] as const;

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
): Promise<{ inserted: boolean; id: string; result: AssessmentResult }> {
  const params = await scoringModelParams(manager, next.modelVersion);
  const result = assess(next.inputs, params);
  if (result.inputsHash !== next.inputsHash) {
    throw new Error(`inputs hash mismatch: scheduled ${next.inputsHash}, model read ${result.inputsHash}`);
  }
  const id = randomUUID();
  const rows: Array<{ id: string }> = await manager.query(
    `INSERT INTO risk_assessments (id, application_id, application_version, model_version, params_hash,
       inputs_hash, inputs, reference_snapshot_hashes, result, gross_score, gross_band, residual_score,
       residual_band, computed_at, job_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (application_id, inputs_hash, model_version) DO NOTHING
     RETURNING id`,
    [
      id,
      next.applicationId,
      next.applicationVersion,
      result.modelVersion,
      result.paramsHash,
      result.inputsHash,
      JSON.stringify(next.inputs),
      JSON.stringify(next.referenceSnapshotHashes),
      JSON.stringify(result),
      result.gross.score,
      result.gross.band,
      result.residual.score,
      result.residual.band,
      next.computedAt,
      next.jobId,
    ],
  );
  if (rows.length === 0) {
    const existing: Array<{ id: string }> = await manager.query(
      `SELECT id FROM risk_assessments WHERE application_id = $1 AND inputs_hash = $2 AND model_version = $3`,
      [next.applicationId, result.inputsHash, result.modelVersion],
    );
    return { inserted: false, id: existing[0]!.id, result };
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
  await manager.query(
    `INSERT INTO scoring_job_failures (job_id, application_id, reason, attempts, failed_at)
     SELECT $1, $2, $3, $4, now() WHERE EXISTS (SELECT 1 FROM applications WHERE id = $2)
     ON CONFLICT (job_id) DO UPDATE SET reason = EXCLUDED.reason, attempts = EXCLUDED.attempts,
       failed_at = EXCLUDED.failed_at`,
    [failure.jobId, failure.applicationId, failure.reason.slice(0, 2000), failure.attempts],
  );
}

export interface ScoringJobFailureView {
  jobId: string;
  applicationId: string;
  reason: string;
  attempts: number;
  failedAt: string;
}

/** An application's failed scoring jobs, newest first. */
export async function listScoringJobFailures(
  manager: EntityManager,
  applicationId: string,
): Promise<ScoringJobFailureView[]> {
  const rows: Array<{
    job_id: string;
    application_id: string;
    reason: string;
    attempts: number;
    failed_at: Date;
  }> = await manager.query(
    `SELECT job_id, application_id, reason, attempts, failed_at FROM scoring_job_failures
        WHERE application_id = $1 ORDER BY failed_at DESC, job_id`,
    [applicationId],
  );
  return rows.map((r) => ({
    jobId: r.job_id,
    applicationId: r.application_id,
    reason: r.reason,
    attempts: r.attempts,
    failedAt: new Date(r.failed_at).toISOString(),
  }));
}
