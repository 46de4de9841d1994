import { createServer } from 'node:net';
import { startMetricsServer, stopMetricsServer } from '../../../libs/observability/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { createSubmitted } from '../applications/support.js';
import { sample, screeningJobShown } from './metrics-support.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// Issue 19: Prometheus metrics at /metrics for an admin credential, or on a port of their own.
describe('operations: /metrics', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ queueBackend: 'postgres', withWorker: true });
    admin = await t.createUser(['admin']);
  });
  afterAll(async () => {
    await stopMetricsServer();
    await t.close();
  });

  const scrape = async () => {
    const response = await t.request<string>('GET', '/metrics', { token: admin.token });
    expect(response.status).toBe(200);
    return String(response.text ?? response.body);
  };

  it('answers an admin only: 401 without credentials, 403 for every other role', async () => {
    expect((await t.request('GET', '/metrics')).status).toBe(401);
    for (const role of ['sponsor', 'officer', 'committee', 'auditor'] as const) {
      const user = await t.createUser([role]);
      const response = await t.request('GET', '/metrics', { token: user.token });
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const response = await t.request('GET', '/metrics', { token: admin.token });
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('counts requests per route pattern (never the raw URL) with latency histograms and status', async () => {
    const sponsor = await t.createUser(['sponsor']);
    const submitted = await createSubmitted(t, sponsor);
    const stranger = await t.createUser(['sponsor']);
    await t.request('GET', `/api/v1/applications/${submitted.id}`, { token: sponsor.token });
    await t.request('GET', `/api/v1/applications/${submitted.id}`, { token: stranger.token });
    const text = await scrape();
    const route = '/api/v1/applications/:id';
    expect(
      sample(text, 'forge_http_requests_total', { method: 'GET', route, status: '200' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'forge_http_requests_total', { method: 'GET', route, status: '404' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'forge_http_request_duration_seconds_count', {
        method: 'GET',
        route,
        status_class: '2xx',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(submitted.id);
  });

  it('reports queues, job wait and processing times, outbox lag, audit checkpoint state, the pool and the process', async () => {
    const sponsor = await t.createUser(['sponsor']);
    await createSubmitted(t, sponsor);
    const text = await screeningJobShown(scrape);
    expect(sample(text, 'forge_outbox_pending')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'forge_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'forge_audit_events_unsigned')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'forge_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    // Nothing else uses the API's pool while it is scraped: the scrape's own queries are not counted as waiting.
    expect(sample(text, 'forge_db_pool_connections', { pool: 'forge-api', state: 'waiting' })).toBe(0);
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('serves the same text without credentials on METRICS_PORT, and nothing else there', async () => {
    const port = await freePort();
    await startMetricsServer(port, '127.0.0.1');
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toContain('forge_http_requests_total');
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/applications`)).status).toBe(404);
  });
});
