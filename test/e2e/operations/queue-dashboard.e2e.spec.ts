import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Job, type Queue } from 'bullmq';
import { QueueBackend } from '../../../libs/queue/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { testRedisUrl } from '../../support/test-database.js';

const DASHBOARD = '/admin/queues';
const QUEUE = 'deadlines';

/** Polls a condition (no fixed sleeps): resolves with its value once truthy, fails after `timeoutMs`. */
async function until<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Issue 19: Bull Board for admins only, with retry and remove audited as operator actions.
describe('operations: the queue dashboard at /admin/queues', () => {
  let t: TestApp;
  let admin: TestUser;
  let backend: QueueBackend;
  let queue: Queue;

  beforeAll(async () => {
    const consoleDir = mkdtempSync(join(tmpdir(), 'forge-console-'));
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>FORGE console</title>');
    t = await createTestApp({ queueBackend: 'redis', env: { CONSOLE_DIR: consoleDir } });
    admin = await t.createUser(['admin']);
    backend = new QueueBackend({
      backend: 'redis',
      redisUrl: testRedisUrl(),
      databaseUrl: t.db.url,
      prefix: t.runtime.config.queue.prefix,
    });
    queue = backend.queue(QUEUE);
  });
  afterAll(async () => {
    await backend?.close();
    await t?.close();
  });

  /** Jobs that failed on a throwaway worker (no retries left): what an operator retries or removes. */
  async function failedJobs(count: number): Promise<Job[]> {
    const jobs = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        queue.add(
          'overdue-scan',
          { applicationId: `00000000-0000-4000-8000-00000000000${i}` },
          { attempts: 1 },
        ),
      ),
    );
    const worker = backend.worker(QUEUE, async () => {
      throw new Error('deliberate failure');
    });
    await until(
      async () =>
        (await Promise.all(jobs.map((job) => queue.getJobState(job.id!)))).every(
          (state) => state === 'failed',
        ),
      'the jobs to fail',
    );
    await worker.close();
    return jobs;
  }

  const auditEvents = (action: string, subjectId: string) =>
    t.db.dataSource.query(
      `SELECT actor_id, actor_role, subject_type, context FROM audit_events WHERE action = $1 AND subject_id = $2`,
      [action, subjectId],
    ) as Promise<Array<{ actor_id: string; actor_role: string; subject_type: string; context: any }>>;

  it('answers an admin only: 401 without credentials, 403 for every other role, by token and by session', async () => {
    for (const url of [DASHBOARD, `${DASHBOARD}/api/queues`]) {
      const anonymous = await t.request('GET', url);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      expect(anonymous.body.code).toBe('AUTH.UNAUTHENTICATED');
      for (const role of ['sponsor', 'officer', 'committee', 'auditor', 'partner'] as const) {
        const user = await t.createUser([role]);
        const byToken = await t.request('GET', url, { token: user.token });
        expect([role, byToken.status, byToken.body.code]).toEqual([role, 403, 'AUTH.FORBIDDEN']);
      }
      const officer = await t.createUser(['officer']);
      const officerSession = await t.signIn(officer);
      const bySession = await t.request('GET', url, { headers: officerSession.headers });
      expect(bySession.status).toBe(403);
      expect((await t.request('GET', url, { token: 'not-a-token' })).status).toBe(401);
    }
    const page = await t.request('GET', DASHBOARD, { token: admin.token });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>FORGE queues</title>');
    // The page's own scripts are served under the dashboard (same origin, same admin check).
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text ?? '')?.[1];
    expect(script).toBeDefined();
    const asset = await t.request('GET', `${DASHBOARD}/${script}`, { token: admin.token });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expect((await t.request('GET', `${DASHBOARD}/${script}`)).status).toBe(401);
    const session = await t.signIn(admin);
    const list = await t.request<{ queues: Array<{ name: string }> }>('GET', `${DASHBOARD}/api/queues`, {
      headers: session.headers,
    });
    expect(list.status).toBe(200);
    expect(list.body.queues.map((q) => q.name)).toEqual(
      expect.arrayContaining(['screening', 'risk-scoring', 'deadlines']),
    );
  });

  it("is not swallowed by the console's fallback, which still serves the console's own routes", async () => {
    const consolePage = await t.request('GET', '/admin/users');
    expect(consolePage.status).toBe(200);
    expect(consolePage.text).toContain('FORGE console');
    const dashboard = await t.request('GET', `${DASHBOARD}/queue/${QUEUE}`, { token: admin.token });
    expect(dashboard.text).toContain('FORGE queues');
  });

  it('retries a failed job and writes one audit event with the admin as actor', async () => {
    const [job] = await failedJobs(1);
    const response = await t.request('PUT', `${DASHBOARD}/api/queues/${QUEUE}/${job!.id}/retry`, {
      token: admin.token,
    });
    expect(response.status).toBe(204);
    expect(await queue.getJobState(job!.id!)).not.toBe('failed');
    const events = await auditEvents('queue.job_retried', `${QUEUE}/${job!.id}`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_id: admin.id, actor_role: 'admin', subject_type: 'job' });
    expect(events[0]!.context).toMatchObject({
      via: 'queue-dashboard',
      queue: QUEUE,
      jobName: 'overdue-scan',
      state: 'failed',
    });
    // A job that is not failed or completed any more cannot be retried: Bull Board refuses, nothing is audited.
    const again = await t.request('PUT', `${DASHBOARD}/api/queues/${QUEUE}/${job!.id}/retry`, {
      token: admin.token,
    });
    expect(again.status).toBe(400);
    expect(await auditEvents('queue.job_retried', `${QUEUE}/${job!.id}`)).toHaveLength(1);
  });

  it("removes a job from the admin's console session (same origin) and audits it; a cross-site write is refused", async () => {
    const [job] = await failedJobs(1);
    const session = await t.signIn(admin);
    const url = `${DASHBOARD}/api/queues/${QUEUE}/${job!.id}/clean`;
    const crossSite = await t.request('PUT', url, {
      headers: { cookie: session.cookie, origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.code).toBe('AUTH.CSRF');
    expect(await queue.getJob(job!.id!)).toBeDefined();
    const host = new URL(t.baseUrl).host;
    const removed = await t.request('PUT', url, {
      headers: { cookie: session.cookie, origin: `http://${host}` },
    });
    expect(removed.status).toBe(204);
    expect(await queue.getJob(job!.id!)).toBeUndefined();
    const events = await auditEvents('queue.job_removed', `${QUEUE}/${job!.id}`);
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_id).toBe(admin.id);
  });

  it('retries every failed job of a queue as one audited action, and refuses the writes it does not offer', async () => {
    await failedJobs(2);
    const failedBefore = (await queue.getJobCounts('failed')).failed!;
    const response = await t.request('PUT', `${DASHBOARD}/api/queues/${QUEUE}/retry/failed`, {
      token: admin.token,
    });
    expect(response.status).toBe(200);
    const events = await auditEvents('queue.jobs_retried', QUEUE);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_id: admin.id, subject_type: 'queue' });
    expect(events[0]!.context).toMatchObject({ status: 'failed', count: failedBefore });
    for (const [method, path] of [
      ['PUT', `/api/queues/${QUEUE}/pause`],
      ['PUT', `/api/queues/${QUEUE}/empty`],
      ['POST', `/api/queues/${QUEUE}/add`],
      ['PUT', `/api/queues/${QUEUE}/clean/failed`],
    ] as const) {
      const refused = await t.request(method, `${DASHBOARD}${path}`, { token: admin.token, body: {} });
      expect([path, refused.status, refused.body.code]).toEqual([path, 403, 'OPERATIONS.ACTION_NOT_OFFERED']);
    }
    const officer = await t.createUser(['officer']);
    const byOfficer = await t.request('PUT', `${DASHBOARD}/api/queues/${QUEUE}/retry/failed`, {
      token: officer.token,
    });
    expect(byOfficer.status).toBe(403);
    expect(await auditEvents('queue.jobs_retried', QUEUE)).toHaveLength(1);
  });
});
