import type { AuditCheckpointsRow, AuditHeadRow } from '@forge/persistence';
import { type EntityManager } from 'typeorm';
import { type AuditEventRecord } from '../audit-event.js';
import {
  AUDIT_EVENT_COLUMNS,
  AUDIT_EVENT_COLUMNS_WITH_BYTES,
  type AuditEventRow,
  type AuditEventRowWithBytes,
  auditRecordFromRow,
  type PendingAuditEvent,
} from '../audit-writer.js';
import { type ChainVerificationResult, createStoredChainVerifier } from '../chain-verifier.js';
import { type SignedCheckpoint, verifyCheckpoint } from '../checkpoint.js';
import { type AuditAlarm, type CheckpointLogContents, compareCheckpointSeries } from '../checkpoint-log.js';
import { MerkleFrontier } from '../merkle/merkle-frontier.js';

/** Anything that runs SQL: a DataSource or a transaction's EntityManager. */
export interface SqlRunner {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** Filters of `GET /audit/events` and `GET /audit/export` (all optional, combined with AND). */
export interface AuditEventFilter {
  /** Exclusive lower bound on `seq` (keyset cursor). */
  afterSeq?: number;
  /** Inclusive bounds on `seq`. */
  fromSeq?: number;
  toSeq?: number;
  applicationId?: string;
  actorId?: string;
  action?: string;
  /** Inclusive lower / exclusive upper bound on `occurredAt` (ISO-8601). */
  from?: string;
  to?: string;
}

/**
 * Builds the WHERE clause of a filter (parameters from $1), over sequenced events (a pending one, seq NULL, has
 * no position to order or page by yet) or over pending ones.
 */
function whereClause(filter: AuditEventFilter, pending = false): { sql: string; params: unknown[] } {
  const conditions: string[] = [pending ? 'seq IS NULL' : 'seq IS NOT NULL'];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.afterSeq !== undefined) add('seq > ?', filter.afterSeq);
  if (filter.fromSeq !== undefined) add('seq >= ?', filter.fromSeq);
  if (filter.toSeq !== undefined) add('seq <= ?', filter.toSeq);
  if (filter.applicationId !== undefined) add('application_id = ?::uuid', filter.applicationId);
  if (filter.actorId !== undefined) add('actor_id = ?', filter.actorId);
  if (filter.action !== undefined) add('action = ?', filter.action);
  if (filter.from !== undefined) add('occurred_at >= ?::timestamptz', filter.from);
  if (filter.to !== undefined) add('occurred_at < ?::timestamptz', filter.to);
  return { sql: `WHERE ${conditions.join(' AND ')}`, params };
}

/** One keyset page of events in `seq` order. */
export async function readAuditEvents(
  db: SqlRunner,
  filter: AuditEventFilter,
  limit: number,
): Promise<AuditEventRecord[]> {
  const where = whereClause(filter);
  const rows: AuditEventRow[] = await db.query(
    `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events ${where.sql} ORDER BY seq LIMIT $${where.params.length + 1}`,
    [...where.params, limit],
  );
  return rows.map(auditRecordFromRow);
}

/** An event committed but not yet sequenced, as the trail shows it: no `seq`, `prevHash` or `hash` yet. */
export type PendingTrailEvent = PendingAuditEvent & { seq: null; prevHash: null; hash: null };

/**
 * Pending events matching the filter's non-position fields, in insertion order (none when the filter bounds
 * `seq`: a pending event has none). What the trail shows after its last sequenced event.
 */
export async function readPendingAuditEvents(
  db: SqlRunner,
  filter: AuditEventFilter,
  limit: number,
): Promise<PendingTrailEvent[]> {
  if (filter.fromSeq !== undefined || filter.toSeq !== undefined) return [];
  const where = whereClause({ ...filter, afterSeq: undefined }, true);
  const rows: Array<AuditEventRow & { content_hash: string }> = await db.query(
    `SELECT ${AUDIT_EVENT_COLUMNS}, content_hash FROM audit_events ${where.sql} ORDER BY entry LIMIT $${where.params.length + 1}`,
    [...where.params, limit],
  );
  return rows.map((row) => {
    const record = auditRecordFromRow({ ...row, seq: '0' });
    return { ...record, contentHash: row.content_hash, seq: null, prevHash: null, hash: null };
  });
}

/**
 * Every matching event in `seq` order, read in keyset batches (`WHERE seq > $last ORDER BY seq LIMIT n`):
 * memory stays at one batch whatever the table's size. Each batch is its own statement, so a long export
 * holds no transaction open.
 */
export async function* streamAuditEvents(
  db: SqlRunner,
  filter: AuditEventFilter = {},
  batchSize = 1000,
): AsyncGenerator<AuditEventRecord> {
  let afterSeq = filter.afterSeq;
  for (;;) {
    const batch = await readAuditEvents(db, { ...filter, afterSeq }, batchSize);
    for (const record of batch) yield record;
    if (batch.length < batchSize) return;
    afterSeq = (batch[batch.length - 1] as AuditEventRecord).seq;
  }
}

/**
 * One batch of the verifier's input: the next `$2` sequenced rows after `seq` `$1`, with their bytes. Only a lower
 * bound on purpose: a range on both sides (`seq > $1 AND seq <= $head`) on a table PostgreSQL has not analysed yet
 * (a restore, a bulk load, the first minute of a fresh log) is estimated at 0.5% of the rows, and the planner then
 * reads the WHOLE remaining range through a bitmap scan and sorts it for each batch of 1,000, which made a full
 * verification quadratic (EXPLAIN in bench/README.md, "Decision trail as it grows"). With one bound the estimate is a
 * third of the table and the plan an index scan on `audit_events_seq_key` stopping after `$2` rows, statistics or
 * not; the caller stops at the head itself.
 */
export const STORED_EVENT_ROWS_BATCH_SQL = `SELECT ${AUDIT_EVENT_COLUMNS_WITH_BYTES} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`;

/**
 * Rows with the bytes their hash covers, `afterSeq < seq ≤ toSeq`, in `seq` order and keyset batches (constant
 * memory: one batch of rows at a time, each batch an index range of at most `batchSize` rows). The verifier's input.
 */
export async function* streamStoredEventRows(
  db: SqlRunner,
  range: { afterSeq: number; toSeq: number },
  batchSize = 1000,
): AsyncGenerator<AuditEventRowWithBytes> {
  let afterSeq = range.afterSeq;
  while (afterSeq < range.toSeq) {
    const batch: AuditEventRowWithBytes[] = await db.query(STORED_EVENT_ROWS_BATCH_SQL, [
      afterSeq,
      batchSize,
    ]);
    for (const row of batch) {
      if (Number(row.seq) > range.toSeq) return;
      yield row;
    }
    if (batch.length < batchSize) return;
    afterSeq = Number((batch[batch.length - 1] as AuditEventRowWithBytes).seq);
  }
}

/** The stored-chain verifier's input from a row: its bytes, and the record its columns make. */
export function storedEventBytes(row: AuditEventRowWithBytes): {
  bytes: { seq: number; prevHash: string; hash: string; canonical: Uint8Array };
  record: AuditEventRecord;
} {
  const record = auditRecordFromRow(row);
  return {
    bytes: { seq: record.seq, prevHash: row.prev_hash, hash: row.hash, canonical: row.canonical },
    record,
  };
}

/** `GET /audit/verify`, plus what was compared beyond the chain itself. */
export interface StoredChainVerification extends ChainVerificationResult {
  /**
   * Whether the Merkle root recomputed from the stored events equals the latest signed checkpoint's root
   * (null when there is no checkpoint, or the chain broke before reaching its size). Catches a chain
   * rewritten and re-hashed consistently by someone with database rights.
   */
  checkpointRootMatched: boolean | null;
  checkpointTreeSize: number | null;
  /** The database's checkpoint series, each root recomputed from the events. */
  checkpoints: {
    count: number;
    latestTreeSize: number | null;
    /** Distinct tree sizes (database and log file) whose root was recomputed and compared. */
    rootsChecked: number;
    /** The smallest tree size whose signed root the events do not reproduce. */
    firstMismatchTreeSize: number | null;
  };
  /** The append-only copy of the series outside the database. */
  checkpointLog: {
    configured: boolean;
    exists: boolean | null;
    count: number;
    latestTreeSize: number | null;
    /** Checkpoints the file holds and the database lacks. */
    missingTreeSizes: number[];
  };
  /** Every alarm (empty when all is well); `valid` is false when any is about the evidence itself. */
  alarms: AuditAlarm[];
}

export interface StoredChainOptions {
  /** The checkpoint log file's contents (null: none configured). */
  checkpointLog?: CheckpointLogContents | null;
  /** The key checkpoints must be signed with (their signatures are checked when given). */
  publicKeyPem?: string;
}

/**
 * Recomputes the whole stored chain in constant memory: keyset batches through the streaming verifier, up to
 * the head recorded in `audit_head` (read first, so appends committed meanwhile are left for the next run). The
 * chain is hashed over the stored canonical bytes; each row's JSON columns must serialise to those bytes.
 * After the rows, the head itself must match: a chain that ends early (tail rows deleted) is named at the
 * first missing `seq`. The same pass recomputes the Merkle root at the size of every checkpoint, those of the
 * database and those of the log file outside it, so a chain rewritten and re-hashed, events deleted from the
 * tail, and checkpoints deleted from the database are all found.
 */
export async function verifyStoredChain(
  db: SqlRunner,
  batchSize = 1000,
  options: StoredChainOptions = {},
): Promise<StoredChainVerification> {
  const [head]: Pick<AuditHeadRow, 'seq' | 'hash'>[] = await db.query(
    `SELECT seq, hash FROM audit_head WHERE id = 1`,
  );
  const headSeq = Number(head?.seq ?? -1);
  const rows: Omit<AuditCheckpointsRow, 'created_at'>[] = await db.query(
    `SELECT tree_size, root_hash, timestamp, signature FROM audit_checkpoints ORDER BY tree_size`,
  );
  const series: SignedCheckpoint[] = rows.map((r) => ({
    treeSize: Number(r.tree_size),
    rootHash: r.root_hash,
    timestamp: r.timestamp,
    signature: r.signature,
  }));
  const latest = series[series.length - 1] ?? null;
  const log = options.checkpointLog ?? null;
  const seriesReport =
    options.publicKeyPem === undefined ? null : compareCheckpointSeries(series, log, options.publicKeyPem);

  // Every signed root to reproduce: size → roots (two when the database and the file disagree).
  const expected = new Map<number, Set<string>>();
  const expect = (c: SignedCheckpoint) => {
    if (c.treeSize === 0) return;
    const roots = expected.get(c.treeSize) ?? new Set<string>();
    roots.add(c.rootHash);
    expected.set(c.treeSize, roots);
  };
  series.forEach(expect);
  for (const entry of log?.entries ?? []) {
    if (options.publicKeyPem === undefined || verifyCheckpoint(entry, options.publicKeyPem)) expect(entry);
  }
  const sizes = [...expected.keys()].sort((a, b) => a - b);
  let nextSize = 0;
  const frontier = new MerkleFrontier();
  let firstMismatchTreeSize: number | null = null;
  let rootsChecked = 0;
  let latestMatched: boolean | null = null;

  const verifier = createStoredChainVerifier();
  let lastGoodSeq = -1;
  for await (const row of streamStoredEventRows(db, { afterSeq: -1, toSeq: headSeq }, batchSize)) {
    const { bytes, record } = storedEventBytes(row);
    verifier.push(bytes, record);
    if (!verifier.result().valid) continue;
    lastGoodSeq = record.seq;
    if (nextSize >= sizes.length) continue;
    frontier.appendEventHash(record.hash);
    while (nextSize < sizes.length && sizes[nextSize] === frontier.size) {
      const size = sizes[nextSize] as number;
      const root = frontier.rootHex();
      const roots = expected.get(size) as Set<string>;
      rootsChecked += 1;
      const matched = roots.size === 1 && roots.has(root);
      if (!matched && firstMismatchTreeSize === null) firstMismatchTreeSize = size;
      if (latest !== null && size === latest.treeSize) latestMatched = latest.rootHash === root;
      nextSize += 1;
    }
  }
  const result = verifier.result();
  let verdict: ChainVerificationResult = result;
  if (result.valid && (lastGoodSeq !== headSeq || (headSeq >= 0 && head?.hash !== result.headHash))) {
    verdict = {
      ...result,
      valid: false,
      firstInvalidSeq: lastGoodSeq + 1,
      reason:
        lastGoodSeq < headSeq
          ? `chain ends at seq ${lastGoodSeq} but the head is at seq ${headSeq} (rows missing)`
          : 'the head hash does not equal the hash of the last event',
    };
  }

  const alarms: AuditAlarm[] = [];
  if (!verdict.valid) {
    alarms.push({
      code: 'CHAIN_INVALID',
      message: `the chain is broken at seq ${verdict.firstInvalidSeq}: ${verdict.reason}`,
    });
  }
  if (firstMismatchTreeSize !== null) {
    alarms.push({
      code: 'CHECKPOINT_ROOT_MISMATCH',
      message: `the Merkle root of events [0, ${firstMismatchTreeSize}) does not equal the signed checkpoint's root (chain rewritten)`,
    });
  }
  const longest = sizes[sizes.length - 1];
  if (verdict.valid && longest !== undefined && lastGoodSeq + 1 < longest) {
    alarms.push({
      code: 'LOG_SHORTER_THAN_CHECKPOINT',
      message: `the trail holds ${lastGoodSeq + 1} events but a signed checkpoint covers ${longest} (events deleted)`,
    });
  }
  alarms.push(...(seriesReport?.alarms ?? []));

  if (verdict.valid && alarms.length > 0) {
    const first = alarms[0] as AuditAlarm;
    verdict = {
      ...verdict,
      valid: false,
      firstInvalidSeq:
        first.code === 'LOG_SHORTER_THAN_CHECKPOINT'
          ? lastGoodSeq + 1
          : first.code === 'CHECKPOINT_ROOT_MISMATCH'
            ? 0
            : null,
      reason: first.message,
    };
  }
  return {
    ...verdict,
    checkpointRootMatched: latestMatched,
    checkpointTreeSize: latest?.treeSize ?? null,
    checkpoints: {
      count: series.length,
      latestTreeSize: latest?.treeSize ?? null,
      rootsChecked,
      firstMismatchTreeSize,
    },
    checkpointLog: {
      configured: log !== null,
      exists: log === null ? null : log.exists,
      count: seriesReport?.logCount ?? 0,
      latestTreeSize: seriesReport?.logLatestTreeSize ?? null,
      missingTreeSizes: seriesReport?.missingTreeSizes ?? [],
    },
    alarms,
  };
}

/** Every event of one application, in `seq` order. */
export async function readApplicationEvents(
  manager: EntityManager | SqlRunner,
  applicationId: string,
): Promise<AuditEventRecord[]> {
  const rows: AuditEventRow[] = await manager.query(
    `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events WHERE application_id = $1::uuid AND seq IS NOT NULL ORDER BY seq`,
    [applicationId],
  );
  return rows.map(auditRecordFromRow);
}
