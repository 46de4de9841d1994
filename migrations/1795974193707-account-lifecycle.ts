import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Account lifecycle (issue 19).
 *
 * - `users.roles` are the roles in force. Granting officer, committee or admin needs a second admin's approval, so
 *   a new account asking for them holds no role until then (the array may now be empty). The role list is rebuilt
 *   in full (with `partner`, portfolio.md).
 * - `role_requests`: four-eyes role grants (one pending request per user; the checker is not the maker).
 * - `password_reset_tokens`: one-time reset tokens, stored as SHA-256, short-lived.
 */
export class AccountLifecycle1795974193707 implements MigrationInterface {
  name = 'AccountLifecycle1795974193707';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE users DROP CONSTRAINT users_roles_check`,
      `ALTER TABLE users ADD CONSTRAINT users_roles_check
        CHECK (roles <@ ARRAY['sponsor','officer','committee','auditor','admin','partner']::text[])`,
      `CREATE TABLE role_requests (
        id             uuid        PRIMARY KEY,
        user_id        uuid        NOT NULL REFERENCES users (id),
        roles_before   text[]      NOT NULL,
        roles_after    text[]      NOT NULL CHECK (cardinality(roles_after) > 0),
        reason         text        NOT NULL,
        status         text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        requested_by   uuid        REFERENCES users (id),
        decided_by     uuid        REFERENCES users (id),
        decision_note  text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        decided_at     timestamptz,
        CHECK ((status = 'pending') = (decided_at IS NULL)),
        CHECK (status <> 'approved' OR decided_by IS DISTINCT FROM requested_by)
      )`,
      `CREATE UNIQUE INDEX role_requests_one_pending_idx ON role_requests (user_id) WHERE status = 'pending'`,
      `CREATE INDEX role_requests_status_idx ON role_requests (status, created_at)`,
      `CREATE TABLE password_reset_tokens (
        token_hash    bytea       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
        user_id       uuid        NOT NULL REFERENCES users (id),
        requested_by  text        NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL,
        used_at       timestamptz
      )`,
      `CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id)`,
      `DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'forge_app') THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON role_requests, password_reset_tokens TO forge_app;
        END IF;
      END $$`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE password_reset_tokens, role_requests`);
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_roles_check`);
    await queryRunner.query(`ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (cardinality(roles) > 0
      AND roles <@ ARRAY['sponsor','officer','committee','auditor','admin','partner']::text[])`);
  }
}
