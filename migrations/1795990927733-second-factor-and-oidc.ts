import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Second factor and single sign-on (issue 19, docs/identity.md).
 *
 * - `user_totp`: one TOTP enrolment per user. `confirmed_at` is null while the enrolment waits for its first
 *   code; `last_used_step` is the RFC 6238 time step of the last code accepted, so a code is never accepted
 *   twice (RFC 6238 §5.2).
 * - `user_recovery_codes`: ten single-use codes per confirmed enrolment, each stored as an Argon2id hash.
 * - `user_external_identities`: the (issuer, subject) pairs of an OpenID Connect provider linked to a user.
 */
export class SecondFactorAndOidc1795990927733 implements MigrationInterface {
  name = 'SecondFactorAndOidc1795990927733';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_totp (
        user_id         uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        secret          text        NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        confirmed_at    timestamptz,
        last_used_step  bigint
      )`);
    await queryRunner.query(`
      CREATE TABLE user_recovery_codes (
        id          uuid        PRIMARY KEY,
        user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        code_hash   text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        used_at     timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX user_recovery_codes_user_idx ON user_recovery_codes (user_id)`);
    await queryRunner.query(`
      CREATE TABLE user_external_identities (
        issuer      text        NOT NULL,
        subject     text        NOT NULL,
        user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (issuer, subject)
      )`);
    await queryRunner.query(
      `CREATE INDEX user_external_identities_user_idx ON user_external_identities (user_id)`,
    );
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'forge_app') THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON user_totp, user_recovery_codes, user_external_identities
            TO forge_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE user_external_identities`);
    await queryRunner.query(`DROP TABLE user_recovery_codes`);
    await queryRunner.query(`DROP TABLE user_totp`);
  }
}
