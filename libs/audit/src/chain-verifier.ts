import {
  type AuditEventRecord,
  computeEventHash,
  GENESIS_PREV_HASH,
  recordShapeProblem,
} from './audit-event.js';

/** Answer of `GET /audit/verify` (plus a human `reason`). */
export interface ChainVerificationResult {
  /** True when every record pushed links to its predecessor and hashes to its `hash`. */
  valid: boolean;
  /** Number of records examined (pushed). */
  length: number;
  /**
   * `hash` of the last record of the verified prefix: the chain head when `valid`, the last
   * good record before the break otherwise; null when no record was verified.
   */
  headHash: string | null;
  /** The first `seq` found bad, or null when valid. */
  firstInvalidSeq: number | null;
  /** Why `firstInvalidSeq` is bad (e.g. "hash mismatch"), or null when valid. */
  reason: string | null;
}

export interface ChainVerifier {
  /**
   * Feed the next record in `seq` order. Accepts `unknown` so a parsed file line can be fed
   * as it is: its shape is checked first. After the first failure further records are only
   * counted.
   */
  push(record: unknown): void;
  /** The verdict so far (may be called at any time, e.g. after each batch). */
  result(): ChainVerificationResult;
}

export interface ChainVerifierOptions {
  /**
   * Where the records start. Defaults to the genesis: `seq` 0 with `prevHash`
   * `GENESIS_PREV_HASH`. A caller that trusts an earlier verified head (e.g. a checkpointed
   * prefix) may resume from `{ seq: head.seq + 1, prevHash: head.hash }`.
   */
  anchor?: { seq: number; prevHash: string };
}

/**
 * A streaming verifier of the hash chain. Constant memory: it keeps the expected next `seq`
 * and `prevHash`, nothing else, so it can be fed database batches or file lines of any length.
 *
 * For each record, in order: its shape, then `seq` equals the expected one (a gap means a
 * deleted row; a repeated or lower `seq` an inserted or reordered one), then `prevHash` equals
 * the previous record's `hash` (the genesis value at `seq` 0), then the recomputed hash equals
 * `hash` (an edited row). The first failure fixes `firstInvalidSeq`:
 *  - for a `seq` anomaly, the smaller of the expected and the found `seq` (a deleted row is
 *    named by its missing `seq`, a duplicated one by its repeated `seq`);
 *  - otherwise the record's own `seq`.
 */
export function createChainVerifier(options: ChainVerifierOptions = {}): ChainVerifier {
  const anchor = options.anchor ?? { seq: 0, prevHash: GENESIS_PREV_HASH };
  let expectedSeq = anchor.seq;
  let expectedPrevHash = anchor.prevHash;
  let length = 0;
  let headHash: string | null = null;
  let firstInvalidSeq: number | null = null;
  let reason: string | null = null;

  const fail = (seq: number, why: string): void => {
    firstInvalidSeq = seq;
    reason = why;
  };

  const check = (value: unknown): void => {
    const shape = recordShapeProblem(value);
    if (shape !== null) {
      const seq = (value as { seq?: unknown } | null)?.seq;
      const named =
        typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0
          ? Math.min(seq, expectedSeq)
          : expectedSeq;
      fail(named, `malformed record: ${shape}`);
      return;
    }
    const record = value as AuditEventRecord;
    if (record.seq !== expectedSeq) {
      const why =
        record.seq > expectedSeq
          ? `seq gap: expected ${expectedSeq}, found ${record.seq} (row missing)`
          : `seq out of order: expected ${expectedSeq}, found ${record.seq} (row repeated, inserted or reordered)`;
      fail(Math.min(record.seq, expectedSeq), why);
      return;
    }
    if (record.prevHash !== expectedPrevHash) {
      fail(
        record.seq,
        record.seq === anchor.seq && anchor.seq === 0
          ? 'wrong genesis: prevHash of seq 0 is not 64 zeros'
          : `prevHash mismatch: does not equal the hash of seq ${record.seq - 1}`,
      );
      return;
    }
    if (computeEventHash(record) !== record.hash) {
      fail(record.seq, 'hash mismatch');
      return;
    }
    expectedSeq = record.seq + 1;
    expectedPrevHash = record.hash;
    headHash = record.hash;
  };

  return {
    push(record: unknown): void {
      length += 1;
      if (firstInvalidSeq === null) check(record);
    },
    result(): ChainVerificationResult {
      return { valid: firstInvalidSeq === null, length, headHash, firstInvalidSeq, reason };
    },
  };
}

/** Verifies a whole (in-memory or async) sequence of records. */
export async function verifyChain(
  records: Iterable<unknown> | AsyncIterable<unknown>,
  options: ChainVerifierOptions = {},
): Promise<ChainVerificationResult> {
  const verifier = createChainVerifier(options);
  for await (const record of records) verifier.push(record);
  return verifier.result();
}
