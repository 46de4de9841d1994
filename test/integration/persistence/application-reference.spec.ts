import { nextApplicationReference } from '../../../libs/persistence/src/applications/application.repository.js';
import { ReferenceSequence1796013471376 } from '../../../migrations/1796013471376-reference-sequence.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * References come from `application_reference_seq` (docs/pipeline.md, "References"): a creation still open does
 * not hold up the next one, a rolled-back number is not given again, and the migration starts the sequence past
 * every reference already issued.
 */
describe('application references', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('does not make a creation wait for another one still open, and never gives a number twice', async () => {
    const open = db.dataSource.createQueryRunner();
    await open.connect();
    await open.startTransaction();
    try {
      const first = await nextApplicationReference(open.manager, 2026);
      // With the per-year counter row this waited for `open` to end; lock_timeout turns a wait into an error.
      const second = await db.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL lock_timeout = '2s'`);
        return nextApplicationReference(manager, 2026);
      });
      expect(first).toMatch(/^FORGE-2026-\d{6}$/);
      expect(Number(second.slice(-6))).toBe(Number(first.slice(-6)) + 1);
      await open.rollbackTransaction();
      const third = await db.dataSource.transaction((manager) => nextApplicationReference(manager, 2027));
      // The rolled-back number is a gap, not reused; the number runs on into the next year.
      expect(third).toBe(`FORGE-2027-${String(Number(second.slice(-6)) + 1).padStart(6, '0')}`);
    } finally {
      await open.release();
    }
  });

  it('starts the sequence past every reference already issued, whatever its year (migration up and down)', async () => {
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [org]: Array<{ id: string }> = await runner.query(
        `INSERT INTO organizations (id, name, country, registration_number)
         VALUES (gen_random_uuid(), 'Reference Co', 'PE', 'REF-1') RETURNING id`,
      );
      const [user]: Array<{ id: string }> = await runner.query(
        `INSERT INTO users (id, email, display_name, password_hash, roles, organization_id)
         VALUES (gen_random_uuid(), 'reference@example.test', 'Ref', 'x', '{sponsor}', $1) RETURNING id`,
        [org!.id],
      );
      await runner.query(
        `INSERT INTO applications (id, reference, organization_id, created_by, stage, version, input)
         VALUES (gen_random_uuid(), 'FORGE-2025-000740', $1, $2, 'draft', 1, '{}'::jsonb)`,
        [org!.id, user!.id],
      );
      const migration = new ReferenceSequence1796013471376();
      await migration.down(runner);
      const counters = await runner.query(`SELECT year, last FROM application_reference_counters`);
      expect(counters).toContainEqual({ year: 2025, last: 740 });
      await migration.up(runner);
      const next = await db.dataSource.transaction((manager) => nextApplicationReference(manager, 2026));
      expect(next).toBe('FORGE-2026-000741');
    } finally {
      await runner.release();
    }
  });
});
