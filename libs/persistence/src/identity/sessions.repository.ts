import { type EntityManager } from 'typeorm';
import { type Role } from '@forge/domain';
import { returnedRows } from '../returned-rows.js';

export type SessionMethod = 'password' | 'password+totp' | 'password+recovery_code' | 'oidc';

/** A live session joined with its user's current state (what every cookie-authenticated request reads). */
export interface SessionWithUser {
  userId: string;
  /** The account version the session was opened at. */
  sessionVersion: number;
  csrfToken: string;
  method: SessionMethod;
  expiresAt: string;
  /** True when last_seen_at is older than `touchAfterSeconds` (the caller then refreshes it). */
  stale: boolean;
  user: {
    id: string;
    email: string;
    displayName: string;
    roles: Role[];
    organizationId: string | null;
    disabled: boolean;
    authVersion: number;
  };
}

interface SessionRow {
  user_id: string;
  session_version: number;
  csrf_token: string;
  method: SessionMethod;
  expires_at: Date;
  stale: boolean;
  email: string;
  display_name: string;
  roles: Role[];
  organization_id: string | null;
  disabled: boolean;
  auth_version: number;
}

/** user_sessions: the console's server-side sessions, keyed by the SHA-256 of the opaque id in the cookie. */
export const sessionsRepository = {
  async insert(
    manager: EntityManager,
    session: {
      idHash: Buffer;
      userId: string;
      authVersion: number;
      csrfToken: string;
      method: SessionMethod;
      ip: string;
      userAgent: string | null;
      ttlSeconds: number;
    },
  ): Promise<{ expiresAt: string }> {
    const rows: Array<{ expires_at: Date }> = await manager.query(
      `INSERT INTO user_sessions (id_hash, user_id, auth_version, csrf_token, method, ip, user_agent, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8))
       RETURNING expires_at`,
      [
        session.idHash,
        session.userId,
        session.authVersion,
        session.csrfToken,
        session.method,
        session.ip,
        session.userAgent,
        session.ttlSeconds,
      ],
    );
    return { expiresAt: new Date(rows[0].expires_at).toISOString() };
  },

  /**
   * The session with this id hash if it is neither revoked, past its absolute expiry nor idle for longer than
   * `idleSeconds`; joined with the user's current row (one primary-key read each). The caller compares the
   * versions and the disabled flag.
   */
  async findLive(
    manager: EntityManager,
    idHash: Buffer,
    options: { idleSeconds: number; touchAfterSeconds: number },
  ): Promise<SessionWithUser | null> {
    const rows: SessionRow[] = await manager.query(
      `SELECT s.user_id, s.auth_version AS session_version, s.csrf_token, s.method, s.expires_at,
              s.last_seen_at < now() - make_interval(secs => $3) AS stale,
              u.email, u.display_name, u.roles, u.organization_id, u.disabled, u.auth_version
         FROM user_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(secs => $2)`,
      [idHash, options.idleSeconds, options.touchAfterSeconds],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      userId: row.user_id,
      sessionVersion: row.session_version,
      csrfToken: row.csrf_token,
      method: row.method,
      expiresAt: new Date(row.expires_at).toISOString(),
      stale: row.stale,
      user: {
        id: row.user_id,
        email: row.email,
        displayName: row.display_name,
        roles: row.roles,
        organizationId: row.organization_id,
        disabled: row.disabled,
        authVersion: row.auth_version,
      },
    };
  },

  /** Marks the session as used now (the idle timeout counts from here). */
  async touch(manager: EntityManager, idHash: Buffer): Promise<void> {
    await manager.query(
      `UPDATE user_sessions SET last_seen_at = now() WHERE id_hash = $1 AND revoked_at IS NULL`,
      [idHash],
    );
  },

  /** Ends one session (sign-out); true when a live session was ended. */
  async revoke(manager: EntityManager, idHash: Buffer): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE user_sessions SET revoked_at = now() WHERE id_hash = $1 AND revoked_at IS NULL RETURNING 1`,
      [idHash],
    );
    return returnedRows(result).length > 0;
  },

  /** Ends every session of a user (disabled, roles changed, password reset); returns how many. */
  async revokeAllForUser(manager: EntityManager, userId: string): Promise<number> {
    const result: unknown = await manager.query(
      `UPDATE user_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING 1`,
      [userId],
    );
    return returnedRows(result).length;
  },

  /** Deletes sessions that expired or were revoked more than a day ago (the sweeper calls this). */
  async purgeEnded(manager: EntityManager, limit = 1000): Promise<number> {
    const result: unknown = await manager.query(
      `DELETE FROM user_sessions WHERE id_hash IN (
         SELECT id_hash FROM user_sessions
          WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day'
          LIMIT $1)
       RETURNING 1`,
      [limit],
    );
    return returnedRows(result).length;
  },
};
