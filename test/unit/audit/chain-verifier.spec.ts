import { describe, expect, it } from '@jest/globals';
import {
  type AuditEventRecord,
  createChainVerifier,
  createStoredChainVerifier,
  GENESIS_PREV_HASH,
  sealAuditEvent,
  sealAuditEventBytes,
  verifyChain,
} from '@forge/audit';
import { makeChain } from './fixtures.js';

const CHAIN = makeChain(30);

/** Re-seals records from `from` on, as an attacker with the hashing code would. */
function reseal(records: AuditEventRecord[], from: number): AuditEventRecord[] {
  const out = records.slice(0, from);
  let prevHash = from === 0 ? GENESIS_PREV_HASH : (records[from - 1] as AuditEventRecord).hash;
  for (const r of records.slice(from)) {
    const sealed = sealAuditEvent({ ...r, prevHash });
    out.push(sealed);
    prevHash = sealed.hash;
  }
  return out;
}

describe('chain verifier', () => {
  it('accepts a valid chain and reports its head', async () => {
    const result = await verifyChain(CHAIN);
    expect(result).toEqual({
      valid: true,
      length: 30,
      headHash: CHAIN[29]?.hash,
      firstInvalidSeq: null,
      reason: null,
    });
  });

  it('accepts the empty log', async () => {
    expect(await verifyChain([])).toEqual({
      valid: true,
      length: 0,
      headHash: null,
      firstInvalidSeq: null,
      reason: null,
    });
  });

  it('catches an edited row (hash mismatch) and names it', async () => {
    const edited = CHAIN.map((r) => (r.seq === 17 ? { ...r, reason: 'changed later' } : r));
    const result = await verifyChain(edited);
    expect(result).toMatchObject({ valid: false, firstInvalidSeq: 17, reason: 'hash mismatch' });
    expect(result.headHash).toBe(CHAIN[16]?.hash);
    expect(result.length).toBe(30);
  });

  it('catches an edited row whose own hash was recomputed (at the next row)', async () => {
    const edited = CHAIN.map((r) =>
      r.seq === 17 ? sealAuditEvent({ ...r, after: { stage: 'approved' } }) : r,
    );
    expect(await verifyChain(edited)).toMatchObject({
      valid: false,
      firstInvalidSeq: 18,
      reason: expect.stringMatching(/^prevHash mismatch/) as unknown as string,
    });
  });

  it('catches a deleted row (seq gap) and names the missing seq', async () => {
    const deleted = CHAIN.filter((r) => r.seq !== 12);
    expect(await verifyChain(deleted)).toMatchObject({
      valid: false,
      firstInvalidSeq: 12,
      reason: expect.stringMatching(/^seq gap/) as unknown as string,
    });
  });

  it('catches a deleted row with the later rows renumbered', async () => {
    const renumbered = CHAIN.filter((r) => r.seq !== 12).map((r) =>
      r.seq > 12 ? { ...r, seq: r.seq - 1 } : r,
    );
    expect(await verifyChain(renumbered)).toMatchObject({
      valid: false,
      firstInvalidSeq: 12,
      reason: 'prevHash mismatch: does not equal the hash of seq 11',
    });
  });

  it('catches swapped rows', async () => {
    const swapped = [...CHAIN];
    [swapped[8], swapped[9]] = [swapped[9] as AuditEventRecord, swapped[8] as AuditEventRecord];
    expect(await verifyChain(swapped)).toMatchObject({
      valid: false,
      firstInvalidSeq: 8,
      reason: expect.stringMatching(/^seq gap/) as unknown as string,
    });
    // … and swapped contents with their seq values exchanged.
    const relabelled = CHAIN.map((r) =>
      r.seq === 8
        ? { ...(CHAIN[9] as AuditEventRecord), seq: 8 }
        : r.seq === 9
          ? { ...(CHAIN[8] as AuditEventRecord), seq: 9 }
          : r,
    );
    expect(await verifyChain(relabelled)).toMatchObject({ valid: false, firstInvalidSeq: 8 });
  });

  it('catches an inserted row, with or without renumbering', async () => {
    const extra = sealAuditEvent({
      ...(CHAIN[5] as AuditEventRecord),
      id: 'forged',
      prevHash: CHAIN[4]?.hash as string,
    });
    const shifted = CHAIN.slice(5).map((r) => ({ ...r, seq: r.seq + 1 }));
    // Same seq as the row it precedes: the original row 5 then repeats a seq.
    const duplicated = [...CHAIN.slice(0, 5), extra, ...CHAIN.slice(5)];
    expect(await verifyChain(duplicated)).toMatchObject({
      valid: false,
      firstInvalidSeq: 5,
      reason: expect.stringMatching(/^seq out of order/) as unknown as string,
    });
    // Later rows renumbered: the original row 5, now seq 6, no longer links.
    expect(await verifyChain([...CHAIN.slice(0, 5), extra, ...shifted])).toMatchObject({
      valid: false,
      firstInvalidSeq: 6,
    });
    // A forger who re-seals the whole suffix makes a self-consistent chain: only a signed
    // checkpoint catches that (offline-verifier.spec.ts).
    expect((await verifyChain(reseal([...CHAIN.slice(0, 5), extra, ...shifted], 5))).valid).toBe(true);
  });

  it('catches a wrong genesis', async () => {
    const first = sealAuditEvent({ ...(CHAIN[0] as AuditEventRecord), prevHash: 'a'.repeat(64) });
    const wrong = reseal([first, ...CHAIN.slice(1)], 1);
    expect(await verifyChain(wrong)).toMatchObject({
      valid: false,
      firstInvalidSeq: 0,
      reason: 'wrong genesis: prevHash of seq 0 is not 64 zeros',
    });
    expect(await verifyChain(CHAIN.slice(1))).toMatchObject({ valid: false, firstInvalidSeq: 0 });
  });

  it('reports malformed records', async () => {
    const bad = [CHAIN[0], { ...CHAIN[1], hash: 'nope' }];
    expect(await verifyChain(bad)).toMatchObject({
      valid: false,
      firstInvalidSeq: 1,
      reason: 'malformed record: hash is not 64 lower-case hex digits',
    });
  });

  it('can be fed in batches and resumed from a trusted anchor', () => {
    const verifier = createChainVerifier();
    for (const r of CHAIN.slice(0, 10)) verifier.push(r);
    expect(verifier.result()).toMatchObject({ valid: true, length: 10 });
    for (const r of CHAIN.slice(10)) verifier.push(r);
    expect(verifier.result()).toMatchObject({ valid: true, length: 30, headHash: CHAIN[29]?.hash });

    const resumed = createChainVerifier({ anchor: { seq: 20, prevHash: CHAIN[19]?.hash as string } });
    for (const r of CHAIN.slice(20)) resumed.push(r);
    expect(resumed.result()).toMatchObject({ valid: true, length: 10 });
  });
});

describe('stored-chain verifier (bytes hashed, columns checked apart)', () => {
  const rows = makeChain(12).map((record) => {
    const { canonical } = sealAuditEventBytes(record);
    return { bytes: { seq: record.seq, prevHash: record.prevHash, hash: record.hash, canonical }, record };
  });

  it('accepts a stored chain, with and without the columns check', () => {
    const full = createStoredChainVerifier();
    const bytesOnly = createStoredChainVerifier({ columns: false });
    for (const { bytes, record } of rows) {
      full.push(bytes, record);
      bytesOnly.push(bytes);
    }
    expect(full.result()).toMatchObject({ valid: true, length: 12, headHash: rows[11]?.record.hash });
    expect(bytesOnly.result()).toMatchObject({ valid: true, length: 12 });
  });

  it('names an edited byte, an edited column, a gap and a broken link by seq', () => {
    const run = (edit: (i: number, row: (typeof rows)[number]) => (typeof rows)[number], columns = true) => {
      const verifier = createStoredChainVerifier({ columns });
      rows.forEach((row, i) => verifier.push(edit(i, row).bytes, edit(i, row).record));
      return verifier.result();
    };
    const byte = run((i, row) =>
      i === 5
        ? {
            ...row,
            bytes: { ...row.bytes, canonical: Buffer.from(row.bytes.canonical.toString().replace('5', '6')) },
          }
        : row,
    );
    expect(byte).toMatchObject({ valid: false, firstInvalidSeq: 5 });
    expect(byte.reason).toMatch(/stored bytes do not hash/);
    const column = run((i, row) =>
      i === 7 ? { ...row, record: { ...row.record, reason: 'softened' } } : row,
    );
    expect(column).toMatchObject({ valid: false, firstInvalidSeq: 7 });
    expect(column.reason).toMatch(/JSON columns differ/);
    // Without the columns check an edited column goes unseen: that is why /audit/verify keeps it.
    expect(
      run((i, row) => (i === 7 ? { ...row, record: { ...row.record, reason: 'softened' } } : row), false)
        .valid,
    ).toBe(true);
    const gap = createStoredChainVerifier();
    rows.filter((_, i) => i !== 3).forEach(({ bytes, record }) => gap.push(bytes, record));
    expect(gap.result()).toMatchObject({ valid: false, firstInvalidSeq: 3 });
    const link = run((i, row) =>
      i === 9 ? { ...row, bytes: { ...row.bytes, prevHash: 'f'.repeat(64) } } : row,
    );
    expect(link).toMatchObject({ valid: false, firstInvalidSeq: 9 });
    expect(link.reason).toMatch(/prevHash mismatch/);
  });
});
