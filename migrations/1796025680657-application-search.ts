import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 18, item 5: `q=` costs the same at 100,000 applications as at 1,000.
 *
 * The three trigram indexes of ListSearchIndexes1795993071522 (title, reference, organisation name) were GIN
 * indexes with GIN's default `fastupdate`: new entries wait in an unsorted pending list (up to 4 MB) that every
 * search reads whole, so a search that finds nothing read about 500 pages per index at 100,000 applications
 * (bench/README.md, "Cost as data grows"). And the two on `applications` took new entries on every update of the
 * row that is not HOT, which is every stage transition: the search text of an application changes only when it is
 * created, when its title is amended or when its organisation is renamed.
 *
 * The searchable texts now live in their own table, one row per application and field (title, reference, the
 * organisation's name), kept by triggers (no writer can leave it stale: the create path, an amendment, a bulk
 * loader, a rename of the organisation), with one trigram index written without a pending list. One row per field
 * keeps what `q` means exactly: a case-insensitive substring of one of the three, never a match across two of them.
 * The list needs one statement (no lookup of the organisations first).
 */
export class ApplicationSearch1796025680657 implements MigrationInterface {
  name = 'ApplicationSearch1796025680657';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE TABLE application_search (
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        field          text NOT NULL CHECK (field IN ('title', 'reference', 'organization')),
        text           text,
        PRIMARY KEY (application_id, field)
      )`);
    // The rule, once: the three texts of the given applications as they are now; a row whose text is unchanged is
    // not written (no new index entries).
    await q(`CREATE FUNCTION application_search_refresh(targets uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO application_search (application_id, field, text)
        SELECT a.id, f.field, f.text
          FROM applications a
          JOIN organizations o ON o.id = a.organization_id
          CROSS JOIN LATERAL (VALUES ('title', a.input->>'title'), ('reference', a.reference),
                                     ('organization', o.name)) f (field, text)
         WHERE a.id = ANY (targets)
        ON CONFLICT (application_id, field) DO UPDATE SET text = EXCLUDED.text
         WHERE application_search.text IS DISTINCT FROM EXCLUDED.text
      $$`);
    await q(`CREATE FUNCTION application_search_follow_application() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM application_search_refresh(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER applications_search_insert AFTER INSERT ON applications
               FOR EACH ROW EXECUTE FUNCTION application_search_follow_application()`);
    await q(`CREATE TRIGGER applications_search_update AFTER UPDATE OF input, reference, organization_id
               ON applications FOR EACH ROW
               WHEN (OLD.input->>'title' IS DISTINCT FROM NEW.input->>'title'
                     OR OLD.reference IS DISTINCT FROM NEW.reference
                     OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
               EXECUTE FUNCTION application_search_follow_application()`);
    await q(`CREATE FUNCTION application_search_follow_organization() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM application_search_refresh(ARRAY(SELECT id FROM applications WHERE organization_id = NEW.id));
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER organizations_search_update AFTER UPDATE OF name ON organizations FOR EACH ROW
               WHEN (OLD.name IS DISTINCT FROM NEW.name)
               EXECUTE FUNCTION application_search_follow_organization()`);
    await q(`SELECT application_search_refresh(ARRAY(SELECT id FROM applications))`);
    // Written once per application and field, read by every search: no pending list (fastupdate = off), so a
    // search reads the index's tree only. A finer histogram than the default (1,000 entries instead of 100): the
    // list chooses between walking its order and reading the trigram index by the estimated share of matches, and
    // with 100 entries any share under 1% is a guess.
    await q(`CREATE INDEX application_search_trgm_idx ON application_search USING gin (text gin_trgm_ops)
               WITH (fastupdate = off)`);
    await q(`ALTER TABLE application_search ALTER COLUMN text SET STATISTICS 1000`);
    await q(`ANALYZE application_search`);
    await q(`DROP INDEX applications_title_trgm_idx`);
    await q(`DROP INDEX applications_reference_trgm_idx`);
    await q(`DROP INDEX organizations_name_trgm_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(
      `CREATE INDEX applications_title_trgm_idx ON applications USING gin ((input->>'title') gin_trgm_ops)`,
    );
    await q(
      `CREATE INDEX applications_reference_trgm_idx ON applications USING gin (reference gin_trgm_ops)`,
    );
    await q(`CREATE INDEX organizations_name_trgm_idx ON organizations USING gin (name gin_trgm_ops)`);
    await q(`DROP TRIGGER organizations_search_update ON organizations`);
    await q(`DROP TRIGGER applications_search_update ON applications`);
    await q(`DROP TRIGGER applications_search_insert ON applications`);
    await q(`DROP FUNCTION application_search_follow_organization()`);
    await q(`DROP FUNCTION application_search_follow_application()`);
    await q(`DROP FUNCTION application_search_refresh(uuid[])`);
    await q(`DROP TABLE application_search`);
  }
}
