import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Cookie sessions for the console and the account version checked on every request.
 *
 * - `users.auth_version`: bumped whenever an account's access changes (disabled, enabled, roles changed, password
 *   reset, second factor reset). Bearer tokens carry it (`ver`) and sessions store it: a request whose version is
 *   not the user's current one is refused, so a disabled or demoted user loses access at the next request.
 * - `user_sessions`: server-side sessions. Only the SHA-256 of the opaque session id is stored (a database
 *   reader cannot ride a session); `csrf_token` is the value the console echoes in `x-csrf-token`.
 */
export class UserSessions1795969437237 implements MigrationInterface {
  name = 'UserSessions1795969437237';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN auth_version integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`
      CREATE TABLE user_sessions (
        id_hash       bytea       PRIMARY KEY CHECK (octet_length(id_hash) = 32),
        user_id       uuid        NOT NULL REFERENCES users (id),
        auth_version  integer     NOT NULL,
        csrf_token    text        NOT NULL,
        method        text        NOT NULL CHECK (method IN ('password', 'password+totp', 'password+recovery_code', 'oidc')),
        ip            text        NOT NULL,
        user_agent    text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        last_seen_at  timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL,
        revoked_at    timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX user_sessions_user_idx ON user_sessions (user_id)`);
    await queryRunner.query(`CREATE INDEX user_sessions_expiry_idx ON user_sessions (expires_at)`);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'forge_app') THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON user_sessions TO forge_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE user_sessions`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN auth_version`);
  }
}
