import { benchAudit } from '../../../bench/audit.bench.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('audit benchmark (smoke run)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('measures chained vs plain appends and verifier vs bare hashing in a scratch schema it drops', async () => {
    const result = await benchAudit(db.url, 40, 2);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    expect(result.appends.map((a) => a.writers)).toEqual([1, 4, 16]);
    for (const a of result.appends) {
      expect(a.chainPerSecond).toBeGreaterThan(0);
      expect(a.plainPerSecond).toBeGreaterThan(0);
      expect(a.unsequencedPerSecond).toBeGreaterThan(0);
      expect(a.roundRatios).toHaveLength(2);
    }
    // Each round appends `events` with a sequencer running and as many without one (placed afterwards).
    expect(result.verify.events).toBe(result.appends.reduce((n, a) => n + a.events * a.rounds * 2, 0));
    expect(result.verify.verifierPerSecond).toBeGreaterThan(0);
    const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM audit_events`);
    expect(count).toBe(0);
    const schemas = await db.dataSource.query(
      `SELECT 1 FROM pg_namespace WHERE nspname LIKE 'forge_bench_%'`,
    );
    expect(schemas).toHaveLength(0);
  });
});
