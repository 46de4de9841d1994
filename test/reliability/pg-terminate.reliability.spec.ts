import { mapLimit, sampleInputs, sleep, waitFor } from '../../bench/cluster.js';
import {
  APPS,
  duplicateEffects,
  halfWrittenCommands,
  harness,
  writeReport,
  type Harness,
} from './support/reliability.js';

/** PostgreSQL connections terminated (pg_terminate_backend) under load: no partial transition, problem+json, recovery without restart. */
describe('PostgreSQL connections terminated under load', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('pgkill');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers problem+json, writes no half command and recovers without a restart', async () => {
    const { cluster } = h;
    const api = await cluster.startApi();
    const worker = await cluster.startWorker();
    const sponsor = await cluster.createSponsor();
    const inputs = sampleInputs();
    const count = Math.min(APPS, 200);
    let storm = true;
    let terminated = 0;
    // Fault injection paced every 150 ms: every backend of the product's database except this test's own.
    const stormLoop = (async () => {
      while (storm) {
        const { rows } = await cluster.pool
          .query(
            `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND application_name <> 'forge-cluster-harness'`,
          )
          .catch(() => ({ rows: [{ n: 0 }] }));
        terminated += rows[0].n as number;
        await sleep(150);
      }
    })();
    const answers: { status: number; problem: boolean }[] = [];
    const ids: string[] = [];
    await mapLimit(
      Array.from({ length: count }, (_, i) => i),
      8,
      async (i) => {
        const result = await cluster.createAndSubmit(api, sponsor, inputs[i % inputs.length], 10_000);
        for (const answer of [result.created, result.submitted]) {
          if (!answer) continue;
          answers.push({
            status: answer.status,
            problem: String(answer.headers['content-type'] ?? '').includes('application/problem+json'),
          });
        }
        if (result.submitted?.status === 200 && result.id) ids.push(result.id);
      },
    );
    storm = false;
    await stormLoop;
    const stormEnd = Date.now();
    // Recovery without restart: the same processes serve a fresh command.
    let last: unknown;
    await waitFor(
      'the API to serve again',
      async () => {
        const again = await cluster.createAndSubmit(api, sponsor, inputs[0]);
        last = again.submitted ?? again.created;
        return again.submitted?.status === 200;
      },
      30_000,
      100,
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}; last answer ${JSON.stringify(last).slice(0, 800)}; API exit ${api.child.exitCode} ${api.child.signalCode}: ${api.tail().slice(-1500)}`,
      );
    });
    const apiRecoveryMs = Date.now() - stormEnd;
    const { rows: submitted } = await cluster.pool.query(
      `SELECT id FROM applications WHERE stage <> 'draft'`,
    );
    const allSubmitted = submitted.map((r) => r.id as string);
    const recoveryMs = await waitFor(
      'every submitted application screened and scored',
      async () => (await cluster.processedCount(allSubmitted)) >= allSubmitted.length,
      180_000,
      200,
    );
    const completed = await cluster.processedCount(ids);
    const halfWritten = await halfWrittenCommands(cluster);
    const effects = await duplicateEffects(cluster);
    const errors = answers.filter((a) => a.status >= 400);
    const byStatus: Record<string, number> = {};
    for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    writeReport({
      fault: 'pg-terminate',
      applications: count,
      accepted: ids.length,
      rejectedFast: errors.length,
      completed,
      lost: ids.length - completed,
      duplicateEffects: effects.total,
      duplicateExecutions: 0,
      recoveryMs: Math.max(apiRecoveryMs, recoveryMs),
      notes: {
        terminatedBackends: terminated,
        byStatus,
        halfWritten: halfWritten.slice(0, 5),
        apiRecoveryMs,
      },
    });
    expect(terminated).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 0)).toEqual([]);
    expect(errors.filter((a) => !a.problem)).toEqual([]);
    // A lost connection is the dependency's fault: 503 with Retry-After, never a 500.
    expect(answers.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
    expect(halfWritten).toEqual([]);
    expect(completed).toBe(ids.length);
    expect(effects.total).toBe(0);
    expect(api.child.exitCode).toBeNull();
    expect(worker.child.exitCode).toBeNull();
  });
});
