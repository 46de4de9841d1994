import { type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { SYSTEM_AUDIT_ACTOR, appendAuditEvent } from '../audit-writer.js';
import { createStoredChainVerifier } from '../chain-verifier.js';
import {
  type AuditPublicKey,
  type SignedCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
} from '../checkpoint.js';
import {
  appendToCheckpointLog,
  type AuditAlarm,
  type AuditAlarmCode,
  compareCheckpointSeries,
  INTEGRITY_ALARMS,
  readCheckpointLog,
} from '../checkpoint-log.js';
import { bytesEqual, bytesToHex, eventLeafHash } from '../merkle/merkle-hash.js';
import { MerkleFrontier } from '../merkle/merkle-frontier.js';
import { buildConsistencyProof } from '../merkle/merkle-proofs.js';
import { verifyConsistencyProof } from '../merkle/merkle-verify.js';
import { rangeSubtrees, type SubtreeCoord } from '../merkle/subtree.js';
import { submitToWitness, WITNESS_FORMAT, type WitnessConfig } from '../witness.js';
import {
  type SqlRunner,
  storedEventBytes,
  streamStoredEventRows,
  type StoredChainVerification,
  verifyStoredChain,
} from './audit-event.reader.js';
import { sequencePendingAuditEvents } from './audit-sequencer.js';
import { type AuditSigningKey } from './audit-signing-key.js';
import {
  type CheckpointAttemptStatus,
  readAllAuditStatus,
  readAuditStatus,
  writeAuditStatus,
} from './audit-status.js';
import { DbSubtreeHashSource } from './db-subtree-source.js';

/** pg advisory lock that serialises checkpoint builders (API and every worker). */
export const AUDIT_CHECKPOINT_LOCK = 7_204_700;

/**
 * No checkpoint was signed: the trail, or its checkpoint series, does not verify from the previous signed
 * checkpoint (issue 13, item 10). The refusal is logged as an error, recorded in `audit_status` (read by
 * `/health/ready` and `GET /audit/verify`) and, once per distinct reason, appended to the trail itself
 * (`audit.checkpoint_refused`).
 */
export class AuditCheckpointRefusedError extends Error {
  constructor(
    readonly code: AuditAlarmCode,
    readonly reason: string,
    readonly firstInvalidSeq: number | null = null,
  ) {
    super(`checkpoint refused (${code}): ${reason}`);
    this.name = 'AuditCheckpointRefusedError';
  }
}

/** The chain beyond the last checkpoint does not verify: no checkpoint is signed over a broken chain. */
export class AuditChainBrokenError extends AuditCheckpointRefusedError {
  constructor(firstInvalidSeq: number | null, reason: string | null) {
    super(
      'CHAIN_INVALID',
      `the decision trail is broken at seq ${firstInvalidSeq}: ${reason}`,
      firstInvalidSeq,
    );
    this.name = 'AuditChainBrokenError';
  }
}

export interface CheckpointResult {
  checkpoint: SignedCheckpoint;
  /** False when the latest checkpoint already covered the whole log (it is returned as is). */
  created: boolean;
  /** Events appended to the tree by this run. */
  appended: number;
}

interface CheckpointRow {
  tree_size: string;
  root_hash: string;
  timestamp: string;
  signature: string;
  created_at?: Date;
}

function fromRow(row: CheckpointRow): SignedCheckpoint {
  return {
    treeSize: Number(row.tree_size),
    rootHash: row.root_hash,
    timestamp: row.timestamp,
    signature: row.signature,
  };
}

/** The latest signed checkpoint, or null. */
export async function latestCheckpoint(db: SqlRunner): Promise<SignedCheckpoint | null> {
  const [row]: CheckpointRow[] = await db.query(
    `SELECT tree_size, root_hash, timestamp, signature FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1`,
  );
  return row === undefined ? null : fromRow(row);
}

/** Every checkpoint in the database, by tree size. */
export async function allCheckpoints(db: SqlRunner): Promise<SignedCheckpoint[]> {
  const rows: CheckpointRow[] = await db.query(
    `SELECT tree_size, root_hash, timestamp, signature FROM audit_checkpoints ORDER BY tree_size`,
  );
  return rows.map(fromRow);
}

/** How far the log is ahead of the latest checkpoint: two index lookups (for the worker's timer). */
export async function checkpointLag(
  db: SqlRunner,
): Promise<{ logSize: number; checkpointSize: number | null; checkpointAt: Date | null }> {
  const [row]: Array<{ head: string; tree_size: string | null; created_at: Date | null }> = await db.query(
    `SELECT (SELECT seq FROM audit_head WHERE id = 1) AS head, c.tree_size, c.created_at
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT tree_size, created_at FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1) c ON true`,
  );
  return {
    logSize: Number(row?.head ?? -1) + 1,
    checkpointSize: row?.tree_size === null || row?.tree_size === undefined ? null : Number(row.tree_size),
    checkpointAt: row?.created_at ?? null,
  };
}

/** Where errors and refusals are reported (a Nest Logger fits). */
export interface AuditLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const consoleLogger: AuditLogger = {
  log: () => {},
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};

export interface AuditCheckpointOptions {
  batchSize?: number;
  clock?: () => Date;
  /**
   * The append-only checkpoint log outside the database (`AUDIT_CHECKPOINT_LOG`). Null only where a caller
   * deliberately has none (unit benches); the product always configures one.
   */
  checkpointLogPath?: string | null;
  witness?: WitnessConfig;
  logger?: AuditLogger;
}

/** What `/health/ready` shows for the trail: cheap checks only (no chain recomputation). */
export interface AuditHealth {
  alarms: AuditAlarm[];
  latestCheckpoint: { treeSize: number; timestamp: string } | null;
  lastAttempt: CheckpointAttemptStatus | null;
  lastVerification: { at: string; valid: boolean } | null;
}

/**
 * Builds signed RFC 9162 checkpoints incrementally, and signs only what verifies from the previous signed
 * checkpoint. Each run holds a session-level pg advisory lock (several API and worker processes never race) and:
 *  1. compares the database's checkpoint series with the append-only log file and checks every signature with
 *     the configured key: a checkpoint deleted, rewritten or forged in the database refuses the run;
 *  2. resumes a MerkleFrontier from the stored perfect subtrees of the latest checkpoint and checks that it folds
 *     to that checkpoint's signed root, and that the last event it covers still hashes to the leaf it signed;
 *  3. reads the events after it in keyset batches (up to the head seen at the start), checking that they chain
 *     on, and appends their hashes; stores every completed subtree;
 *  4. builds the RFC 9162 consistency proof from the previous checkpoint and verifies it against both roots;
 *  5. refuses while the last full verification (`GET /audit/verify`, the worker's periodic run) found the trail
 *     invalid (an edit inside the signed part, which the incremental steps do not re-read);
 *  6. signs and stores the checkpoint (one transaction with 2–5), then appends it to the log file (fsync) and
 *     POSTs it to the witness, if one is configured.
 * A refusal is logged as an error, recorded in `audit_status` and, once per distinct reason, in the trail.
 * Work is proportional to the new events, never to the log; a crash leaves nothing half-written (a checkpoint
 * committed but not yet in the file is appended by the next run).
 */
export class AuditCheckpointService {
  private readonly logger: AuditLogger;
  /**
   * The runs of this process, one after another. The advisory lock orders processes; inside one process a caller
   * waits here, holding no connection: a run holds its lock on one pooled connection and records its outcome on
   * others, so callers waiting for the lock on pooled connections could take the whole pool and deadlock the
   * holder (twenty concurrent proof bundles on a pool of ten did). A promise chain rather than a mutex library:
   * it is the whole of what is needed, and a failed run must not stop the next.
   */
  private runs: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly key: AuditSigningKey,
    private readonly options: AuditCheckpointOptions = {},
  ) {
    this.logger = options.logger ?? consoleLogger;
  }

  publicKey(): AuditPublicKey {
    return { algorithm: 'Ed25519', publicKeyPem: this.key.publicKeyPem };
  }

  latest(): Promise<SignedCheckpoint | null> {
    return latestCheckpoint(this.dataSource);
  }

  private get logPath(): string | null {
    return this.options.checkpointLogPath ?? null;
  }

  /**
   * Checkpoints the whole log as it stands (or returns the latest when it already covers everything). Events
   * committed before the call are sequenced first, so a checkpoint asked for after a command covers its event.
   */
  checkpoint(): Promise<CheckpointResult> {
    const run = this.runs.then(() => this.checkpointExclusive());
    this.runs = run.catch(() => undefined);
    return run;
  }

  private async checkpointExclusive(): Promise<CheckpointResult> {
    await sequencePendingAuditEvents(this.dataSource);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock($1)`, [AUDIT_CHECKPOINT_LOCK]);
      try {
        return await this.checkpointLocked(runner);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [AUDIT_CHECKPOINT_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async checkpointLocked(runner: QueryRunner): Promise<CheckpointResult> {
    let result: CheckpointResult;
    let series: SignedCheckpoint[];
    try {
      await runner.startTransaction('READ COMMITTED');
      ({ result, series } = await this.build(runner.manager));
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      if (error instanceof AuditCheckpointRefusedError) await this.recordRefusal(error);
      throw error;
    }
    // Still under the lock: the file receives checkpoints in tree-size order.
    this.mirror(series, result);
    await this.recordSigned(result);
    await this.deliverToWitness(result.checkpoint);
    return result;
  }

  private refuse(code: AuditAlarmCode, reason: string, firstInvalidSeq: number | null = null): never {
    throw code === 'CHAIN_INVALID'
      ? new AuditChainBrokenError(firstInvalidSeq, reason)
      : new AuditCheckpointRefusedError(code, reason, firstInvalidSeq);
  }

  /** Steps 1 and 2: the series and the last verification, before anything is read for the tree. */
  private async checkSeries(manager: EntityManager): Promise<SignedCheckpoint[]> {
    const series = await allCheckpoints(manager);
    const log = this.logPath === null ? null : readCheckpointLog(this.logPath);
    const report = compareCheckpointSeries(series, log, this.key.publicKeyPem);
    const [first] = report.alarms;
    if (first !== undefined) this.refuse(first.code, first.message);
    return series;
  }

  /** Step 2, after the builder's own checks (whose findings are more precise). */
  private async checkLastVerification(manager: EntityManager): Promise<void> {
    const verification = await readAuditStatus(manager, 'verify');
    if (verification !== null && !verification.valid) {
      const why = verification.alarms[0]?.message ?? 'invalid';
      this.refuse(
        'LAST_VERIFICATION_FAILED',
        `the last full verification (${verification.at}) found the trail invalid: ${why}`,
      );
    }
  }

  private async build(
    manager: EntityManager,
  ): Promise<{ result: CheckpointResult; series: SignedCheckpoint[] }> {
    const series = await this.checkSeries(manager);
    const previous = series[series.length - 1] ?? null;
    const [head]: Array<{ seq: string }> = await manager.query(`SELECT seq FROM audit_head WHERE id = 1`);
    const target = Number(head?.seq ?? -1) + 1;
    const start = previous?.treeSize ?? 0;
    if (previous !== null && target < start) {
      this.refuse(
        'LOG_SHORTER_THAN_CHECKPOINT',
        `the head is at seq ${target - 1} but checkpoint ${start} covers seq ${start - 1}`,
        target,
      );
    }
    if (previous !== null && target === start) {
      await this.checkLastVerification(manager);
      return { result: { checkpoint: previous, created: false, appended: 0 }, series };
    }

    const pending: Array<{ coord: SubtreeCoord; hash: Uint8Array }> = [];
    const onSubtree = (coord: SubtreeCoord, hash: Uint8Array) => pending.push({ coord, hash });
    let frontier: MerkleFrontier;
    let anchor = undefined as { seq: number; prevHash: string } | undefined;
    if (previous === null || start === 0) {
      frontier = new MerkleFrontier(onSubtree);
    } else {
      const source = new DbSubtreeHashSource(manager);
      let hashes: Uint8Array[];
      let leaf: Uint8Array;
      try {
        hashes = await source.getSubtreeHashes(rangeSubtrees(0, start));
        [leaf] = (await source.getSubtreeHashes([{ level: 0, index: start - 1 }])) as [Uint8Array];
      } catch (error) {
        this.refuse(
          'CHECKPOINT_ROOT_MISMATCH',
          `the stored Merkle tree of checkpoint ${start} is incomplete: ${(error as Error).message}`,
        );
      }
      frontier = MerkleFrontier.fromState({ size: start, hashes: hashes.map(bytesToHex) }, onSubtree);
      if (frontier.rootHex() !== previous.rootHash) {
        this.refuse(
          'CHECKPOINT_ROOT_MISMATCH',
          `the stored Merkle nodes do not fold to the signed root of checkpoint ${start}`,
        );
      }
      const [last]: Array<{ hash: string }> = await manager.query(
        `SELECT hash FROM audit_events WHERE seq = $1`,
        [start - 1],
      );
      if (last === undefined)
        this.refuse('CHAIN_INVALID', 'event covered by the last checkpoint missing', start - 1);
      if (!bytesEqual(eventLeafHash(last.hash), leaf)) {
        this.refuse(
          'CHAIN_INVALID',
          `seq ${start - 1} no longer hashes to the leaf checkpoint ${start} signed (the event or the stored tree was rewritten)`,
          start - 1,
        );
      }
      anchor = { seq: start, prevHash: last.hash };
    }

    const verifier = createStoredChainVerifier(anchor === undefined ? {} : { anchor });
    const batchSize = this.options.batchSize ?? 1000;
    let afterSeq = start - 1;
    let unflushed = 0;
    for await (const row of streamStoredEventRows(manager, { afterSeq, toSeq: target - 1 }, batchSize)) {
      const { bytes, record } = storedEventBytes(row);
      verifier.push(bytes, record);
      const state = verifier.result();
      if (!state.valid) this.refuse('CHAIN_INVALID', state.reason ?? 'invalid', state.firstInvalidSeq);
      frontier.appendEventHash(record.hash);
      afterSeq = record.seq;
      unflushed += 1;
      if (unflushed === batchSize) {
        await this.flush(manager, pending);
        unflushed = 0;
      }
    }
    if (afterSeq + 1 < target) this.refuse('CHAIN_INVALID', 'event missing before the head', afterSeq + 1);
    await this.flush(manager, pending);

    const rootHash = frontier.rootHex();
    if (previous !== null && start > 0) {
      // The new tree must extend the signed one: prove it the way an auditor would (RFC 9162 §2.1.4).
      const proof = await buildConsistencyProof(new DbSubtreeHashSource(manager), start, frontier.size);
      const check = verifyConsistencyProof(proof, previous.rootHash, rootHash);
      if (!check.valid) {
        this.refuse(
          'CHECKPOINT_ROOT_MISMATCH',
          `no consistency proof from checkpoint ${start}: ${check.reason}`,
        );
      }
    }
    await this.checkLastVerification(manager);
    const checkpoint = signCheckpoint(
      { treeSize: frontier.size, rootHash, timestamp: (this.options.clock?.() ?? new Date()).toISOString() },
      this.key.privateKeyPem,
    );
    await manager.query(
      `INSERT INTO audit_checkpoints (tree_size, root_hash, timestamp, signature) VALUES ($1, $2, $3, $4)`,
      [checkpoint.treeSize, checkpoint.rootHash, checkpoint.timestamp, checkpoint.signature],
    );
    return { result: { checkpoint, created: true, appended: frontier.size - start }, series };
  }

  /** Appends to the log file every checkpoint it lacks (this run's, and any a crash or another machine left out). */
  private mirror(series: readonly SignedCheckpoint[], result: CheckpointResult): void {
    if (this.logPath === null) return;
    const log = readCheckpointLog(this.logPath);
    const inFile = new Set(log.entries.map((c) => c.treeSize));
    const latestInFile = log.entries.reduce((m, c) => Math.max(m, c.treeSize), -1);
    const all = result.created ? [...series, result.checkpoint] : [...series];
    const missing = all.filter(
      (c) =>
        c.treeSize > latestInFile && !inFile.has(c.treeSize) && verifyCheckpoint(c, this.key.publicKeyPem),
    );
    try {
      appendToCheckpointLog(this.logPath, missing);
    } catch (error) {
      this.logger.error(
        `checkpoint log ${this.logPath}: append failed (${(error as Error).message}); retried on the next run`,
      );
    }
  }

  private async recordSigned(result: CheckpointResult): Promise<void> {
    const status: CheckpointAttemptStatus = {
      outcome: 'signed',
      at: new Date().toISOString(),
      treeSize: result.checkpoint.treeSize,
      refusal: null,
    };
    await writeAuditStatus(this.dataSource, 'checkpoint', status).catch((error: Error) =>
      this.logger.warn(`audit status not recorded: ${error.message}`),
    );
  }

  /** Loud: an error log every time, the status row, and an audit event when the reason is new. */
  private async recordRefusal(error: AuditCheckpointRefusedError): Promise<void> {
    this.logger.error(`AUDIT CHECKPOINT REFUSED [${error.code}]: ${error.reason}`);
    try {
      const before = await readAuditStatus(this.dataSource, 'checkpoint');
      const now = new Date().toISOString();
      const same =
        before?.refusal !== null &&
        before?.refusal !== undefined &&
        before.refusal.code === error.code &&
        before.refusal.message === error.reason;
      const latest = await latestCheckpoint(this.dataSource);
      await writeAuditStatus(this.dataSource, 'checkpoint', {
        outcome: 'refused',
        at: now,
        treeSize: latest?.treeSize ?? null,
        refusal: {
          code: error.code,
          message: error.reason,
          since: same ? (before.refusal?.since ?? now) : now,
          count: same ? (before.refusal?.count ?? 0) + 1 : 1,
        },
      });
      if (!same) {
        await this.dataSource.transaction((manager) =>
          appendAuditEvent(manager, {
            actor: SYSTEM_AUDIT_ACTOR,
            action: 'audit.checkpoint_refused',
            subject: { type: 'audit_checkpoint', id: String(latest?.treeSize ?? 0) },
            reason: error.reason,
            context: { code: error.code, firstInvalidSeq: error.firstInvalidSeq },
          }),
        );
      }
    } catch (recordError) {
      this.logger.error(`the checkpoint refusal could not be recorded: ${(recordError as Error).message}`);
    }
  }

  /**
   * Sends the latest checkpoint to the witness with a consistency proof from the last one it acknowledged.
   * A failure is logged and recorded; the next run sends the then-latest checkpoint (a witness needs only the
   * newest, with a proof that it extends what it already holds).
   */
  private async deliverToWitness(checkpoint: SignedCheckpoint): Promise<void> {
    const witness = this.options.witness;
    if (witness === undefined) return;
    const before = await readAuditStatus(this.dataSource, 'witness');
    const acknowledged = before?.url === witness.url ? before : null;
    if (acknowledged?.acknowledgedTreeSize !== undefined && acknowledged.acknowledgedTreeSize !== null) {
      if (acknowledged.acknowledgedTreeSize >= checkpoint.treeSize) return;
    }
    const previous =
      acknowledged?.acknowledgedTreeSize !== null &&
      acknowledged?.acknowledgedTreeSize !== undefined &&
      acknowledged.acknowledgedRootHash !== null
        ? { treeSize: acknowledged.acknowledgedTreeSize, rootHash: acknowledged.acknowledgedRootHash }
        : null;
    const proof =
      previous === null || previous.treeSize === 0
        ? { proof: [] as string[] }
        : await buildConsistencyProof(
            new DbSubtreeHashSource(this.dataSource),
            previous.treeSize,
            checkpoint.treeSize,
          );
    const delivery = await submitToWitness(witness, {
      format: WITNESS_FORMAT,
      publicKeyPem: this.key.publicKeyPem,
      checkpoint,
      previous,
      consistencyProof: proof.proof,
    });
    const now = new Date().toISOString();
    if (delivery.ok) {
      this.logger.log(`checkpoint ${checkpoint.treeSize} acknowledged by the witness`);
      await writeAuditStatus(this.dataSource, 'witness', {
        url: witness.url,
        acknowledgedTreeSize: checkpoint.treeSize,
        acknowledgedRootHash: checkpoint.rootHash,
        at: now,
        failure: null,
      });
      return;
    }
    this.logger.error(`checkpoint ${checkpoint.treeSize} not delivered to the witness: ${delivery.message}`);
    await writeAuditStatus(this.dataSource, 'witness', {
      url: witness.url,
      acknowledgedTreeSize: acknowledged?.acknowledgedTreeSize ?? null,
      acknowledgedRootHash: acknowledged?.acknowledgedRootHash ?? null,
      at: now,
      failure: {
        message: delivery.message,
        since: acknowledged?.failure?.since ?? now,
        count: (acknowledged?.failure?.count ?? 0) + 1,
        treeSize: checkpoint.treeSize,
      },
    });
  }

  /**
   * `GET /audit/verify`: the whole chain recomputed (constant memory), every checkpoint of the database and of
   * the log file checked against it, plus the operational alarms (last refusal, witness). The verdict is recorded
   * for the health endpoint and gates the next checkpoint.
   */
  async verify(batchSize = 1000): Promise<StoredChainVerification> {
    await sequencePendingAuditEvents(this.dataSource);
    const log = this.logPath === null ? null : readCheckpointLog(this.logPath);
    const result = await verifyStoredChain(this.dataSource, batchSize, {
      checkpointLog: log,
      publicKeyPem: this.key.publicKeyPem,
    });
    const operational = await this.operationalAlarms();
    const verified: StoredChainVerification = { ...result, alarms: [...result.alarms, ...operational] };
    await writeAuditStatus(this.dataSource, 'verify', {
      at: new Date().toISOString(),
      valid: result.valid,
      length: result.length,
      alarms: result.alarms,
    }).catch((error: Error) => this.logger.warn(`audit status not recorded: ${error.message}`));
    if (!result.valid) {
      this.logger.error(
        `AUDIT TRAIL INVALID: ${result.alarms.map((a) => `[${a.code}] ${a.message}`).join('; ')}`,
      );
    }
    return verified;
  }

  private async operationalAlarms(): Promise<AuditAlarm[]> {
    const status = await readAllAuditStatus(this.dataSource);
    const alarms: AuditAlarm[] = [];
    const refusal = status.checkpoint?.outcome === 'refused' ? status.checkpoint.refusal : null;
    if (refusal !== null && refusal !== undefined) {
      alarms.push({
        code: 'CHECKPOINT_REFUSED',
        message: `checkpoints refused ${refusal.count} time(s) since ${refusal.since}: [${refusal.code}] ${refusal.message}`,
      });
    }
    const witness = status.witness;
    if (this.options.witness !== undefined && witness?.failure !== null && witness?.failure !== undefined) {
      alarms.push({
        code: 'WITNESS_BEHIND',
        message: `the witness acknowledged tree size ${witness.acknowledgedTreeSize ?? 'none'}; ${witness.failure.count} delivery failure(s) since ${witness.failure.since}: ${witness.failure.message}`,
      });
    }
    return alarms;
  }

  /**
   * The trail's part of `/health/ready`: the checkpoint series against the log file (signatures included), the
   * last checkpoint attempt, the last full verification and the witness. No chain recomputation: a few indexed
   * queries and one read of the log file.
   */
  async health(): Promise<AuditHealth> {
    const series = await allCheckpoints(this.dataSource);
    const log = this.logPath === null ? null : readCheckpointLog(this.logPath);
    const report = compareCheckpointSeries(series, log, this.key.publicKeyPem);
    const status = await readAllAuditStatus(this.dataSource);
    const alarms = [...report.alarms, ...(await this.operationalAlarms())];
    if (status.verify !== undefined && !status.verify.valid) {
      alarms.push({
        code: 'LAST_VERIFICATION_FAILED',
        message: `the last full verification (${status.verify.at}) found the trail invalid: ${status.verify.alarms.map((a) => a.code).join(', ')}`,
      });
    }
    const latest = series[series.length - 1];
    return {
      alarms,
      latestCheckpoint:
        latest === undefined ? null : { treeSize: latest.treeSize, timestamp: latest.timestamp },
      lastAttempt: status.checkpoint ?? null,
      lastVerification:
        status.verify === undefined ? null : { at: status.verify.at, valid: status.verify.valid },
    };
  }

  private async flush(
    manager: EntityManager,
    pending: Array<{ coord: SubtreeCoord; hash: Uint8Array }>,
  ): Promise<void> {
    if (pending.length === 0) return;
    const rows = pending.splice(0, pending.length);
    await manager.query(
      `INSERT INTO audit_merkle_nodes (level, idx, hash)
       SELECT l, i, decode(h, 'hex') FROM unnest($1::smallint[], $2::bigint[], $3::text[]) AS t(l, i, h)`,
      [
        rows.map((r) => r.coord.level),
        rows.map((r) => String(r.coord.index)),
        rows.map((r) => bytesToHex(r.hash)),
      ],
    );
  }
}

/**
 * Creates the checkpoint log file from the database's series, for a deployment that has signed checkpoints but
 * no file yet (an upgrade, or a new data directory). Deliberately an operator's act (`npm run
 * audit:init-checkpoint-log`), never automatic: a missing file is otherwise an alarm, since deleting it is what
 * someone hiding a rewrite would do. Refuses unless the whole chain verifies against every checkpoint of the
 * database (each signature checked, each root reproduced from the events) and the file is absent or empty.
 */
export async function initCheckpointLog(
  db: SqlRunner,
  publicKeyPem: string,
  path: string,
): Promise<{ written: number; verification: StoredChainVerification }> {
  const existing = readCheckpointLog(path);
  if (existing.exists && (existing.entries.length > 0 || existing.malformedLines.length > 0)) {
    throw new Error(`${path} already holds checkpoints: it is only ever appended to, never re-created`);
  }
  const verification = await verifyStoredChain(db, 1000, { publicKeyPem });
  if (!verification.valid) {
    throw new Error(`the trail does not verify, no log written: ${verification.reason ?? 'invalid'}`);
  }
  const series = await allCheckpoints(db);
  appendToCheckpointLog(path, series);
  return { written: series.length, verification };
}

/** Whether an alarm is about the evidence itself (as opposed to an operational problem). */
export function isIntegrityAlarm(alarm: AuditAlarm): boolean {
  return INTEGRITY_ALARMS.has(alarm.code);
}
