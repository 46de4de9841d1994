import { type MigrationInterface, type QueryRunner } from 'typeorm';

const CODES_BEFORE = `'ELIG.COUNTRY', 'ELIG.MINERAL', 'ELIG.TICKET', 'ELIG.EQUATOR', 'SANCTIONS.PARTIES',
      'ESG.CATEGORY_CONFIRMED', 'ESG.ESIA', 'ESG.INDEPENDENT_REVIEW', 'ESG.FPIC', 'ESG.TAILINGS', 'ESG.WATER',
      'TRANS.BENEFICIAL_OWNERSHIP', 'TRANS.PEP', 'TRANS.EITI', 'TRANS.CONTRACTS', 'TRANS.FEOC', 'TRANS.ANNEX_II'`;

/**
 * portfolio.md: check `PORTFOLIO.CONCENTRATION`, recorded on the `financing` stage at the move to committee
 * (libs/domain/src/checks/check-codes.ts). The code constraint is rebuilt from its full current list.
 */
export class PortfolioConcentrationCheck1795984297629 implements MigrationInterface {
  name = 'PortfolioConcentrationCheck1795984297629';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE checks DROP CONSTRAINT checks_code_check`);
    await queryRunner.query(
      `ALTER TABLE checks ADD CONSTRAINT checks_code_check CHECK (code IN (${CODES_BEFORE},
      'PORTFOLIO.CONCENTRATION')) NOT VALID`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE checks DROP CONSTRAINT checks_code_check`);
    await queryRunner.query(
      `ALTER TABLE checks ADD CONSTRAINT checks_code_check CHECK (code IN (${CODES_BEFORE})) NOT VALID`,
    );
  }
}
