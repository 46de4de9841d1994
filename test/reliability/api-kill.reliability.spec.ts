import { mapLimit, sampleInputs, waitFor } from '../../bench/cluster.js';
import {
  APPS,
  duplicateEffects,
  halfWrittenCommands,
  harness,
  writeReport,
  type Harness,
} from './support/reliability.js';

/** The API process SIGKILLed mid-request: every command is one transaction, so nothing is half-written. */
describe('API process killed mid-request', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('apikill');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('leaves no half-written command and loses no acknowledged one', async () => {
    const { cluster } = h;
    const api = await cluster.startApi();
    await cluster.startWorker();
    const sponsor = await cluster.createSponsor();
    const inputs = sampleInputs();
    const count = Math.min(APPS, 200);
    const acknowledged: string[] = [];
    let answered = 0;
    const load = mapLimit(
      Array.from({ length: count }, (_, i) => i),
      16,
      async (i) => {
        const result = await cluster.createAndSubmit(api, sponsor, inputs[i % inputs.length], 5_000);
        answered += 1;
        if (result.submitted?.status === 200 && result.id) acknowledged.push(result.id);
      },
    );
    await waitFor('requests in flight', () => answered >= count / 3, 120_000, 5);
    const killedAt = Date.now();
    await cluster.stop(api, 'SIGKILL');
    await load;
    const restarted = await cluster.startApi();
    const apiRecoveryMs = Date.now() - killedAt;
    const halfWritten = await halfWrittenCommands(cluster);
    const { rows } = await cluster.pool.query(`SELECT id FROM applications WHERE stage <> 'draft'`);
    const submitted = rows.map((r) => r.id as string);
    const missing = acknowledged.filter((id) => !submitted.includes(id));
    const recoveryMs = await waitFor(
      'every submitted application screened and scored',
      async () => (await cluster.processedCount(submitted)) >= submitted.length,
      180_000,
      200,
    );
    const after = await cluster.createAndSubmit(restarted, sponsor, inputs[0]);
    const completed = await cluster.processedCount(acknowledged);
    const effects = await duplicateEffects(cluster);
    writeReport({
      fault: 'api-sigkill',
      applications: count,
      accepted: acknowledged.length,
      rejectedFast: count - acknowledged.length,
      completed,
      lost: missing.length + (acknowledged.length - completed),
      duplicateEffects: effects.total,
      duplicateExecutions: 0,
      recoveryMs: Math.max(apiRecoveryMs, recoveryMs),
      notes: {
        committedButUnacknowledged: submitted.length - acknowledged.length,
        halfWritten: halfWritten.slice(0, 5),
        apiRecoveryMs,
      },
    });
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(count);
    expect(halfWritten).toEqual([]);
    expect(missing).toEqual([]);
    expect(completed).toBe(acknowledged.length);
    expect(effects.total).toBe(0);
    expect(after.submitted?.status).toBe(200);
  });
});
