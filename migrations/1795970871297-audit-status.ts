import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Monitoring state of the decision trail (docs/audit.md, "Alarms"): the outcome of the last checkpoint attempt
 * (signed or refused, and why), of the last full verification and of the last witness delivery. One row per
 * `name`, overwritten: it is not evidence (the chain, the checkpoints and their copies outside the database are),
 * it is what the health endpoint and the checkpoint builder read without recomputing the chain.
 */
export class AuditStatus1795970871297 implements MigrationInterface {
  name = 'AuditStatus1795970871297';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_status (
        name        text        PRIMARY KEY,
        status      jsonb       NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'forge_app') THEN
          GRANT SELECT, INSERT, UPDATE ON audit_status TO forge_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_status`);
  }
}
