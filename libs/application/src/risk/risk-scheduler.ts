import { type EntityManager } from 'typeorm';
import { activeModelVersion, currentRiskInputs, DEFAULT_SCORING_MODEL_VERSION } from '@forge/persistence';
import { addToOutbox, deterministicJobId, QUEUE_NAMES, type RiskScoringJobPayload } from '@forge/queue';

export const RISK_JOB_NAME = 'assess-application';

/**
 * The job that scores these inputs under this model: `risk.<applicationId>.<inputsHash>.<modelVersion>`.
 * The same inputs under the same model always give the same id, so BullMQ and the outbox deduplicate it.
 * An unscorable application gets `risk.<applicationId>.unscorable-v<applicationVersion>.<modelVersion>`, so
 * its failure is still recorded once per version.
 */
export function riskJobId(applicationId: string, inputsHashOrMarker: string, modelVersion: string): string {
  return deterministicJobId('risk', applicationId, inputsHashOrMarker, modelVersion);
}

/**
 * Queues a risk assessment of the application's present inputs under the active model, through the outbox
 * (in the caller's transaction). Returns the deterministic job id.
 */
export async function scheduleRiskAssessment(
  manager: EntityManager,
  applicationId: string,
  reason: RiskScoringJobPayload['reason'],
): Promise<string> {
  const today = await currentRiskInputs(manager, applicationId);
  if (today === null) throw new Error(`scheduleRiskAssessment: no application ${applicationId}`);
  const modelVersion = (await activeModelVersion(manager)) ?? DEFAULT_SCORING_MODEL_VERSION;
  const marker = 'inputsHash' in today ? today.inputsHash : `unscorable-v${today.applicationVersion}`;
  const jobId = riskJobId(applicationId, marker, modelVersion);
  const payload: RiskScoringJobPayload = { applicationId, inputsHash: marker, modelVersion, reason };
  await addToOutbox(manager, { queue: QUEUE_NAMES.riskScoring, jobName: RISK_JOB_NAME, jobId, payload });
  return jobId;
}
