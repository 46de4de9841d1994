import { type AuditEventRecord, GENESIS_PREV_HASH, sealAuditEvent, toExportLine } from '@forge/audit';

/** A valid chain of `n` events; every third belongs to application `app-1`. */
export function makeChain(n: number): AuditEventRecord[] {
  const records: AuditEventRecord[] = [];
  let prevHash = GENESIS_PREV_HASH;
  for (let seq = 0; seq < n; seq += 1) {
    const record = sealAuditEvent({
      seq,
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      occurredAt: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
      actor: seq % 2 === 0 ? { id: 'system', role: 'system' } : { id: `user-${seq}`, role: 'officer' },
      action: seq % 3 === 0 ? 'application.stage_changed' : 'check.resolved',
      subject: { type: 'application', id: seq % 3 === 0 ? 'app-1' : `app-${seq}` },
      applicationId: seq % 3 === 0 ? 'app-1' : `app-${seq}`,
      reason: seq % 4 === 0 ? null : `reason ${seq}`,
      before: { stage: 'submitted' },
      after: { stage: 'esg_review', n: seq },
      context: seq % 2 === 0 ? { jobId: `job-${seq}` } : { requestId: `req-${seq}` },
      prevHash,
    });
    records.push(record);
    prevHash = record.hash;
  }
  return records;
}

export function exportLines(records: readonly AuditEventRecord[]): string[] {
  return records.map(toExportLine);
}
