import { type SubtreeCoord, type SubtreeHashSource } from '../merkle/subtree.js';
import { type SqlRunner } from './audit-event.reader.js';

interface NodeRow {
  level: number;
  idx: string;
  hash: Buffer;
}

/**
 * Perfect subtree hashes from `audit_merkle_nodes` (written by the checkpoint builder): every hash a proof
 * needs in ONE query. A missing node (a subtree past the stored tree) throws a RangeError.
 */
export class DbSubtreeHashSource implements SubtreeHashSource {
  constructor(private readonly db: SqlRunner) {}

  async getSubtreeHashes(coords: readonly SubtreeCoord[]): Promise<Uint8Array[]> {
    if (coords.length === 0) return [];
    const rows: NodeRow[] = await this.db.query(
      `SELECT n.level, n.idx, n.hash
         FROM unnest($1::smallint[], $2::bigint[]) AS c(level, idx)
         JOIN audit_merkle_nodes n ON n.level = c.level AND n.idx = c.idx`,
      [coords.map((c) => c.level), coords.map((c) => String(c.index))],
    );
    const byKey = new Map(rows.map((row) => [`${row.level}:${row.idx}`, row.hash]));
    return coords.map(({ level, index }) => {
      const hash = byKey.get(`${level}:${index}`);
      if (hash === undefined) throw new RangeError(`subtree (${level}, ${index}) is not stored`);
      return new Uint8Array(hash);
    });
  }
}
