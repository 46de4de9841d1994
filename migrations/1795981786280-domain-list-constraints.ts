import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The domain's value lists the schema did not enforce yet (issue 12, "each rule once"): check codes and check
 * stages (libs/domain/src/checks/check-codes.ts), document kinds and E&S categories
 * (libs/domain/src/application/application-input.ts). test/integration/schema/domain-constraints.spec.ts
 * compares every list constraint with its domain list, so a new code is a domain line plus a migration like
 * this one. NOT VALID: rows written before are not rescanned (every writer already used these lists).
 */
export class DomainListConstraints1795981786280 implements MigrationInterface {
  name = 'DomainListConstraints1795981786280';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE checks ADD CONSTRAINT checks_code_check CHECK (code IN (
      'ELIG.COUNTRY', 'ELIG.MINERAL', 'ELIG.TICKET', 'ELIG.EQUATOR', 'SANCTIONS.PARTIES',
      'ESG.CATEGORY_CONFIRMED', 'ESG.ESIA', 'ESG.INDEPENDENT_REVIEW', 'ESG.FPIC', 'ESG.TAILINGS', 'ESG.WATER',
      'TRANS.BENEFICIAL_OWNERSHIP', 'TRANS.PEP', 'TRANS.EITI', 'TRANS.CONTRACTS', 'TRANS.FEOC', 'TRANS.ANNEX_II'
    )) NOT VALID`);
    await queryRunner.query(
      `ALTER TABLE checks ADD CONSTRAINT checks_stage_check CHECK (stage IN ('screening', 'esg_review')) NOT VALID`,
    );
    await queryRunner.query(`ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (
      'esia', 'independent_es_review', 'fpic_evidence', 'gistm_evidence', 'ownership_evidence', 'financial_model',
      'other', 'pri_policy', 'offtake_agreement', 'hedge_confirmation', 'epc_contract', 'completion_guarantee',
      'first_loss_agreement', 'guarantee_agreement', 'water_study', 'dsra_agreement'
    )) NOT VALID`);
    await queryRunner.query(
      `ALTER TABLE applications ADD CONSTRAINT applications_category_check CHECK (category IN ('A', 'B', 'C', 'FI')) NOT VALID`,
    );
    await queryRunner.query(
      `ALTER TABLE applications ADD CONSTRAINT applications_proposed_category_check
         CHECK (proposed_category IN ('A', 'B', 'C', 'FI')) NOT VALID`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE applications DROP CONSTRAINT applications_proposed_category_check`);
    await queryRunner.query(`ALTER TABLE applications DROP CONSTRAINT applications_category_check`);
    await queryRunner.query(`ALTER TABLE documents DROP CONSTRAINT documents_kind_check`);
    await queryRunner.query(`ALTER TABLE checks DROP CONSTRAINT checks_stage_check`);
    await queryRunner.query(`ALTER TABLE checks DROP CONSTRAINT checks_code_check`);
  }
}
