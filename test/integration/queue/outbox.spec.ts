import { type Job } from 'bullmq';
import { addToOutbox, OutboxRelay, QueueBackend } from '../../../libs/queue/src/index.js';
import {
  createTestDatabase,
  testRedisUrl,
  uniqueQueuePrefix,
  type TestDatabase,
} from '../../support/test-database.js';

/**
 * The same job round trip and the outbox guarantees, on both BullMQ backends:
 * commit then enqueue; rollback leaves nothing; a relay crash between enqueue and mark duplicates no effect.
 */
describe.each(['redis', 'postgres'] as const)('outbox and queue round trip on %s', (backendKind) => {
  let db: TestDatabase;
  let backend: QueueBackend;
  let relay: OutboxRelay;
  const queueName = 'roundtrip';
  let executions = 0;
  const completed: string[] = [];
  let waiters: Array<{ count: number; resolve: () => void }> = [];

  const whenCompleted = (count: number) =>
    new Promise<void>((resolve) => {
      if (completed.length >= count) resolve();
      else waiters.push({ count, resolve });
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`CREATE TABLE job_effects (job_id text PRIMARY KEY, value int NOT NULL)`);
    backend = new QueueBackend({
      backend: backendKind,
      redisUrl: testRedisUrl(),
      databaseUrl: db.url,
      prefix: uniqueQueuePrefix(),
    });
    relay = new OutboxRelay(db.dataSource, backend);
    const worker = backend.worker<{ value: number }>(queueName, async (job: Job<{ value: number }>) => {
      executions += 1;
      // Idempotent effect: keyed by the deterministic job id.
      await db.dataSource.query(
        `INSERT INTO job_effects (job_id, value) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [job.id, job.data.value],
      );
    });
    worker.on('completed', (job) => {
      completed.push(String(job.id));
      waiters = waiters.filter((waiter) => {
        if (completed.length >= waiter.count) waiter.resolve();
        return completed.length < waiter.count;
      });
    });
    await worker.waitUntilReady();
  });

  afterAll(async () => {
    await backend.close();
    await db.drop();
  });

  it('enqueues only after commit and runs the job', async () => {
    await db.dataSource.transaction(async (manager) => {
      await addToOutbox(manager, {
        queue: queueName,
        jobName: 'effect',
        jobId: 'job-a',
        payload: { value: 1 },
      });
    });
    expect(await relay.relayOnce()).toEqual({ sent: 1, failed: 0 });
    await whenCompleted(1);
    const rows = await db.dataSource.query(`SELECT job_id, value FROM job_effects ORDER BY job_id`);
    expect(rows).toEqual([{ job_id: 'job-a', value: 1 }]);
    const [{ unsent }] = await db.dataSource.query(
      `SELECT count(*)::int AS unsent FROM outbox WHERE sent_at IS NULL`,
    );
    expect(unsent).toBe(0);
  });

  it('leaves nothing behind when the transaction rolls back', async () => {
    await expect(
      db.dataSource.transaction(async (manager) => {
        await addToOutbox(manager, {
          queue: queueName,
          jobName: 'effect',
          jobId: 'job-rolled-back',
          payload: { value: 2 },
        });
        throw new Error('command failed after writing its outbox row');
      }),
    ).rejects.toThrow('command failed');
    expect(await relay.relayOnce()).toEqual({ sent: 0, failed: 0 });
    const [{ rows }] = await db.dataSource.query(
      `SELECT count(*)::int AS rows FROM outbox WHERE job_id = 'job-rolled-back'`,
    );
    expect(rows).toBe(0);
    expect(await backend.queue(queueName).getJob('job-rolled-back')).toBeUndefined();
  });

  it('does not duplicate the effect when the relay crashed between enqueue and mark', async () => {
    const before = executions;
    await db.dataSource.transaction(async (manager) => {
      await addToOutbox(manager, {
        queue: queueName,
        jobName: 'effect',
        jobId: 'job-crash',
        payload: { value: 3 },
      });
    });
    // The crashed relay got as far as BullMQ but never marked the row sent.
    await backend.queue(queueName).add('effect', { value: 3 }, { jobId: 'job-crash' });
    await whenCompleted(2);
    // The restarted relay sends the row again, with the same job id.
    expect((await relay.relayOnce()).sent).toBe(1);
    // A later job proves the queue moved past any duplicate.
    await db.dataSource.transaction(async (manager) => {
      await addToOutbox(manager, {
        queue: queueName,
        jobName: 'effect',
        jobId: 'job-after',
        payload: { value: 4 },
      });
    });
    await relay.relayOnce();
    await whenCompleted(3);
    expect(executions - before).toBe(2);
    const rows = await db.dataSource.query(
      `SELECT job_id FROM job_effects WHERE job_id IN ('job-crash', 'job-after')`,
    );
    expect(rows).toHaveLength(2);
    expect(completed.filter((id) => id === 'job-crash')).toHaveLength(1);
  });

  it('reports the backend reachable', async () => {
    expect(await backend.ping()).toBe(true);
  });
});
