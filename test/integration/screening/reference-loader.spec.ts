import { loadBundledReferenceData, resolveReferenceDir } from '../../../libs/application/src/index.js';
import {
  activeReferenceSnapshot,
  activeSanctionsList,
  countryReferenceValues,
} from '../../../libs/persistence/src/index.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('reference data loader', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('resolves config/reference from the working directory', () => {
    expect(resolveReferenceDir()).toMatch(/config[/\\]reference$/);
    expect(resolveReferenceDir('/nonexistent-dir')).toMatch(/config[/\\]reference$/);
  });

  it('loads each kind once, even when several processes start together', async () => {
    const results = await Promise.all([
      loadBundledReferenceData(db.dataSource),
      loadBundledReferenceData(db.dataSource),
      loadBundledReferenceData(db.dataSource),
    ]);
    const loaded = results.flatMap((r) => r.loaded).sort();
    expect(loaded).toEqual(['countries', 'minerals', 'sanctions']);
    const again = await loadBundledReferenceData(db.dataSource);
    expect(again).toEqual({ loaded: [], skipped: ['countries', 'minerals', 'sanctions'] });

    const rows: Array<{ kind: string; n: string }> = await db.dataSource.query(
      `SELECT kind, count(*) AS n FROM reference_snapshots GROUP BY kind ORDER BY kind`,
    );
    expect(rows.map((r) => [r.kind, Number(r.n)])).toEqual([
      ['countries', 1],
      ['minerals', 1],
      ['sanctions', 1],
    ]);
    const events: Array<{ n: string }> = await db.dataSource.query(
      `SELECT count(*) AS n FROM audit_events WHERE action = 'reference.loaded' AND actor_id = 'system'`,
    );
    expect(Number(events[0]!.n)).toBe(3);
  });

  it('reads the active snapshots, the country values for scoring and the cached sanctions index', async () => {
    const manager = db.dataSource.manager;
    const countries = await activeReferenceSnapshot(manager, 'countries');
    expect(countries?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(countries?.content.countries.some((c) => c.code === 'AR')).toBe(true);
    const minerals = await activeReferenceSnapshot(manager, 'minerals');
    expect(minerals?.content.minerals).toContain('lithium');

    const ar = await countryReferenceValues(manager, 'AR');
    expect(ar).toEqual({ oecdCrc: 7, eitiImplementing: true, snapshotSha256: countries!.sha256 });
    expect(await countryReferenceValues(manager, 'ZZ')).toBeNull();

    const list = await activeSanctionsList(manager);
    expect(list?.index.entryCount).toBeGreaterThan(0);
    const again = await activeSanctionsList(manager);
    expect(again?.index).toBe(list?.index); // built once per snapshot
  });
});
