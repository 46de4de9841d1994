import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The application version at which the pipeline last queued a screening (submit, amended answer). The stage
 * guard "the latest screening job has run" compares it with `screening_version` (what the job last stored).
 */
export class ApplicationScreeningRequest1790000030000 implements MigrationInterface {
  name = 'ApplicationScreeningRequest1790000030000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE applications ADD COLUMN screening_requested_version integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE applications DROP COLUMN screening_requested_version`);
  }
}
