import { type EntityManager } from 'typeorm';
import { type JsonValue } from '@forge/domain';
import { type IdempotencyKeysRow } from '../entities/idempotency_keys.entity.js';

export type IdempotencyClaim =
  | { outcome: 'claimed' }
  | { outcome: 'mismatch' }
  | { outcome: 'in_progress' }
  | { outcome: 'completed'; status: number; body: JsonValue };

/**
 * The idempotency_keys table (per user, 24 h). Each call is its own statement (autocommit): the claim must be
 * visible to a concurrent duplicate before the first request's command commits.
 */
export const idempotencyKeysRepository = {
  /**
   * Claims `key` for this user (INSERT … ON CONFLICT DO NOTHING) or reports what holds it. An expired row is
   * removed first so the key can be used again.
   */
  async claim(
    manager: EntityManager,
    claim: {
      userId: string;
      key: string;
      method: string;
      path: string;
      requestHash: string;
      ttlSeconds: number;
    },
    attempt = 1,
  ): Promise<IdempotencyClaim> {
    await manager.query(
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND expires_at <= now()`,
      [claim.userId, claim.key],
    );
    const inserted: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, state, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'in_progress', now() + make_interval(secs => $6))
       ON CONFLICT (user_id, key) DO NOTHING
       RETURNING key`,
      [claim.userId, claim.key, claim.method, claim.path, claim.requestHash, claim.ttlSeconds],
    );
    if (inserted.length > 0) return { outcome: 'claimed' };
    const rows: Pick<IdempotencyKeysRow, 'request_hash' | 'state' | 'response_status' | 'response_body'>[] =
      await manager.query(
        `SELECT request_hash, state, response_status, response_body FROM idempotency_keys
          WHERE user_id = $1 AND key = $2`,
        [claim.userId, claim.key],
      );
    const row = rows[0];
    // Released between our insert and select (the first request failed): claim again, once.
    if (!row) return attempt < 2 ? this.claim(manager, claim, attempt + 1) : { outcome: 'in_progress' };
    if (row.request_hash !== claim.requestHash) return { outcome: 'mismatch' };
    if (row.state !== 'completed') return { outcome: 'in_progress' };
    return { outcome: 'completed', status: row.response_status ?? 200, body: row.response_body };
  },

  async complete(
    manager: EntityManager,
    done: { userId: string; key: string; status: number; body: unknown },
  ): Promise<void> {
    await manager.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $3, response_body = $4::jsonb
        WHERE user_id = $1 AND key = $2 AND state = 'in_progress'`,
      [done.userId, done.key, done.status, JSON.stringify(done.body ?? null)],
    );
  },

  /** The first request failed: free the key so the client can retry with it. */
  async release(manager: EntityManager, claim: { userId: string; key: string }): Promise<void> {
    await manager.query(
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND state = 'in_progress'`,
      [claim.userId, claim.key],
    );
  },

  /** Deletes up to `batch` expired keys (the worker's periodic sweep); returns how many went. */
  async purgeExpired(manager: EntityManager, batch = 1000): Promise<number> {
    // A SELECT over the DELETE: TypeORM answers DELETE … RETURNING with [rows, count], a SELECT with rows.
    const [{ n }]: Array<{ n: number }> = await manager.query(
      `WITH gone AS (
         DELETE FROM idempotency_keys WHERE (user_id, key) IN (
           SELECT user_id, key FROM idempotency_keys WHERE expires_at <= now() LIMIT $1)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [batch],
    );
    return n;
  },
};
