import { type EntityManager } from 'typeorm';
import { addToOutbox, deterministicJobId, QUEUE_NAMES, type ScreeningJobPayload } from '@forge/queue';

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
  const [application]: Array<{ version: number }> = await manager.query(
    `SELECT version FROM applications WHERE id = $1`,
    [applicationId],
  );
  const [list]: Array<{ sha256: string }> = await manager.query(
    `SELECT sha256 FROM reference_snapshots WHERE kind = 'sanctions' AND active`,
  );
  const listSha256 = list?.sha256 ?? 'none';
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
  await addToOutbox(manager, { queue: QUEUE_NAMES.screening, jobName: 'screen-application', jobId, payload });
  return jobId;
}
