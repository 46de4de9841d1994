import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The transactional outbox: a row per job, written in the command's transaction, relayed after commit. */
export class CreateOutbox1790000000000 implements MigrationInterface {
  name = 'CreateOutbox1790000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        id          bigserial PRIMARY KEY,
        queue       text        NOT NULL,
        job_name    text        NOT NULL,
        job_id      text        NOT NULL,
        payload     jsonb       NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        sent_at     timestamptz,
        attempts    integer     NOT NULL DEFAULT 0,
        last_error  text
      )`);
    // The relay scans unsent rows in id order; a partial index keeps that scan tiny however large the table grows.
    await queryRunner.query(`CREATE INDEX outbox_unsent_idx ON outbox (id) WHERE sent_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox`);
  }
}
