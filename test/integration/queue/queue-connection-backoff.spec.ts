import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { QueueBackend } from '../../../libs/queue/src/queue-backend.js';
import { createTestDatabase, type TestDatabase, uniqueQueuePrefix } from '../../support/test-database.js';

/**
 * Issue 12: when PostgreSQL answers "too many clients" (SQLSTATE 53300), the PostgreSQL queue backend waits with a
 * bounded, jittered exponential backoff and says so, instead of retrying at once. Here a role with CONNECTION
 * LIMIT 2 has both slots taken when its worker starts: the worker logs the refusal, keeps the event loop free, and
 * picks up a job once the slots are given back. (Without the backoff BullMQ memoises the refused first connection
 * and its worker loop spins on it without yielding: this test then times out.)
 */
describe('PostgreSQL queue backend when the server has no connection slot left', () => {
  let db: TestDatabase;
  let role: string;
  let roleUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    role = `forge_queue_${randomBytes(4).toString('hex')}`;
    const admin = new URL(db.url).username;
    // A member of the owner of the database's objects (BullMQ's schema included), limited to two connections.
    await db.dataSource.query(
      `CREATE ROLE ${role} LOGIN PASSWORD 'limited' CONNECTION LIMIT 2 IN ROLE ${admin}`,
    );
    const url = new URL(db.url);
    url.username = role;
    url.password = 'limited';
    roleUrl = url.toString();
  });
  afterAll(async () => {
    await db.dataSource.query(`DROP ROLE IF EXISTS ${role}`);
    await db.drop();
  });

  it('backs off, logs the refusal, and processes jobs once slots are free again', async () => {
    const held = [new pg.Client({ connectionString: roleUrl }), new pg.Client({ connectionString: roleUrl })];
    for (const client of held) await client.connect();

    let refused!: (line: string) => void;
    const firstRefusal = new Promise<string>((resolve) => (refused = resolve));
    const lines: string[] = [];
    const limited = new QueueBackend({
      backend: 'postgres',
      databaseUrl: roleUrl,
      prefix: uniqueQueuePrefix(),
      logger: {
        warn: (line: string) => {
          lines.push(line);
          if (line.includes('53300')) refused(line);
        },
      },
    });
    const producer = new QueueBackend({
      backend: 'postgres',
      databaseUrl: db.url,
      prefix: limited.options.prefix,
    });
    let processed!: (value: number) => void;
    const done = new Promise<number>((resolve) => (processed = resolve));
    try {
      limited.worker<{ n: number }>('backoff', async (job) => {
        processed(job.data.n);
      });
      expect(await firstRefusal).toMatch(
        /^queue backoff: too many connections for role ".+" \(SQLSTATE 53300\); connecting again in \d+ ms \(attempt 1\)$/,
      );
      // The event loop is free while the worker waits (a macrotask runs).
      await new Promise<void>((resolve) => setImmediate(resolve));

      for (const client of held) await client.end();
      await producer.queue<{ n: number }>('backoff').add('probe', { n: 42 });
      expect(await done).toBe(42);
      // A few lines (the first refusal, then one per doubling of the streak), never one per attempt.
      const refusals = lines.filter((line) => line.includes('53300'));
      const attempts = refusals.map((line) => Number(/attempt (\d+)\)/.exec(line)?.[1]));
      expect(attempts.every((n) => (n - 1 === 0 ? true : ((n - 1) & (n - 2)) === 0))).toBe(true);
    } finally {
      for (const client of held) await client.end().catch(() => {});
      await limited.close();
      await producer.close();
    }
  });
});
