import { type MigrationInterface, type QueryRunner } from 'typeorm';

const ACTIONS_BEFORE = `'check.waive', 'screening.false_positive', 'category.downgrade', 'risk.override',
      'condition.satisfy', 'disbursement.release', 'application.write_off'`;

/**
 * Issue 13.4: a re-evaluation that would change a check's outcome set through four eyes (a waiver) opens a
 * pending `check.reevaluate` item instead of overwriting it (libs/domain/src/pipeline/maker-checker.ts,
 * docs/checks.md). The action constraint is rebuilt from its full current list.
 */
export class CheckReevaluateApproval1795994192067 implements MigrationInterface {
  name = 'CheckReevaluateApproval1795994192067';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE approvals DROP CONSTRAINT approvals_action_check`);
    await queryRunner.query(
      `ALTER TABLE approvals ADD CONSTRAINT approvals_action_check CHECK (action IN (${ACTIONS_BEFORE},
      'check.reevaluate'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM approvals WHERE action = 'check.reevaluate'`);
    await queryRunner.query(`ALTER TABLE approvals DROP CONSTRAINT approvals_action_check`);
    await queryRunner.query(
      `ALTER TABLE approvals ADD CONSTRAINT approvals_action_check CHECK (action IN (${ACTIONS_BEFORE}))`,
    );
  }
}
