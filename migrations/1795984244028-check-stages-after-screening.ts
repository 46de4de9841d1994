import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A check sits on its own stage (`screening`, `esg_review`) or on the stage a re-screening hit opened it on
 * (checks.md: a new hit on an application past screening opens `SANCTIONS.PARTIES` on its current stage; issue
 * 13 item 6: financed projects too). The constraint of 1795981786280 allowed only the first two, so every such
 * re-screening failed at the INSERT: it now follows `CHECK_STAGES` (libs/domain/src/checks/check-codes.ts).
 */
export class CheckStagesAfterScreening1795984244028 implements MigrationInterface {
  name = 'CheckStagesAfterScreening1795984244028';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE checks DROP CONSTRAINT checks_stage_check`);
    await queryRunner.query(`ALTER TABLE checks ADD CONSTRAINT checks_stage_check CHECK (stage IN (
      'screening', 'esg_review', 'financing', 'committee', 'approved', 'financed', 'disbursing', 'monitoring'
    )) NOT VALID`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE checks DROP CONSTRAINT checks_stage_check`);
    await queryRunner.query(
      `ALTER TABLE checks ADD CONSTRAINT checks_stage_check CHECK (stage IN ('screening', 'esg_review')) NOT VALID`,
    );
  }
}
