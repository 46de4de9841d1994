import { fileURLToPath } from 'node:url';
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
    // The sequencer's process runs the TypeScript source, as this test does (no build needed).
    const result = await benchAudit(db.url, 40, 2, {
      sequencerProcess: {
        script: fileURLToPath(new URL('../../../bench/audit-sequencer-process.ts', import.meta.url)),
        execArgv: [
          '--import',
          fileURLToPath(new URL('../../support/typescript-loader.mjs', import.meta.url)),
        ],
      },
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    expect(result.appends.map((a) => a.writers)).toEqual([1, 4, 16]);
    for (const a of result.appends) {
      expect(a.chainPerSecond).toBeGreaterThan(0);
      expect(a.plainPerSecond).toBeGreaterThan(0);
      expect(a.unsequencedPerSecond).toBeGreaterThan(0);
      expect(a.roundRatios).toHaveLength(2);
      expect(a.sameProcessSequencer.chainPerSecond).toBeGreaterThan(0);
      expect(a.sameProcessSequencer.roundRatios).toHaveLength(2);
      // The sequencer's process placed events while the writers appended (its batches and CPU are its own).
      expect(a.mergeDelayMs.batches).toBeGreaterThan(0);
      expect(a.nodeCpuUsPerEvent.sequencerProcess).toBeGreaterThan(0);
    }
    // Each round appends `events` with the sequencer in its own process, as many with it in the bench's process
    // and as many without one (placed afterwards).
    expect(result.verify.events).toBe(result.appends.reduce((n, a) => n + a.events * a.rounds * 3, 0));
    expect(result.verify.verifierPerSecond).toBeGreaterThan(0);
    const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM audit_events`);
    expect(count).toBe(0);
    const schemas = await db.dataSource.query(
      `SELECT 1 FROM pg_namespace WHERE nspname LIKE 'forge_bench_%'`,
    );
    expect(schemas).toHaveLength(0);
  });
});
