import { type DataSource } from 'typeorm';
import { DomainError } from '@forge/domain';
import { describeDomainError, readApplicationRiskSource, riskInputsOf } from './risk-inputs.reader.js';
import { RISK_JOB_STAGES, recordRiskAssessment, recordScoringJobFailure } from './risk-assessment.writer.js';
import { activeModelVersion } from './scoring-models.repository.js';

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
      const application = await readApplicationRiskSource(manager, job.applicationId);
      if (application === null) return { status: 'skipped', reason: 'application not found' };
      if (!RISK_JOB_STAGES.includes(application.stage)) {
        return { status: 'skipped', reason: `application is ${application.stage}` };
      }
      const modelVersion = await activeModelVersion(manager);
      if (modelVersion === null) throw new Error('no active scoring model (the registry is not initialised)');
      const today = await riskInputsOf(manager, application);
      if ('unscorable' in today) return { status: 'unscorable', reason: today.unscorable };
      const existing: Array<{ id: string }> = await manager.query(
        `SELECT id FROM risk_assessments WHERE application_id = $1 AND inputs_hash = $2 AND model_version = $3`,
        [application.id, today.inputsHash, modelVersion],
      );
      if (existing[0]) return { status: 'already_assessed', assessmentId: existing[0].id };
      const recorded = await recordRiskAssessment(manager, {
        applicationId: application.id,
        applicationVersion: today.applicationVersion,
        modelVersion,
        inputs: today.inputs,
        inputsHash: today.inputsHash,
        referenceSnapshotHashes: today.referenceSnapshotHashes,
        jobId: job.jobId,
        computedAt: now(),
      });
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
