import { type EntityManager } from 'typeorm';
import { type AssessmentResult, type RiskInputs } from '@forge/domain';
import { type ReferenceSnapshotHashes } from './risk-inputs.reader.js';

/** An assessment row as the application layer computed it (libs/application `recordRiskAssessment`). */
export interface RiskAssessmentRow {
  id: string;
  applicationId: string;
  applicationVersion: number;
  inputs: RiskInputs;
  referenceSnapshotHashes: ReferenceSnapshotHashes;
  result: AssessmentResult;
  computedAt: Date;
  jobId: string;
}

/**
 * Inserts the append-only risk_assessments row. The unique key (application, inputs_hash, model_version) makes a
 * second insert of the same assessment a no-op: it answers false.
 */
export async function insertRiskAssessment(manager: EntityManager, row: RiskAssessmentRow): Promise<boolean> {
  const { result } = row;
  const rows: Array<{ id: string }> = await manager.query(
    `INSERT INTO risk_assessments (id, application_id, application_version, model_version, params_hash,
       inputs_hash, inputs, reference_snapshot_hashes, result, gross_score, gross_band, residual_score,
       residual_band, computed_at, job_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (application_id, inputs_hash, model_version) DO NOTHING
     RETURNING id`,
    [
      row.id,
      row.applicationId,
      row.applicationVersion,
      result.modelVersion,
      result.paramsHash,
      result.inputsHash,
      JSON.stringify(row.inputs),
      JSON.stringify(row.referenceSnapshotHashes),
      JSON.stringify(result),
      result.gross.score,
      result.gross.band,
      result.residual.score,
      result.residual.band,
      row.computedAt,
      row.jobId,
    ],
  );
  return rows.length > 0;
}

/** The id of the assessment of these inputs under this model, or null. */
export async function findRiskAssessmentId(
  manager: EntityManager,
  key: { applicationId: string; inputsHash: string; modelVersion: string },
): Promise<string | null> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM risk_assessments WHERE application_id = $1 AND inputs_hash = $2 AND model_version = $3`,
    [key.applicationId, key.inputsHash, key.modelVersion],
  );
  return rows[0]?.id ?? null;
}

/** Inserts (or updates) a scoring job's failure row (GET /applications/:id/risk-jobs/failures shows it). */
export async function saveScoringJobFailure(
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
