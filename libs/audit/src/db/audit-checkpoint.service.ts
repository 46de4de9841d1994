import { type DataSource, type EntityManager } from 'typeorm';
import { createChainVerifier } from '../chain-verifier.js';
import { type AuditPublicKey, type SignedCheckpoint, signCheckpoint } from '../checkpoint.js';
import { bytesToHex } from '../merkle/merkle-hash.js';
import { MerkleFrontier } from '../merkle/merkle-frontier.js';
import { rangeSubtrees, type SubtreeCoord } from '../merkle/subtree.js';
import { readAuditEvents, type SqlRunner } from './audit-event.reader.js';
import { type AuditSigningKey } from './audit-signing-key.js';
import { DbSubtreeHashSource } from './db-subtree-source.js';

/** pg advisory lock that serialises checkpoint builders (API and every worker). */
export const AUDIT_CHECKPOINT_LOCK = 7_204_700;

/** The chain beyond the last checkpoint does not verify: no checkpoint is signed over a broken chain. */
export class AuditChainBrokenError extends Error {
  constructor(
    readonly firstInvalidSeq: number | null,
    readonly reason: string | null,
  ) {
    super(`the decision trail is broken at seq ${firstInvalidSeq}: ${reason}; no checkpoint signed`);
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

/**
 * Builds signed RFC 9162 checkpoints incrementally. Each run, in ONE transaction under a pg advisory lock:
 *  1. resumes a MerkleFrontier from the stored perfect subtrees of the latest checkpoint's tree
 *     (`rangeSubtrees(0, size)`, one query) and checks it folds to that checkpoint's root;
 *  2. reads the events after it in keyset batches (up to the head seen at the start), checking that they
 *     chain on from the last covered event, and appends their hashes;
 *  3. stores every perfect subtree the frontier completes in `audit_merkle_nodes` (batch inserts), and the
 *     signed `{ treeSize, rootHash, timestamp, signature }` in `audit_checkpoints`.
 * Work is proportional to the new events, never to the log; a crash leaves nothing half-written.
 */
export class AuditCheckpointService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly key: AuditSigningKey,
    private readonly options: { batchSize?: number; clock?: () => Date } = {},
  ) {}

  publicKey(): AuditPublicKey {
    return { algorithm: 'Ed25519', publicKeyPem: this.key.publicKeyPem };
  }

  latest(): Promise<SignedCheckpoint | null> {
    return latestCheckpoint(this.dataSource);
  }

  /** Checkpoints the whole log as it stands (or returns the latest when it already covers everything). */
  async checkpoint(): Promise<CheckpointResult> {
    return this.dataSource.transaction('READ COMMITTED', (manager) => this.build(manager));
  }

  private async build(manager: EntityManager): Promise<CheckpointResult> {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_CHECKPOINT_LOCK]);
    const previous = await latestCheckpoint(manager);
    const [head]: Array<{ seq: string }> = await manager.query(`SELECT seq FROM audit_head WHERE id = 1`);
    const target = Number(head?.seq ?? -1) + 1;
    const start = previous?.treeSize ?? 0;
    if (previous !== null && target <= start) return { checkpoint: previous, created: false, appended: 0 };

    const pending: Array<{ coord: SubtreeCoord; hash: Uint8Array }> = [];
    const onSubtree = (coord: SubtreeCoord, hash: Uint8Array) => pending.push({ coord, hash });
    let frontier: MerkleFrontier;
    let anchor = undefined as { seq: number; prevHash: string } | undefined;
    if (previous === null || start === 0) {
      frontier = new MerkleFrontier(onSubtree);
    } else {
      const source = new DbSubtreeHashSource(manager);
      const hashes = await source.getSubtreeHashes(rangeSubtrees(0, start));
      frontier = MerkleFrontier.fromState({ size: start, hashes: hashes.map(bytesToHex) }, onSubtree);
      if (frontier.rootHex() !== previous.rootHash) {
        throw new Error(`stored Merkle nodes do not fold to the root of checkpoint ${start}`);
      }
      const [last]: Array<{ hash: string }> = await manager.query(
        `SELECT hash FROM audit_events WHERE seq = $1`,
        [start - 1],
      );
      if (last === undefined)
        throw new AuditChainBrokenError(start - 1, 'event covered by the last checkpoint missing');
      anchor = { seq: start, prevHash: last.hash };
    }

    const verifier = createChainVerifier(anchor === undefined ? {} : { anchor });
    const batchSize = this.options.batchSize ?? 1000;
    let afterSeq = start - 1;
    while (afterSeq + 1 < target) {
      const batch = await readAuditEvents(
        manager,
        { afterSeq, toSeq: target - 1 },
        Math.min(batchSize, target - afterSeq - 1),
      );
      if (batch.length === 0) throw new AuditChainBrokenError(afterSeq + 1, 'event missing before the head');
      for (const record of batch) {
        verifier.push(record);
        const state = verifier.result();
        if (!state.valid) throw new AuditChainBrokenError(state.firstInvalidSeq, state.reason);
        frontier.appendEventHash(record.hash);
        afterSeq = record.seq;
      }
      await this.flush(manager, pending);
    }

    const checkpoint = signCheckpoint(
      {
        treeSize: frontier.size,
        rootHash: frontier.rootHex(),
        timestamp: (this.options.clock?.() ?? new Date()).toISOString(),
      },
      this.key.privateKeyPem,
    );
    await manager.query(
      `INSERT INTO audit_checkpoints (tree_size, root_hash, timestamp, signature) VALUES ($1, $2, $3, $4)`,
      [checkpoint.treeSize, checkpoint.rootHash, checkpoint.timestamp, checkpoint.signature],
    );
    return { checkpoint, created: true, appended: frontier.size - start };
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
