import { type EntityManager } from 'typeorm';
import { type AuditEventRecord } from '../audit-event.js';
import { AUDIT_EVENT_COLUMNS, type AuditEventRow, auditRecordFromRow } from '../audit-writer.js';
import { type ChainVerificationResult, createChainVerifier } from '../chain-verifier.js';
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

/** Builds the WHERE clause of a filter (parameters from $1). */
function whereClause(filter: AuditEventFilter): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
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
  return { sql: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, params };
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

/** `GET /audit/verify`, plus what was compared beyond the chain itself. */
export interface StoredChainVerification extends ChainVerificationResult {
  /**
   * Whether the Merkle root recomputed from the stored events equals the latest signed checkpoint's root
   * (null when there is no checkpoint, or the chain broke before reaching its size). Catches a chain
   * rewritten and re-hashed consistently by someone with database rights.
   */
  checkpointRootMatched: boolean | null;
  checkpointTreeSize: number | null;
}

interface HeadRow {
  seq: string;
  hash: string;
}

/**
 * Recomputes the whole stored chain in constant memory: keyset batches through the streaming verifier, up to
 * the head recorded in `audit_head` (read first, so appends committed meanwhile are left for the next run).
 * After the rows, the head itself must match: a chain that ends early (tail rows deleted) is named at the
 * first missing `seq`. The same pass recomputes the Merkle root at the latest checkpoint's size.
 */
export async function verifyStoredChain(db: SqlRunner, batchSize = 1000): Promise<StoredChainVerification> {
  const [head]: HeadRow[] = await db.query(`SELECT seq, hash FROM audit_head WHERE id = 1`);
  const headSeq = Number(head?.seq ?? -1);
  const [checkpoint]: Array<{ tree_size: string; root_hash: string }> = await db.query(
    `SELECT tree_size, root_hash FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1`,
  );
  const treeSize = checkpoint === undefined ? null : Number(checkpoint.tree_size);
  const frontier = treeSize === null ? null : new MerkleFrontier();

  const verifier = createChainVerifier();
  let lastGoodSeq = -1;
  for await (const record of streamAuditEvents(db, { toSeq: headSeq }, batchSize)) {
    verifier.push(record);
    if (verifier.result().valid) {
      lastGoodSeq = record.seq;
      if (frontier !== null && treeSize !== null && frontier.size < treeSize) {
        frontier.appendEventHash(record.hash);
      }
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
  let checkpointRootMatched: boolean | null = null;
  if (frontier !== null && treeSize !== null && frontier.size === treeSize) {
    checkpointRootMatched = frontier.rootHex() === checkpoint?.root_hash;
    if (!checkpointRootMatched && verdict.valid) {
      verdict = {
        ...verdict,
        valid: false,
        firstInvalidSeq: 0,
        reason: `the Merkle root of events [0, ${treeSize}) does not equal the signed checkpoint's root (chain rewritten)`,
      };
    }
  }
  return { ...verdict, checkpointRootMatched, checkpointTreeSize: treeSize };
}

/** Every event of one application, in `seq` order. */
export async function readApplicationEvents(
  manager: EntityManager | SqlRunner,
  applicationId: string,
): Promise<AuditEventRecord[]> {
  const rows: AuditEventRow[] = await manager.query(
    `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events WHERE application_id = $1::uuid ORDER BY seq`,
    [applicationId],
  );
  return rows.map(auditRecordFromRow);
}
