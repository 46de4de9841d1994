import type { AuditEventsRow, AuditHeadRow } from '@forge/persistence';
import { type DataSource, type EntityManager } from 'typeorm';
import { GENESIS_PREV_HASH, hashOfEventBytes, positionedBytes } from '../audit-event.js';

/** pg advisory lock held (transaction-scoped) by the one sequencer placing a batch. */
export const AUDIT_SEQUENCER_LOCK = 7_204_701;

export const DEFAULT_SEQUENCER_BATCH = 500;

/**
 * `application_name` of a session while it holds the lock (transaction-local, so it reverts at COMMIT): operators
 * see in pg_stat_activity which process is placing a batch (`forge-audit-sequencer:<pid>`).
 */
export const SEQUENCER_APPLICATION_NAME = `forge-audit-sequencer:${process.pid}`;

/** PostgreSQL's lock_not_available (lock_timeout expired). */
const LOCK_NOT_AVAILABLE = '55P03';

export interface SequenceBatchOptions {
  /** Most events placed by one batch (one transaction). */
  batchSize?: number;
  /** Wait for the lock (catch-up before a read) instead of giving up when another sequencer holds it. */
  wait?: boolean;
  /** With `wait`: give up (acquired: false) after this long instead of waiting for ever. */
  lockTimeoutMs?: number;
  /** Runs after the updates, before COMMIT (tests kill the sequencer here). */
  beforeCommit?: (manager: EntityManager) => Promise<void>;
}

export interface SequenceBatchResult {
  /** False when another sequencer held the lock (nothing done). */
  acquired: boolean;
  /** Events placed by this batch, in `seq` order (their ids). */
  ids: string[];
  /** The last `seq` of the chain after the batch (-1: empty). */
  headSeq: number;
}

/** A pending event: `appendAuditEvent` stores its content bytes with it (null only on events from before them). */
type PendingRow = Pick<AuditEventsRow, 'entry' | 'id'> & { content: Buffer };

/**
 * One sequencing batch, in one transaction (issue 18.1; docs/audit.md, "Sequencing"):
 *  1. take the advisory lock (transaction-scoped: a sequencer that dies mid-batch releases it with its rollback,
 *     and the next one to ask becomes the leader);
 *  2. read the head (`audit_head`) and the oldest pending events by `entry`, the insertion order, among those
 *     committed now (READ COMMITTED: the statement's snapshot is taken after the lock, so the previous leader's
 *     batch is seen);
 *  3. give each the next `seq`, `prevHash` = the previous `hash`, the hashed bytes (the content bytes with the
 *     position spliced in, no JSON work) and `hash` = SHA-256(`prevHash` ‖ bytes); one UPDATE for the batch, which
 *     the trigger accepts only as the one-time sequencing of pending rows;
 *  4. move the head and COMMIT. A crash anywhere before the COMMIT leaves nothing of the batch.
 *
 * Pending rows are found by `seq IS NULL`, never by an `entry` cursor: an event whose command committed after a
 * later-inserted one is simply placed in a later batch, never skipped.
 */
export async function sequenceAuditBatch(
  dataSource: DataSource,
  options: SequenceBatchOptions = {},
): Promise<SequenceBatchResult> {
  const batchSize = options.batchSize ?? DEFAULT_SEQUENCER_BATCH;
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('application_name', $1, true)`, [SEQUENCER_APPLICATION_NAME]);
    if (options.wait && options.lockTimeoutMs === undefined) {
      await manager.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_SEQUENCER_LOCK]);
    } else if (options.wait) {
      await manager.query(`SELECT set_config('lock_timeout', $1, true)`, [`${options.lockTimeoutMs}ms`]);
      try {
        await manager.query(`SAVEPOINT sequencer_lock`);
        await manager.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_SEQUENCER_LOCK]);
      } catch (error) {
        if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
        await manager.query(`ROLLBACK TO SAVEPOINT sequencer_lock`);
        return { acquired: false, ids: [], headSeq: -1 };
      }
      await manager.query(`RELEASE SAVEPOINT sequencer_lock`);
      await manager.query(`SELECT set_config('lock_timeout', '0', true)`);
    } else {
      const [lock]: Array<{ ok: boolean }> = await manager.query(
        `SELECT pg_try_advisory_xact_lock($1) AS ok`,
        [AUDIT_SEQUENCER_LOCK],
      );
      if (!lock?.ok) return { acquired: false, ids: [], headSeq: -1 };
    }
    const [head]: Pick<AuditHeadRow, 'seq' | 'hash'>[] = await manager.query(
      `SELECT seq, hash FROM audit_head WHERE id = 1`,
    );
    let seq = Number(head?.seq ?? -1);
    let prevHash = head === undefined || seq < 0 ? GENESIS_PREV_HASH : head.hash;
    const pending: PendingRow[] = await manager.query(
      `SELECT entry, id, content FROM audit_events WHERE seq IS NULL ORDER BY entry LIMIT $1`,
      [batchSize],
    );
    if (pending.length === 0) return { acquired: true, ids: [], headSeq: seq };

    const entries: string[] = [];
    const seqs: number[] = [];
    const prevHashes: string[] = [];
    const hashes: string[] = [];
    const bytes: Buffer[] = [];
    for (const row of pending) {
      seq += 1;
      const canonical = positionedBytes(row.content, seq, prevHash);
      const hash = hashOfEventBytes(prevHash, canonical);
      entries.push(row.entry);
      seqs.push(seq);
      prevHashes.push(prevHash);
      hashes.push(hash);
      bytes.push(canonical);
      prevHash = hash;
    }
    const [updated]: Array<{ n: number }> = await manager.query(
      `WITH placed AS (
         UPDATE audit_events e
            SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash, canonical = v.canonical
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bytea[])
                AS v(entry, seq, prev_hash, hash, canonical)
          WHERE e.entry = v.entry AND e.seq IS NULL
         RETURNING 1)
       SELECT count(*)::int AS n FROM placed`,
      [entries, seqs, prevHashes, hashes, bytes],
    );
    if (updated?.n !== pending.length) {
      throw new Error(`sequencing placed ${updated?.n} of ${pending.length} events (another writer?)`);
    }
    await manager.query(`UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1`, [seq, prevHash]);
    await options.beforeCommit?.(manager);
    return { acquired: true, ids: pending.map((row) => row.id), headSeq: seq };
  });
}

/** Whether any committed event waits for its position (one index probe on the pending index). */
export async function hasPendingAuditEvents(dataSource: DataSource): Promise<boolean> {
  const [row]: Array<{ pending: boolean }> = await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM audit_events WHERE seq IS NULL) AS pending`,
  );
  return row?.pending === true;
}

/**
 * Places every event committed before the call (waiting for the leader's batch when one is running, then doing
 * the rest itself): what checkpoints, verification, exports and trail reads call first, so they keep their
 * meaning whether or not a sequencer is running. Returns how many events this call placed. With `lockTimeoutMs`
 * (trail reads) it gives up when the lock is not free in time, and what is left stays pending.
 */
export async function sequencePendingAuditEvents(
  dataSource: DataSource,
  options: { batchSize?: number; lockTimeoutMs?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_SEQUENCER_BATCH;
  let placed = 0;
  while (await hasPendingAuditEvents(dataSource)) {
    const batch = await sequenceAuditBatch(dataSource, {
      batchSize,
      wait: true,
      lockTimeoutMs: options.lockTimeoutMs,
    });
    placed += batch.ids.length;
    if (!batch.acquired || batch.ids.length < batchSize) break;
  }
  return placed;
}

export interface AuditSequencerOptions {
  /** Pause between two looks when nothing is pending or another process leads (ms). */
  intervalMs?: number;
  batchSize?: number;
  /** Called after each committed batch (metrics, benches). */
  onBatch?: (batch: SequenceBatchResult) => void;
  logger?: { warn(message: string): void };
}

/**
 * The sequencer loop a worker runs (any number of processes may: the advisory lock elects one leader per
 * batch, and whichever asks next takes over when the leader dies). It looks for pending events every
 * `intervalMs` with one index probe; while there are some it places them batch after batch without pausing.
 */
export class AuditSequencer {
  private stopped = true;
  private loop?: Promise<void>;
  private wake?: () => void;
  private readonly intervalMs: number;
  private readonly batchSize: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: AuditSequencerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 20;
    this.batchSize = options.batchSize ?? DEFAULT_SEQUENCER_BATCH;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  /** Stops after the batch in progress (if any) has committed or rolled back. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let again = false;
      try {
        if (await hasPendingAuditEvents(this.dataSource)) {
          const batch = await sequenceAuditBatch(this.dataSource, { batchSize: this.batchSize });
          if (batch.ids.length > 0) this.options.onBatch?.(batch);
          again = batch.acquired && batch.ids.length === this.batchSize;
        }
      } catch (error) {
        if (this.stopped) return;
        this.options.logger?.warn(`audit sequencing failed: ${(error as Error).message}`);
      }
      if (!again && !this.stopped) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.intervalMs);
      timer.unref();
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
