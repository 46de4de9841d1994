import { type EntityManager } from 'typeorm';
import { addToOutbox, deterministicJobId, QUEUE_NAMES, type RiskScoringJobPayload } from '@forge/queue';

/**
 * Queues a risk assessment of the application's present inputs under the active model, through the outbox.
 * PLACEHOLDER job id until the scoring issue lands (it derives the id from the inputs hash and model version).
 */
export async function scheduleRiskAssessment(
  manager: EntityManager,
  applicationId: string,
  reason: RiskScoringJobPayload['reason'],
): Promise<string> {
  const [application]: Array<{ version: number }> = await manager.query(
    `SELECT version FROM applications WHERE id = $1`,
    [applicationId],
  );
  const jobId = deterministicJobId('risk', applicationId, `v${application.version}`);
  const payload: RiskScoringJobPayload = {
    applicationId,
    inputsHash: 'pending',
    modelVersion: 'active',
    reason,
  };
  await addToOutbox(manager, {
    queue: QUEUE_NAMES.riskScoring,
    jobName: 'assess-application',
    jobId,
    payload,
  });
  return jobId;
}
