import { type EntityManager } from 'typeorm';
import { returnedRows } from '../returned-rows.js';

/** What a reservation answers: allowed, or refused with the seconds to wait. */
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface WindowRow {
  count: number;
  retry_after: string;
}

/**
 * login_throttles: the sign-in abuse counters. Each call is one statement on one row (INSERT … ON CONFLICT DO
 * UPDATE takes the row lock), so parallel attempts are counted one after the other: a burst cannot pass a limit.
 */
export const loginThrottlesRepository = {
  /**
   * Counts one attempt in a fixed window of `windowSeconds` for (scope, key); refused when the attempt makes the
   * count exceed `limit`. The attempt stays counted until `release` (a right password) takes it back.
   */
  async reserveInWindow(
    manager: EntityManager,
    scope: 'account_address' | 'address',
    key: string,
    limit: number,
    windowSeconds: number,
  ): Promise<ThrottleVerdict> {
    const rows: WindowRow[] = await manager.query(
      `INSERT INTO login_throttles AS t (scope, key, window_start, count, updated_at)
       VALUES ($1, $2, now(), 1, now())
       ON CONFLICT (scope, key) DO UPDATE SET
         count = CASE WHEN t.window_start <= now() - make_interval(secs => $3) THEN 1 ELSE t.count + 1 END,
         window_start = CASE WHEN t.window_start <= now() - make_interval(secs => $3) THEN now() ELSE t.window_start END,
         updated_at = now()
       RETURNING count, ceil(extract(epoch FROM (window_start + make_interval(secs => $3) - now())))::text AS retry_after`,
      [scope, key, windowSeconds],
    );
    const row = rows[0];
    if (row.count <= limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Number(row.retry_after)) };
  },

  /** Takes back one counted attempt (a right password is no failure). */
  async release(manager: EntityManager, scope: 'account_address' | 'address', key: string): Promise<void> {
    await manager.query(
      `UPDATE login_throttles SET count = greatest(count - 1, 0), updated_at = now() WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
  },

  /**
   * The account's progressive delay. Each attempt counts as a failure until proven right; after `freeFailures`
   * consecutive ones, an attempt is let through only once `next_attempt_at` has passed, and it pushes
   * `next_attempt_at` to now + min(2^(n - free - 1) s, maxDelaySeconds). Failures older than `resetAfterSeconds`
   * are forgotten. One statement: when the row is not updated (too early), the attempt is refused.
   */
  async reserveAccount(
    manager: EntityManager,
    key: string,
    options: { freeFailures: number; maxDelaySeconds: number; resetAfterSeconds: number },
  ): Promise<ThrottleVerdict> {
    const params = [key, options.freeFailures, options.maxDelaySeconds, options.resetAfterSeconds];
    const result: Array<{ count: number }> = await manager.query(
      `WITH fresh AS (SELECT make_interval(secs => $4) AS reset)
       INSERT INTO login_throttles AS t (scope, key, count, next_attempt_at, updated_at)
       VALUES ('account', $1, 1, now(), now())
       ON CONFLICT (scope, key) DO UPDATE SET
         count = CASE WHEN t.updated_at < now() - (SELECT reset FROM fresh) THEN 1 ELSE t.count + 1 END,
         next_attempt_at = CASE
           WHEN (CASE WHEN t.updated_at < now() - (SELECT reset FROM fresh) THEN 1 ELSE t.count + 1 END) > $2
           THEN now() + make_interval(secs => least($3::float8, power(2, (t.count + 1 - $2 - 1))::float8))
           ELSE t.next_attempt_at END,
         updated_at = now()
       WHERE t.next_attempt_at <= now() OR t.updated_at < now() - (SELECT reset FROM fresh)
       RETURNING count`,
      params,
    );
    if (result.length > 0) return { allowed: true };
    const rows: Array<{ retry_after: string }> = await manager.query(
      `SELECT ceil(extract(epoch FROM (next_attempt_at - now())))::text AS retry_after
         FROM login_throttles WHERE scope = 'account' AND key = $1`,
      [key],
    );
    return { allowed: false, retryAfterSeconds: Math.max(1, Number(rows[0]?.retry_after ?? 1)) };
  },

  /** A right password: the account's failures are forgotten and its delay lifted. */
  async clearAccount(manager: EntityManager, key: string): Promise<void> {
    await manager.query(
      `UPDATE login_throttles SET count = 0, next_attempt_at = now(), updated_at = now()
        WHERE scope = 'account' AND key = $1`,
      [key],
    );
  },

  /** Deletes counters untouched for a day (the sign-in path calls it now and then). */
  async purgeStale(manager: EntityManager, limit = 1000): Promise<number> {
    const result: unknown = await manager.query(
      `DELETE FROM login_throttles WHERE ctid IN (
         SELECT ctid FROM login_throttles WHERE updated_at < now() - interval '1 day' LIMIT $1)
       RETURNING 1`,
      [limit],
    );
    return returnedRows(result).length;
  },
};
