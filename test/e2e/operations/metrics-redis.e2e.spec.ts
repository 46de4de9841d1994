import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { createSubmitted } from '../applications/support.js';
import { sample, screeningJobShown } from './metrics-support.js';

/**
 * Issue 19 ("tested end to end on real PostgreSQL and Redis"): the queue metrics read BullMQ on Redis the way
 * metrics.e2e.spec.ts reads the PostgreSQL queue backend: the job's wait and processing histograms, the
 * per-state gauges, the outbox lag. A file of its own: the prom-client registry is one per process.
 */
describe('operations: /metrics on the Redis queue backend', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'redis', withWorker: true });
    admin = await t.createUser(['admin']);
  });
  afterAll(async () => {
    await t.close();
  });

  it("reports BullMQ's queues: a submission's screening job waited, ran and completed", async () => {
    const sponsor = await t.createUser(['sponsor']);
    await createSubmitted(t, sponsor);
    const text = await screeningJobShown(async () => {
      const response = await t.request<string>('GET', '/metrics', { token: admin.token });
      return String(response.text ?? response.body);
    });
    expect(sample(text, 'forge_queue_jobs', { queue: 'screening', state: 'failed' })).toBe(0);
    expect(sample(text, 'forge_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);
  });
});
