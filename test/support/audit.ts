import { type DataSource } from 'typeorm';
import {
  appendAuditEvent,
  type AuditAppend,
  AUDIT_EVENT_COLUMNS,
  type AuditEventRecord,
  auditRecordFromRow,
  sequencePendingAuditEvents,
} from '../../libs/audit/src/index.js';

/**
 * Returns once every audit event committed before the call has its `seq`: it places what no sequencer has
 * reached yet (waiting for a batch in progress), with no sleeping. For tests that read `audit_events` directly.
 */
export async function auditCaughtUp(dataSource: DataSource): Promise<void> {
  await sequencePendingAuditEvents(dataSource);
}

/** One event in its own transaction, then sequenced: the record as the chain holds it. */
export async function appendSequenced(
  dataSource: DataSource,
  append: AuditAppend,
): Promise<AuditEventRecord> {
  const pending = await dataSource.transaction((manager) => appendAuditEvent(manager, append));
  await sequencePendingAuditEvents(dataSource);
  const [row] = await dataSource.query(`SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events WHERE id = $1`, [
    pending.id,
  ]);
  return auditRecordFromRow(row);
}
