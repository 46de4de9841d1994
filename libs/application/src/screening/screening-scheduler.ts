import { type EntityManager } from 'typeorm';
import {
  addToOutbox,
  deterministicJobId,
  type OutboxMessage,
  QUEUE_NAMES,
  type ScreeningJobPayload,
} from '@forge/queue';

/**
 * Queues screening of the application's current version against the active sanctions list, through the
 * outbox (in the caller's transaction). The job id is deterministic per (application, version, list), so
 * the same screening is never queued twice.
 */
export async function scheduleScreening(
  manager: EntityManager,
  applicationId: string,
  reason: ScreeningJobPayload['reason'],
): Promise<string> {
  const message = await screeningMessage(manager, applicationId, reason);
  await addToOutbox(manager, message);
  return message.jobId;
}

/** The outbox message `scheduleScreening` queues, for a caller that queues it with others (one INSERT). */
export async function screeningMessage(
  manager: EntityManager,
  applicationId: string,
  reason: ScreeningJobPayload['reason'],
): Promise<OutboxMessage> {
  // One round trip for the version and the active list (issue 18.4).
  const [application]: Array<{ version: number; sha256: string | null }> = await manager.query(
    `SELECT version, (SELECT sha256 FROM reference_snapshots WHERE kind = 'sanctions' AND active) AS sha256
       FROM applications WHERE id = $1`,
    [applicationId],
  );
  const listSha256 = application.sha256 ?? 'none';
  const jobId = deterministicJobId(
    'screening',
    applicationId,
    `v${application.version}`,
    listSha256.slice(0, 16),
  );
  const payload: ScreeningJobPayload = {
    applicationId,
    applicationVersion: application.version,
    sanctionsListSha256: listSha256,
    reason,
  };
  return { queue: QUEUE_NAMES.screening, jobName: 'screen-application', jobId, payload };
}
