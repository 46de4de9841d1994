import { canonicalHash } from '@forge/domain';
import {
  type AuditEventRecord,
  auditPublicKey,
  buildProofBundle,
  bytesToHex,
  GENESIS_PREV_HASH,
  generateSigningKeyPair,
  InMemorySubtreeStore,
  type ProofBundle,
  sealAuditEvent,
  signCheckpoint,
  type SigningKeyPair,
  toExportLine,
  treeRoot,
} from '@forge/audit';

/** A valid chain of `n` events; every third (seq 0, 3, 6, …) belongs to application `app-1`. */
export function makeChain(n: number): AuditEventRecord[] {
  const records: AuditEventRecord[] = [];
  let prevHash = GENESIS_PREV_HASH;
  for (let seq = 0; seq < n; seq += 1) {
    const appId = seq % 3 === 0 ? 'app-1' : `other-${seq}`;
    const record = sealAuditEvent({
      seq,
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      occurredAt: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
      actor: seq % 2 === 0 ? { id: 'system', role: 'system' } : { id: `user-${seq}`, role: 'officer' },
      action: seq % 3 === 0 ? 'application.stage_changed' : 'check.resolved',
      subject: { type: 'application', id: appId },
      applicationId: appId,
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

export const KEYS: SigningKeyPair = generateSigningKeyPair();
export const OTHER_KEYS: SigningKeyPair = generateSigningKeyPair();

export const INPUTS = { country: 'AR', mineral: 'lithium', capexUsd: 780000000, mitigants: [] };

/** A proof bundle for `app-1` against a checkpoint of the first `treeSize` records. */
export async function makeBundle(
  records: readonly AuditEventRecord[],
  treeSize: number,
): Promise<ProofBundle> {
  const store = new InMemorySubtreeStore();
  for (const r of records) store.appendEventHash(r.hash);
  const checkpoint = signCheckpoint(
    {
      treeSize,
      rootHash: bytesToHex(await treeRoot(store, treeSize)),
      timestamp: '2025-02-01T12:00:00.000Z',
    },
    KEYS.privateKeyPem,
  );
  return buildProofBundle({
    applicationId: 'app-1',
    events: records.filter((r) => r.applicationId === 'app-1'),
    checkpoint,
    publicKey: auditPublicKey(KEYS.privateKeyPem),
    source: store,
    riskAssessments: [
      {
        assessment: { id: 'ra-1', inputsHash: canonicalHash(INPUTS), modelVersion: '1.0.0' },
        inputs: INPUTS,
      },
    ],
  });
}
