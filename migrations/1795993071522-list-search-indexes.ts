import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 18, item 5: the list's filters cost the same at 100,000 applications as at 1,000.
 *
 * - `residualBand=` read the latest assessment (and its approved override) with a correlated subquery per row.
 *   The effective band is now kept on the application itself, `applications.current_residual_band`, by
 *   triggers on the two tables it derives from, with the same rule as before (the latest assessment by
 *   `computed_at, id`; its latest approved override wins). A trigger rather than application code so that no
 *   writer (the scoring job, a re-assessment, a bulk loader) can leave it stale. Indexed with the list's order.
 * - `q=` scanned every row with ILIKE. Trigram indexes (pg_trgm, a trusted extension shipped with PostgreSQL
 *   and the embedded server) serve substring search on the title, the reference and the organisation's name.
 */
export class ListSearchIndexes1795993071522 implements MigrationInterface {
  name = 'ListSearchIndexes1795993071522';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `ALTER TABLE applications ADD COLUMN current_residual_band text
         CHECK (current_residual_band IN ('low','moderate','substantial','high'))`,
    );
    await queryRunner.query(`CREATE FUNCTION applications_refresh_residual_band(target uuid) RETURNS void
      LANGUAGE sql AS $$
        UPDATE applications a SET current_residual_band = (
          SELECT COALESCE(
                   (SELECT o.band FROM risk_band_overrides o WHERE o.assessment_id = ra.id
                     ORDER BY o.created_at DESC, o.id DESC LIMIT 1),
                   ra.residual_band)
            FROM risk_assessments ra WHERE ra.application_id = a.id
           ORDER BY ra.computed_at DESC, ra.id DESC LIMIT 1)
         WHERE a.id = target
      $$`);
    await queryRunner.query(`CREATE FUNCTION applications_residual_band_follow() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM applications_refresh_residual_band(NEW.application_id);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER risk_assessments_residual_band AFTER INSERT ON risk_assessments
         FOR EACH ROW EXECUTE FUNCTION applications_residual_band_follow()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER risk_band_overrides_residual_band AFTER INSERT ON risk_band_overrides
         FOR EACH ROW EXECUTE FUNCTION applications_residual_band_follow()`,
    );
    await queryRunner.query(
      `SELECT applications_refresh_residual_band(a.id) FROM applications a
        WHERE EXISTS (SELECT 1 FROM risk_assessments ra WHERE ra.application_id = a.id)`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_residual_band_idx
         ON applications (current_residual_band, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_title_trgm_idx ON applications USING gin ((input->>'title') gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_reference_trgm_idx ON applications USING gin (reference gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX organizations_name_trgm_idx ON organizations USING gin (name gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX organizations_name_trgm_idx`);
    await queryRunner.query(`DROP INDEX applications_reference_trgm_idx`);
    await queryRunner.query(`DROP INDEX applications_title_trgm_idx`);
    await queryRunner.query(`DROP INDEX applications_residual_band_idx`);
    await queryRunner.query(`DROP TRIGGER risk_band_overrides_residual_band ON risk_band_overrides`);
    await queryRunner.query(`DROP TRIGGER risk_assessments_residual_band ON risk_assessments`);
    await queryRunner.query(`DROP FUNCTION applications_residual_band_follow()`);
    await queryRunner.query(`DROP FUNCTION applications_refresh_residual_band(uuid)`);
    await queryRunner.query(`ALTER TABLE applications DROP COLUMN current_residual_band`);
  }
}
