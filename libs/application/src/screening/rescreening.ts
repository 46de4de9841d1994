import { type EntityManager } from 'typeorm';
import { RESCREENED_STAGES } from '@forge/domain';
import { scheduleScreening } from './screening-scheduler.js';

/**
 * A new sanctions list was loaded (in the caller's transaction): queues, through the outbox, a screening job
 * for every application in a stage the list re-screens (`RESCREENED_STAGES`: received and not terminal, the
 * financed and carried post-close stages included), and raises their "screening requested" mark so the
 * pipeline's "latest screening job has run" guard holds their moves until the re-screen ran. Returns how many
 * were queued.
 */
export async function queueRescreeningForNewList(manager: EntityManager): Promise<number> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM applications WHERE stage = ANY($1::text[]) ORDER BY created_at, id`,
    [RESCREENED_STAGES],
  );
  for (const { id } of rows) await scheduleScreening(manager, id, 'list_loaded');
  await manager.query(
    `UPDATE applications SET screening_requested_version = GREATEST(COALESCE(screening_requested_version, 0), version)
      WHERE id = ANY($1::uuid[])`,
    [rows.map((a) => a.id)],
  );
  return rows.length;
}
