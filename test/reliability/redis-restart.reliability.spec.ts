import { mapLimit, sampleInputs, waitFor } from '../../bench/cluster.js';
import { APPS, duplicateEffects, harness, writeReport, type Harness } from './support/reliability.js';

/**
 * Redis (the test's own, durable: append-only file) restarted under load: submissions keep being accepted (the
 * outbox holds the jobs) or fail fast with 503, never hang; after Redis returns every job runs.
 */
describe('Redis restarted under load', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('redis', {}, { durableRedis: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('accepts or fails fast while Redis is away, and loses nothing', async () => {
    const { cluster, redis } = h;
    const api = await cluster.startApi();
    await cluster.startWorker();
    const sponsor = await cluster.createSponsor();
    const inputs = sampleInputs();
    const count = Math.min(APPS, 200);
    let down = false;
    const answers: { status: number; ms: number; duringOutage: boolean; problem: boolean }[] = [];
    const ids: string[] = [];
    const load = mapLimit(
      Array.from({ length: count }, (_, i) => i),
      8,
      async (i) => {
        const during = down;
        const result = await cluster.createAndSubmit(api, sponsor, inputs[i % inputs.length], 5_000);
        for (const answer of [result.created, result.submitted]) {
          if (!answer) continue;
          answers.push({
            status: answer.status,
            ms: answer.ms,
            duringOutage: during || down,
            problem: String(answer.headers['content-type'] ?? '').includes('application/problem+json'),
          });
        }
        if (result.submitted?.status === 200 && result.id) ids.push(result.id);
      },
    );
    await waitFor('a third of the load', () => answers.length >= (count * 2) / 3, 120_000, 20);
    await redis.kill('SIGTERM');
    down = true;
    const downAt = Date.now();
    await waitFor(
      'load during the outage',
      () => answers.length >= (count * 4) / 3 || answers.length >= count * 2,
      8_000,
      20,
    ).catch(() => 0);
    await redis.start();
    down = false;
    const backAt = Date.now();
    await load;
    const recoveryMs = await waitFor(
      'every accepted application screened and scored',
      async () => (await cluster.processedCount(ids)) >= ids.length,
      180_000,
      200,
    );
    const completed = await cluster.processedCount(ids);
    const effects = await duplicateEffects(cluster);
    const hung = answers.filter((a) => a.status === 0).length;
    const outage = answers.filter((a) => a.duringOutage);
    const badErrors = answers.filter((a) => a.status >= 400 && !(a.status === 503 && a.problem));
    writeReport({
      fault: 'redis-restart',
      applications: count,
      accepted: ids.length,
      rejectedFast: answers.filter((a) => a.status === 503).length,
      completed,
      lost: ids.length - completed,
      duplicateEffects: effects.total,
      duplicateExecutions: 0,
      recoveryMs,
      notes: {
        outageMs: backAt - downAt,
        requestsDuringOutage: outage.length,
        acceptedDuringOutage: outage.filter((a) => a.status < 300).length,
        slowestDuringOutageMs: Math.max(0, ...outage.map((a) => a.ms)),
        hung,
        otherErrors: badErrors.slice(0, 5),
      },
    });
    expect(hung).toBe(0);
    expect(badErrors).toEqual([]);
    expect(outage.length).toBeGreaterThan(0);
    expect(completed).toBe(ids.length);
    expect(effects.total).toBe(0);
  });
});
