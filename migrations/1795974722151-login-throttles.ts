import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Sign-in abuse counters (issue 19), updated atomically (one INSERT … ON CONFLICT DO UPDATE per counter, so a burst
 * of parallel attempts cannot slip past a limit):
 * - `account_address`: attempts not yet proven right per (account, client address), fixed one-minute windows;
 * - `address`: the same per client address, across accounts;
 * - `account`: consecutive failures of an account (separately for addresses where it signed in before and for the
 *   others) and the earliest next attempt: a growing delay instead of a lock-out.
 */
export class LoginThrottles1795974722151 implements MigrationInterface {
  name = 'LoginThrottles1795974722151';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE login_throttles (
        scope            text        NOT NULL CHECK (scope IN ('account_address', 'address', 'account')),
        key              text        NOT NULL,
        window_start     timestamptz NOT NULL DEFAULT now(),
        count            integer     NOT NULL CHECK (count >= 0),
        next_attempt_at  timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await queryRunner.query(`CREATE INDEX login_throttles_updated_idx ON login_throttles (updated_at)`);
    await queryRunner.query(
      `CREATE INDEX login_attempts_success_idx ON login_attempts (lower(email), ip) WHERE succeeded`,
    );
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'forge_app') THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttles TO forge_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX login_attempts_success_idx`);
    await queryRunner.query(`DROP TABLE login_throttles`);
  }
}
