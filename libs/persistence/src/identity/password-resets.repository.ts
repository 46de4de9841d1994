import { type EntityManager } from 'typeorm';
import { returnedRows } from '../returned-rows.js';

/** password_reset_tokens: one-time tokens, kept as their SHA-256. */
export const passwordResetsRepository = {
  /** Stores a new token and voids the user's earlier unused ones (only the latest works). */
  async insert(
    manager: EntityManager,
    token: { tokenHash: Buffer; userId: string; requestedBy: string; ttlSeconds: number },
  ): Promise<{ expiresAt: string }> {
    await manager.query(
      `UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
      [token.userId],
    );
    const rows: Array<{ expires_at: Date }> = await manager.query(
      `INSERT INTO password_reset_tokens (token_hash, user_id, requested_by, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       RETURNING expires_at`,
      [token.tokenHash, token.userId, token.requestedBy, token.ttlSeconds],
    );
    return { expiresAt: new Date(rows[0].expires_at).toISOString() };
  },

  /** Uses the token once (atomically): the user id, or null for an unknown, used or expired token. */
  async consume(manager: EntityManager, tokenHash: Buffer): Promise<string | null> {
    const result: unknown = await manager.query(
      `UPDATE password_reset_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id`,
      [tokenHash],
    );
    return returnedRows<{ user_id: string }>(result)[0]?.user_id ?? null;
  },
};
