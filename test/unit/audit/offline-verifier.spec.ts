import { describe, expect, it } from '@jest/globals';
import {
  type AuditEventRecord,
  formatOfflineReport,
  sealAuditEvent,
  toExportLine,
  verifyAuditExport,
} from '@forge/audit';
import { exportLines, KEYS, makeBundle, makeChain, OTHER_KEYS } from './fixtures.js';

const CHAIN = makeChain(50);
const LINES = exportLines(CHAIN);

async function* asAsync(lines: readonly string[]): AsyncGenerator<string> {
  for (const line of lines) yield line;
}

describe('offline verifier', () => {
  it('a generated export is valid: no failures, exit-worthy verdict', async () => {
    const report = await verifyAuditExport({ lines: asAsync([...LINES, '']) });
    expect(report.ok).toBe(true);
    expect(report.failures).toEqual([]);
    expect(report.chain).toMatchObject({ valid: true, length: 50, headHash: CHAIN[49]?.hash });
    expect(formatOfflineReport(report, 'x.jsonl')).toMatch(/RESULT: VALID$/);
  });

  it('one corrupted line is named by seq and line', async () => {
    const corrupted = [...LINES];
    corrupted[17] = (corrupted[17] as string).replace('"reason 17"', '"reason seventeen"');
    const report = await verifyAuditExport({ lines: corrupted });
    expect(report.ok).toBe(false);
    expect(report.failures[0]).toBe('chain broken at seq 17 (line 18): hash mismatch');
    expect(formatOfflineReport(report, 'x.jsonl')).toMatch(
      /RESULT: INVALID \(chain broken at seq 17 \(line 18\): hash mismatch\)$/,
    );
  });

  it('a line that is not JSON, and a line with an extra field', async () => {
    const garbage = [...LINES];
    garbage[3] = '{not json';
    expect((await verifyAuditExport({ lines: garbage })).failures[0]).toBe(
      'chain broken at seq 3 (line 4): malformed record: not a JSON object',
    );
    const extra = [...LINES];
    extra[5] = JSON.stringify({ ...(JSON.parse(LINES[5] as string) as object), note: 'x' });
    expect((await verifyAuditExport({ lines: extra })).failures[0]).toMatch(
      /^chain broken at seq 5 \(line 6\): malformed record: unexpected field "note"/,
    );
  });

  it('a deleted line names the missing seq', async () => {
    const report = await verifyAuditExport({ lines: LINES.filter((_, i) => i !== 20) });
    expect(report.failures[0]).toMatch(/^chain broken at seq 20 \(line 21\): seq gap/);
  });

  it('with a bundle: valid bundle and export, operator key given', async () => {
    const bundle = await makeBundle(CHAIN, 45);
    const report = await verifyAuditExport({
      lines: LINES,
      bundle: JSON.parse(JSON.stringify(bundle)) as unknown,
      publicKeyPem: KEYS.publicKeyPem,
    });
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checkpointRootMatched).toBe(true);
    expect(report.bundle?.inclusionProofsChecked).toBe(15);
    expect(report.notes.join('\n')).toMatch(/seq 45 is newer than the checkpoint/);
  });

  it('with a bundle and no key: uses the bundle key and says so', async () => {
    const report = await verifyAuditExport({ lines: LINES, bundle: await makeBundle(CHAIN, 50) });
    expect(report.ok).toBe(true);
    expect(report.notes.join('\n')).toMatch(/public key shipped inside the bundle/);
    expect(formatOfflineReport(report, 'x.jsonl')).toMatch(/note: checkpoint signature checked/);
  });

  it('with a bundle: a key that is not the bundle key fails', async () => {
    const report = await verifyAuditExport({
      lines: LINES,
      bundle: await makeBundle(CHAIN, 50),
      publicKeyPem: OTHER_KEYS.publicKeyPem,
    });
    expect(report.ok).toBe(false);
    expect(report.failures).toContain('the public key given does not match the key inside the bundle');
  });

  it('with a bundle: a bundle event that differs from the export, or is missing from it', async () => {
    const bundle = await makeBundle(CHAIN, 50);
    const original = CHAIN[9] as AuditEventRecord;
    // The operator re-seals seq 9 in the export and re-links the rest: a self-consistent chain.
    const forged: AuditEventRecord[] = CHAIN.slice(0, 9);
    let prevHash = (CHAIN[8] as AuditEventRecord).hash;
    for (const r of CHAIN.slice(9)) {
      const sealed = sealAuditEvent({ ...r, prevHash, reason: r === original ? 'softened' : r.reason });
      forged.push(sealed);
      prevHash = sealed.hash;
    }
    const forgedLines = forged.map(toExportLine);
    const report = await verifyAuditExport({ lines: forgedLines, bundle });
    expect(report.chain.valid).toBe(true);
    expect(report.failures).toEqual([
      'bundle event seq 9 differs from the export (line 10)',
      'bundle event seq 12 differs from the export (line 13)',
      'bundle event seq 15 differs from the export (line 16)',
      'bundle event seq 18 differs from the export (line 19)',
      'bundle event seq 21 differs from the export (line 22)',
      'bundle event seq 24 differs from the export (line 25)',
      'bundle event seq 27 differs from the export (line 28)',
      'bundle event seq 30 differs from the export (line 31)',
      'bundle event seq 33 differs from the export (line 34)',
      'bundle event seq 36 differs from the export (line 37)',
      'bundle event seq 39 differs from the export (line 40)',
      'bundle event seq 42 differs from the export (line 43)',
      'bundle event seq 45 differs from the export (line 46)',
      'bundle event seq 48 differs from the export (line 49)',
      'the Merkle root of export events [0, 50) does not equal the checkpoint root',
    ]);
    expect(report.checkpointRootMatched).toBe(false);

    const short = await verifyAuditExport({ lines: LINES.slice(0, 30), bundle });
    expect(short.failures).toContain('bundle event seq 30 is not in the export');
    expect(short.failures).toContain(
      'the export is shorter than the checkpoint: it holds 30 events (last seq 29), the signed checkpoint covers 50 (events removed, or the export was cut)',
    );
    expect(short.ok).toBe(false);
  });

  it('fails an export shorter than a signed checkpoint it is checked against, and needs the key for it', async () => {
    const { checkpoint } = await makeBundle(CHAIN, 40);
    const full = await verifyAuditExport({
      lines: LINES,
      checkpoints: [checkpoint],
      publicKeyPem: KEYS.publicKeyPem,
    });
    expect(full.failures).toEqual([]);
    expect(full.checkpointsMatched).toBe(1);
    const cut = await verifyAuditExport({
      lines: LINES.slice(0, 39),
      checkpoints: [checkpoint],
      publicKeyPem: KEYS.publicKeyPem,
    });
    expect(cut.ok).toBe(false);
    expect(cut.failures).toEqual([
      'the export is shorter than given checkpoint 1 (treeSize 40): it holds 39 events (last seq 38), the signed checkpoint covers 40 (events removed, or the export was cut)',
    ]);
    const noKey = await verifyAuditExport({ lines: LINES, checkpoints: [checkpoint] });
    expect(noKey.failures).toEqual([
      'given checkpoint 1 (treeSize 40): no public key to check its signature with (--public-key)',
    ]);
    const otherKey = await verifyAuditExport({
      lines: LINES,
      checkpoints: [checkpoint],
      publicKeyPem: OTHER_KEYS.publicKeyPem,
    });
    expect(otherKey.failures).toEqual([
      'given checkpoint 1 (treeSize 40): signature invalid under the given public key',
    ]);
  });

  it('a re-sealed suffix with no bundle event in it is still caught by the checkpoint root', async () => {
    const bundle = await makeBundle(CHAIN, 50);
    const forged: AuditEventRecord[] = CHAIN.slice(0, 49);
    forged.push(sealAuditEvent({ ...(CHAIN[49] as AuditEventRecord), reason: 'changed' }));
    const report = await verifyAuditExport({ lines: forged.map(toExportLine), bundle });
    expect(report.chain.valid).toBe(true);
    expect(report.failures).toEqual([
      'the Merkle root of export events [0, 50) does not equal the checkpoint root',
    ]);
  });

  it('an export that does not start at the genesis is reported', async () => {
    const report = await verifyAuditExport({ lines: LINES.slice(1) });
    expect(report.failures[0]).toMatch(/^chain broken at seq 0 \(line 1\): seq gap/);
    const empty = await verifyAuditExport({ lines: [] });
    expect(empty.ok).toBe(true);
    expect(empty.notes).toEqual(['the export holds no events']);
  });
});
