import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { createSubmitted, simulateScreening } from '../applications/support.js';
import { type SmtpSink, startSmtpSink } from '../../support/smtp-sink.js';

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
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Issue 17 through the API with a worker running: the inbox, emails from a local SMTP server, signed
 * webhooks to a loopback receiver that fails some deliveries, and the scheduled overdue job.
 */
describe('inbox, email and webhooks (API + worker, PostgreSQL, SMTP, HTTP receiver)', () => {
  let t: TestApp;
  let admin: TestUser;
  let sponsor: TestUser;
  let officerA: TestUser;
  let officerB: TestUser;
  let auditor: TestUser;
  let smtp: SmtpSink;
  let receiver: http.Server;
  let receiverUrl = '';
  let secret = '';
  let failuresLeft = 2;
  const received: { id: string; type: string; verified: boolean; status: number }[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let type = '';
        let verified: boolean;
        try {
          type = (
            new Webhook(secret).verify(
              Buffer.concat(chunks).toString('utf8'),
              req.headers as Record<string, string>,
            ) as { type: string }
          ).type;
          verified = true;
        } catch {
          verified = false;
        }
        const status = failuresLeft > 0 ? 500 : 204;
        if (failuresLeft > 0) failuresLeft -= 1;
        received.push({ id: String(req.headers['webhook-id']), type, verified, status });
        res.writeHead(status).end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

    t = await createTestApp({
      withWorker: true,
      env: {
        SMTP_URL: smtp.url,
        PUBLIC_URL: 'https://forge.example',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_RETRY_BASE_MS: '20',
        NOTIFICATION_POLL_MS: '25',
        OVERDUE_JOB_EVERY_MS: '1000',
      },
    });
    [admin, officerA, officerB, auditor] = await Promise.all([
      t.createUser(['admin']),
      t.createUser(['officer']),
      t.createUser(['officer']),
      t.createUser(['auditor']),
    ]);
    sponsor = await t.createUser(['sponsor']);
    await t.db.dataSource.query(`UPDATE users SET locale = 'es' WHERE id = $1`, [sponsor.id]);
  });

  afterAll(async () => {
    await t?.close();
    receiver?.closeAllConnections();
    receiver?.close();
    await smtp?.close();
  });

  const inbox = async (user: TestUser, query = '') => {
    const response = await t.request('GET', `/api/v1/me/inbox${query}`, { token: user.token });
    expect(response.status).toBe(200);
    return response.body as { items: any[]; unread: number; nextCursor: string | null };
  };

  it('registers a webhook endpoint (admin only) and shows its secret once', async () => {
    const forbidden = await t.request('POST', '/api/v1/admin/webhooks', {
      token: officerA.token,
      body: { url: receiverUrl, events: ['*'] },
    });
    expect(forbidden.status).toBe(403);
    const bad = await t.request('POST', '/api/v1/admin/webhooks', {
      token: admin.token,
      body: { url: 'ftp://x', events: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const created = await t.request('POST', '/api/v1/admin/webhooks', {
      token: admin.token,
      body: { url: receiverUrl, events: ['*'], description: 'integration test receiver' },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    secret = created.body.secret;
    const listed = await t.request('GET', '/api/v1/admin/webhooks', { token: admin.token });
    expect(listed.body).toEqual([
      expect.objectContaining({ id: created.body.id, url: receiverUrl, events: ['*'] }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
  });

  it('an information request lands in the sponsor inbox and mailbox (in Spanish), and leaves once answered', async () => {
    const app = await createSubmitted(t, sponsor);
    await simulateScreening(t, app.id);
    const asked = await t.request('POST', `/api/v1/applications/${app.id}/information-requests`, {
      token: officerA.token,
      body: { question: 'Please share the water balance model.' },
    });
    expect(asked.status).toBe(201);
    const item = await until(
      async () => (await inbox(sponsor)).items.find((i) => i.kind === 'information_request'),
      'the inbox item',
    );
    expect(item).toMatchObject({
      awaiting: true,
      readAt: null,
      target: { type: 'information_request', applicationId: app.id },
      params: { reference: app.reference },
    });
    const mail = await until(
      async () => smtp.mails.find((m) => JSON.stringify(m.to).includes(sponsor.email)),
      'the email',
    );
    expect(mail.subject).toBe(`[${app.reference}] El fondo le hizo una pregunta`);
    expect(mail.text).toContain(`https://forge.example/applications/${app.id}/information-requests/`);
    expect(mail.headers.get('content-language')).toBe('es');

    const read = await t.request('POST', '/api/v1/me/inbox/read', {
      token: sponsor.token,
      body: { ids: [item.id] },
    });
    expect(read).toMatchObject({ status: 200, body: { marked: 1 } });
    const foreign = await t.request('POST', '/api/v1/me/inbox/read', {
      token: officerB.token,
      body: { ids: [item.id] },
    });
    expect(foreign.status).toBe(404);
    expect((await inbox(sponsor)).items.map((i) => i.id)).toContain(item.id); // read, still awaiting an answer

    const answered = await t.request(
      'POST',
      `/api/v1/applications/${app.id}/information-requests/${item.target.id}/answer`,
      {
        token: sponsor.token,
        body: { answer: 'Attached.' },
      },
    );
    expect(answered.status).toBe(200);
    await until(
      async () => !(await inbox(sponsor)).items.some((i) => i.id === item.id),
      'the item to be resolved',
    );
    const news = await until(
      async () => (await inbox(officerB)).items.find((i) => i.template === 'information_answered'),
      'the officers to be told',
    );
    expect(news.target.applicationId).toBe(app.id);
    // The auditor has an inbox too (empty), and marking all read is idempotent.
    expect((await inbox(auditor)).items).toEqual([]);
    expect(
      (await t.request('POST', '/api/v1/me/inbox/read', { token: officerB.token, body: {} })).body.marked,
    ).toBeGreaterThan(0);
    expect(
      (await t.request('POST', '/api/v1/me/inbox/read', { token: officerB.token, body: {} })).body.marked,
    ).toBe(0);
  });

  it('the scheduled overdue job tells every officer about an old maker-checker item, once', async () => {
    const [{ id: appId }] = await t.db.dataSource.query(`SELECT id FROM applications LIMIT 1`);
    const approvalId = randomUUID();
    await t.db.dataSource.query(
      `INSERT INTO approvals (id, application_id, action, subject, maker_id, created_at)
       VALUES ($1, $2, 'check.waive', 'ESG.WATER', $3, now() - interval '30 days')`,
      [approvalId, appId, officerA.id],
    );
    const item = await until(
      async () =>
        (await inbox(officerB)).items.find((i) => i.kind === 'overdue' && i.target.id === approvalId),
      'the escalation in the inbox',
    );
    expect(item).toMatchObject({ template: 'work_escalated', awaiting: true, params: { kind: 'approval' } });
    const events = await t.db.dataSource.query(
      `SELECT action FROM audit_events WHERE action LIKE 'work.%' AND subject_id = $1`,
      [`approval:${approvalId}`],
    );
    expect(events).toEqual([{ action: 'work.escalated' }]);
  });

  it('overdue work goes first to the assignee (and the party it awaits), not yet to every officer', async () => {
    const app = await createSubmitted(t, sponsor);
    const assigned = await t.request('POST', `/api/v1/applications/${app.id}/assign`, {
      token: officerB.token,
      body: { assigneeId: officerA.id },
    });
    expect(assigned.status).toBe(200);
    const asked = await t.request('POST', `/api/v1/applications/${app.id}/information-requests`, {
      token: officerB.token,
      body: { question: 'Send the water permit, please.' },
    });
    expect(asked.status).toBe(201);
    // Due an hour ago: overdue, and far from the escalation to every officer (ESCALATION_DAYS later).
    await t.db.dataSource.query(
      `UPDATE information_requests SET due_at = now() - interval '1 hour' WHERE application_id = $1`,
      [app.id],
    );
    const overdueFor = async (user: TestUser) =>
      (await inbox(user)).items.find(
        (i) => i.kind === 'overdue' && i.target.applicationId === app.id && i.template === 'work_overdue',
      );
    const item = await until(() => overdueFor(officerA), 'the assignee to be told');
    expect(item).toMatchObject({ awaiting: true, params: { kind: 'information_request' } });
    expect(await overdueFor(sponsor)).toBeDefined(); // the same event, the same dispatch
    expect(await overdueFor(officerB)).toBeUndefined(); // every officer only at the escalation
    const events = await t.db.dataSource.query(
      `SELECT action FROM audit_events WHERE action LIKE 'work.%' AND application_id = $1`,
      [app.id],
    );
    expect(events).toEqual([{ action: 'work.overdue' }]);
  });

  it('the application list: due times in the items, the overdue filter, overdue work first (sort=due)', async () => {
    // The application of the overdue maker-checker item above is overdue now.
    const [{ application_id: overdueId }] = await t.db.dataSource.query(
      `SELECT application_id FROM approvals WHERE status = 'pending' AND created_at < now() - interval '20 days'`,
    );
    await createSubmitted(t, sponsor); // one more, not overdue
    const list = (query: string, user: TestUser = officerB) =>
      t.request('GET', `/api/v1/applications?${query}`, { token: user.token });
    const overdue = await list('overdue=true&limit=100');
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(overdueId);
    for (const item of overdue.body.items) {
      expect(item.overdue).toBe(true);
      expect(Date.parse(item.dueAt)).toBeLessThanOrEqual(Date.now());
    }
    const others = await list('overdue=false&limit=100');
    expect(others.body.items.map((i: { id: string }) => i.id)).not.toContain(overdueId);
    expect(others.body.items.every((i: { overdue: boolean }) => !i.overdue)).toBe(true);
    const all = await list('limit=100');
    expect(all.body.items.length).toBe(overdue.body.items.length + others.body.items.length);

    // The work queue order, one item a page: earliest due first (overdue leading), then none; nothing twice.
    const walked: { id: string; dueAt: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`sort=due&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      walked.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(walked.map((i) => i.id).sort()).toEqual(all.body.items.map((i: { id: string }) => i.id).sort());
    const dues = walked.map((i) => (i.dueAt ? Date.parse(i.dueAt) : Infinity));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(walked[0]!.id).toBe(
      [...overdue.body.items].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0].id,
    );

    expect((await list('overdue=maybe')).status).toBe(400);
    expect((await list('sort=oldest')).status).toBe(400);
    const newestCursor = (await list('limit=1')).body.nextCursor as string;
    expect((await list(`sort=due&cursor=${encodeURIComponent(newestCursor)}`)).status).toBe(400);
    // Due times are the fund's internal deadlines: not in the sponsor list, and not a sponsor's filter.
    const own = await list('limit=100', sponsor);
    expect(own.status).toBe(200);
    expect(own.body.items[0]).not.toHaveProperty('dueAt');
    expect((await list('overdue=true', sponsor)).status).toBe(403);
    expect((await list('sort=due', sponsor)).status).toBe(403);
  });

  it('users.locale: set with POST /admin/users and PATCH /me, decides the language of the next email', async () => {
    const created = await t.request('POST', '/api/v1/admin/users', {
      token: admin.token,
      body: {
        email: `auditor.es.${randomUUID().slice(0, 8)}@fund.example`,
        password: 'a long enough passphrase for es',
        displayName: 'Auditora',
        roles: ['auditor'],
        locale: 'es',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.locale).toBe('es');
    expect(
      (
        await t.request('POST', '/api/v1/admin/users', {
          token: admin.token,
          body: {
            email: 'fr@fund.example',
            password: 'a long enough passphrase',
            roles: ['auditor'],
            locale: 'fr',
          },
        })
      ).status,
    ).toBe(400);
    expect(
      (await t.request('PATCH', '/api/v1/me', { token: officerB.token, body: { locale: 'fr' } })).status,
    ).toBe(400);
    const changed = await t.request('PATCH', '/api/v1/me', {
      token: officerB.token,
      body: { locale: 'pt-BR' },
    });
    expect(changed).toMatchObject({ status: 200, body: { id: officerB.id, locale: 'pt-BR' } });
    await t.request('PATCH', '/api/v1/me', { token: officerB.token, body: { locale: 'pt-BR' } }); // no second event
    expect((await t.request('GET', '/api/v1/me', { token: officerB.token })).body).toEqual(changed.body);
    const events = await t.db.dataSource.query(
      `SELECT before->>'locale' AS before, after->>'locale' AS after FROM audit_events
        WHERE action = 'user.locale_changed' AND subject_id = $1`,
      [officerB.id],
    );
    expect(events).toEqual([{ before: 'en', after: 'pt-BR' }]);
    // The next email to officer B (an assignment by officer A) is in Portuguese.
    const app = await createSubmitted(t, sponsor);
    expect(
      (
        await t.request('POST', `/api/v1/applications/${app.id}/assign`, {
          token: officerA.token,
          body: { assigneeId: officerB.id },
        })
      ).status,
    ).toBe(200);
    const mail = await until(
      async () =>
        smtp.mails.find(
          (m) => JSON.stringify(m.to).includes(officerB.email) && m.subject?.includes(app.reference),
        ),
      'the assignment email',
    );
    expect(mail.headers.get('content-language')).toBe('pt-BR');
  });

  it('every event reaches the webhook receiver signed; failed deliveries are retried and logged', async () => {
    const [{ seq }] = await t.db.dataSource.query(`SELECT max(seq)::int AS seq FROM audit_events`);
    await until(async () => {
      const [{ n }] = await t.db.dataSource.query(
        `SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'delivered' AND event_seq <= $1`,
        [seq],
      );
      const [{ total }] = await t.db.dataSource.query(
        `SELECT count(*)::int AS total FROM webhook_deliveries WHERE event_seq <= $1`,
        [seq],
      );
      return total > 0 && n === total;
    }, 'every delivery to succeed');
    expect(received.every((r) => r.verified)).toBe(true);
    expect(received.filter((r) => r.status === 500)).toHaveLength(2);
    const types = new Set(received.map((r) => r.type));
    for (const type of [
      'webhook.endpoint_registered',
      'application.submitted',
      'information_request.opened',
      'information_request.answered',
      'work.escalated',
    ]) {
      expect(types).toContain(type);
    }
    const [endpoint] = (await t.request('GET', '/api/v1/admin/webhooks', { token: admin.token })).body;
    const log = await t.request('GET', `/api/v1/admin/webhooks/${endpoint.id}/deliveries?limit=200`, {
      token: admin.token,
    });
    expect(log.status).toBe(200);
    const retried = log.body.filter((d: any) => d.log.length > 1);
    expect(retried.length).toBeGreaterThanOrEqual(1);
    expect(retried[0].log[0]).toMatchObject({ outcome: 'failed', statusCode: 500, address: '127.0.0.1' });

    const redeliver = await t.request(
      'POST',
      `/api/v1/admin/webhooks/${endpoint.id}/deliveries/${retried[0].id}/redeliver`,
      {
        token: admin.token,
      },
    );
    expect(redeliver).toMatchObject({ status: 202, body: { status: 'pending' } });
    await until(
      async () => received.filter((r) => r.id === retried[0].messageId).length === retried[0].log.length + 1,
      'the manual redelivery with the same webhook-id',
    );
    const unknown = await t.request('GET', `/api/v1/admin/webhooks/${randomUUID()}/deliveries`, {
      token: admin.token,
    });
    expect(unknown.status).toBe(404);
  });

  it('disables an endpoint (admin only, idempotent: the first time is kept), audited; an unknown one is 404', async () => {
    const [endpoint] = (await t.request('GET', '/api/v1/admin/webhooks', { token: admin.token })).body;
    const path = `/api/v1/admin/webhooks/${endpoint.id}/disable`;
    expect((await t.request('POST', path, { token: officerA.token, body: {} })).status).toBe(403);
    const first = await t.request('POST', path, { token: admin.token, body: {} });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: endpoint.id, url: receiverUrl, disabledAt: expect.any(String) });
    const again = await t.request('POST', path, { token: admin.token, body: {} });
    expect(again.body.disabledAt).toBe(first.body.disabledAt);
    const events: unknown[] = await t.db.dataSource.query(
      `SELECT 1 FROM audit_events WHERE action = 'webhook.endpoint_disabled' AND subject_id = $1`,
      [endpoint.id],
    );
    expect(events).toHaveLength(2);
    const unknown = await t.request('POST', `/api/v1/admin/webhooks/${randomUUID()}/disable`, {
      token: admin.token,
      body: {},
    });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'WEBHOOK.NOT_FOUND' } });
  });
});
