import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { returnedRows } from '../returned-rows.js';

/** A user's TOTP enrolment (user_totp). */
export interface TotpEnrolmentRecord {
  userId: string;
  /** Base32, as the authenticator app holds it. */
  secret: string;
  confirmed: boolean;
  /** The RFC 6238 time step of the last code accepted (a code is never accepted twice). */
  lastUsedStep: number | null;
}

interface TotpRow {
  user_id: string;
  secret: string;
  confirmed_at: Date | null;
  last_used_step: string | null;
}

function toEnrolment(row: TotpRow): TotpEnrolmentRecord {
  return {
    userId: row.user_id,
    secret: row.secret,
    confirmed: row.confirmed_at !== null,
    lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
  };
}

/** user_totp and user_recovery_codes: the second factor. Every function takes the caller's manager. */
export const secondFactorRepository = {
  async find(manager: EntityManager, userId: string): Promise<TotpEnrolmentRecord | null> {
    const rows: TotpRow[] = await manager.query(
      `SELECT user_id, secret, confirmed_at, last_used_step FROM user_totp WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ? toEnrolment(rows[0]) : null;
  },

  /** The enrolment locked (FOR UPDATE) for a change, or null. */
  async lock(manager: EntityManager, userId: string): Promise<TotpEnrolmentRecord | null> {
    const rows: TotpRow[] = await manager.query(
      `SELECT user_id, secret, confirmed_at, last_used_step FROM user_totp WHERE user_id = $1 FOR UPDATE`,
      [userId],
    );
    return rows[0] ? toEnrolment(rows[0]) : null;
  },

  /** Starts (or restarts) an unconfirmed enrolment; a confirmed one is never replaced here. */
  async upsertPending(manager: EntityManager, userId: string, secret: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO user_totp (user_id, secret) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, created_at = now(), last_used_step = NULL
         WHERE user_totp.confirmed_at IS NULL
       RETURNING user_id`,
      [userId, secret],
    );
    return rows.length > 0;
  },

  async confirm(manager: EntityManager, userId: string, step: number): Promise<void> {
    await manager.query(`UPDATE user_totp SET confirmed_at = now(), last_used_step = $2 WHERE user_id = $1`, [
      userId,
      step,
    ]);
  },

  /**
   * Records an accepted code's time step, atomically: false when a code of this step or a later one was accepted
   * already (a replay, or two sign-ins racing with one code).
   */
  async useStep(manager: EntityManager, userId: string, step: number): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE user_totp SET last_used_step = $2
        WHERE user_id = $1 AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2)
        RETURNING user_id`,
      [userId, step],
    );
    return returnedRows(result).length > 0;
  },

  /** Removes the enrolment and its recovery codes; false when there was none. */
  async remove(manager: EntityManager, userId: string): Promise<boolean> {
    await manager.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
    const result: unknown = await manager.query(
      `DELETE FROM user_totp WHERE user_id = $1 RETURNING user_id`,
      [userId],
    );
    return returnedRows(result).length > 0;
  },

  /** Replaces the user's recovery codes by these hashes. */
  async replaceRecoveryCodes(manager: EntityManager, userId: string, hashes: string[]): Promise<void> {
    await manager.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
    for (const codeHash of hashes) {
      await manager.query(`INSERT INTO user_recovery_codes (id, user_id, code_hash) VALUES ($1, $2, $3)`, [
        randomUUID(),
        userId,
        codeHash,
      ]);
    }
  },

  /** The unused recovery codes, locked (FOR UPDATE) so one code cannot be spent twice concurrently. */
  async lockUnusedRecoveryCodes(
    manager: EntityManager,
    userId: string,
  ): Promise<Array<{ id: string; codeHash: string }>> {
    const rows: Array<{ id: string; code_hash: string }> = await manager.query(
      `SELECT id, code_hash FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL
        ORDER BY created_at, id FOR UPDATE`,
      [userId],
    );
    return rows.map((row) => ({ id: row.id, codeHash: row.code_hash }));
  },

  async useRecoveryCode(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE user_recovery_codes SET used_at = now() WHERE id = $1`, [id]);
  },

  /** Which of these users have a confirmed enrolment (the admin view). */
  async enrolledAmong(manager: EntityManager, userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT user_id FROM user_totp WHERE user_id = ANY($1::uuid[]) AND confirmed_at IS NOT NULL`,
      [userIds],
    );
    return new Set(rows.map((row) => row.user_id));
  },
};

/** user_external_identities: (issuer, subject) pairs of an OpenID Connect provider linked to a user. */
export const externalIdentitiesRepository = {
  /** The linked user's id, marking the identity as seen; null when the pair is not linked. */
  async touch(manager: EntityManager, issuer: string, subject: string): Promise<string | null> {
    const result: unknown = await manager.query(
      `UPDATE user_external_identities SET last_seen_at = now() WHERE issuer = $1 AND subject = $2
       RETURNING user_id`,
      [issuer, subject],
    );
    return returnedRows<{ user_id: string }>(result)[0]?.user_id ?? null;
  },

  /** Links the pair to the user; false when another request linked it first. */
  async link(manager: EntityManager, issuer: string, subject: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO user_external_identities (issuer, subject, user_id) VALUES ($1, $2, $3)
       ON CONFLICT (issuer, subject) DO NOTHING RETURNING user_id`,
      [issuer, subject, userId],
    );
    return rows.length > 0;
  },

  async isLinked(manager: EntityManager, userId: string, issuer: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM user_external_identities WHERE user_id = $1 AND issuer = $2`,
      [userId, issuer],
    );
    return rows.length > 0;
  },
};
