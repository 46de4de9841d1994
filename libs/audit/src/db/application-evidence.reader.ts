import { type ProofBundleAssessment } from '../proof-bundle.js';
import { type SqlRunner } from './audit-event.reader.js';

interface AssessmentRow {
  id: string;
  application_version: number;
  model_version: string;
  params_hash: string;
  inputs_hash: string;
  inputs: unknown;
  reference_snapshot_hashes: unknown;
  result: unknown;
  computed_at: Date;
  job_id: string;
}

/** The application's stored risk assessments with the exact inputs each read, oldest first. */
export async function readApplicationAssessments(
  db: SqlRunner,
  applicationId: string,
): Promise<ProofBundleAssessment[]> {
  const rows = await db.query<AssessmentRow[]>(
    `SELECT id, application_version, model_version, params_hash, inputs_hash, inputs, reference_snapshot_hashes,
            result, computed_at, job_id
       FROM risk_assessments WHERE application_id = $1::uuid ORDER BY computed_at, id`,
    [applicationId],
  );
  return rows.map((row) => ({
    assessment: {
      id: row.id,
      inputsHash: row.inputs_hash,
      modelVersion: row.model_version,
      paramsHash: row.params_hash,
      applicationVersion: row.application_version,
      referenceSnapshotHashes: row.reference_snapshot_hashes,
      computedAt: row.computed_at.toISOString(),
      jobId: row.job_id,
      result: row.result,
    },
    inputs: row.inputs,
  }));
}
