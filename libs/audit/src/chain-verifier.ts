import {
  type AuditEventRecord,
  canonicalEvent,
  computeEventHash,
  GENESIS_PREV_HASH,
  hashOfEventBytes,
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

/** What the stored-chain verifier reads of one row: its position, its hash and the bytes the hash covers. */
export interface StoredEventBytes {
  seq: number;
  prevHash: string;
  hash: string;
  /** UTF-8 of the RFC 8785 hashed object, as stored. */
  canonical: Uint8Array;
}

export interface StoredChainVerifier {
  /**
   * Feed the next row in `seq` order: its bytes (hashed, linked) and, unless `columns` is false in the
   * options, the record its JSON columns make (which must serialise to exactly those bytes).
   */
  push(row: StoredEventBytes, record?: unknown): void;
  result(): ChainVerificationResult;
}

/**
 * The verifier of the stored trail (issue 18.2, "hash bytes, not objects"): the chain is checked over the stored
 * canonical bytes, streamed through SHA-256 with `prevHash` (no JSON work: `seq` gap-free, `prevHash` = the previous
 * `hash`, `hash` = SHA-256(`prevHash` ‖ bytes)); separately, the record the JSON columns make must serialise to
 * exactly those bytes (RFC 8785), so an edited column with untouched bytes is named too. The first failure of
 * either kind, in `seq` order, fixes `firstInvalidSeq`.
 */
export function createStoredChainVerifier(
  options: ChainVerifierOptions & { columns?: boolean } = {},
): StoredChainVerifier {
  const anchor = options.anchor ?? { seq: 0, prevHash: GENESIS_PREV_HASH };
  const columns = options.columns ?? true;
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

  const check = (row: StoredEventBytes, record: unknown): void => {
    if (row.seq !== expectedSeq) {
      fail(
        Math.min(row.seq, expectedSeq),
        row.seq > expectedSeq
          ? `seq gap: expected ${expectedSeq}, found ${row.seq} (row missing)`
          : `seq out of order: expected ${expectedSeq}, found ${row.seq} (row repeated, inserted or reordered)`,
      );
      return;
    }
    if (row.prevHash !== expectedPrevHash) {
      fail(
        row.seq,
        row.seq === 0 && anchor.seq === 0
          ? 'wrong genesis: prevHash of seq 0 is not 64 zeros'
          : `prevHash mismatch: does not equal the hash of seq ${row.seq - 1}`,
      );
      return;
    }
    if (hashOfEventBytes(row.prevHash, row.canonical) !== row.hash) {
      fail(row.seq, 'hash mismatch: the stored bytes do not hash to hash');
      return;
    }
    if (columns) {
      const shape = recordShapeProblem(record);
      if (shape !== null) {
        fail(row.seq, `malformed record: ${shape}`);
        return;
      }
      if (!Buffer.from(canonicalEvent(record as AuditEventRecord), 'utf8').equals(row.canonical)) {
        fail(row.seq, 'the JSON columns differ from the hashed bytes (a column was edited)');
        return;
      }
    }
    expectedSeq = row.seq + 1;
    expectedPrevHash = row.hash;
    headHash = row.hash;
  };

  return {
    push(row: StoredEventBytes, record?: unknown): void {
      length += 1;
      if (firstInvalidSeq === null) check(row, record);
    },
    result(): ChainVerificationResult {
      return { valid: firstInvalidSeq === null, length, headHash, firstInvalidSeq, reason };
    },
  };
}
