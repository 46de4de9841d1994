import { Queue } from 'bullmq';
import { driveApplications } from '../../bench/pipeline.bench.js';
import { waitFor } from '../../bench/cluster.js';
import { duplicateEffects, harness, writeReport, type Harness } from './support/reliability.js';

/** SIGTERM while jobs run: the worker finishes what it holds, exits within the longest job, leaves nothing stalled. */
describe('worker SIGTERM under load', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('sigterm');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shuts down within the longest job and leaves no stalled job', async () => {
    const { cluster } = h;
    const api = await cluster.startApi();
    const count = 80;
    const run = await driveApplications(cluster, [api], count, { waitProcessed: false, sponsors: 2 });
    const worker = await cluster.startWorker();
    await waitFor('some progress', async () => (await cluster.processedCount(run.ids)) > 5, 60_000);
    const shutdownMs = await cluster.stop(worker, 'SIGTERM');
    const { code } = await worker.exited;

    const second = await cluster.startWorker();
    const recoveryMs = await waitFor(
      'the rest processed by a new worker',
      async () => (await cluster.processedCount(run.ids)) >= run.ids.length,
      120_000,
      100,
    );
    const url = new URL(h.redis.url);
    let stalled = 0;
    let longestJobMs = 0;
    for (const name of ['screening', 'risk-scoring']) {
      const queue = new Queue(name, {
        connection: { host: url.hostname, port: Number(url.port) },
        prefix: cluster.queuePrefix,
      });
      for (const job of await queue.getJobs(['completed', 'failed'], 0, -1)) {
        stalled += job.stalledCounter ?? 0;
        if (job.finishedOn && job.processedOn)
          longestJobMs = Math.max(longestJobMs, job.finishedOn - job.processedOn);
      }
      await queue.close();
    }
    const effects = await duplicateEffects(cluster);
    await cluster.stop(second, 'SIGTERM');
    const completed = await cluster.processedCount(run.ids);
    writeReport({
      fault: 'worker-sigterm',
      applications: count,
      accepted: run.ids.length,
      rejectedFast: run.httpErrors,
      completed,
      lost: run.ids.length - completed,
      duplicateEffects: effects.total,
      duplicateExecutions: stalled,
      recoveryMs,
      notes: { exitCode: code, shutdownMs, longestJobMs, stalledJobs: stalled },
    });
    expect(code).toBe(0);
    expect(stalled).toBe(0);
    expect(completed).toBe(run.ids.length);
    expect(effects.total).toBe(0);
    // Closing BullMQ waits for in-flight jobs; process teardown (pools, Nest) adds a bounded constant.
    expect(shutdownMs).toBeLessThanOrEqual(longestJobMs + 3000);
  });
});
