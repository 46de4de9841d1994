import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { appendAuditEvent, type AuditAppend } from '@forge/audit';
import { DEFAULT_DEADLINE_POLICY, type RetryPolicy } from '@forge/domain';
import {
  DeadlineSweep,
  EmailDeliverer,
  listInbox,
  listWebhookDeliveries,
  markInboxRead,
  NotificationDispatcher,
  queueEmail,
  redeliverWebhook,
  registerWebhookEndpoint,
  SmtpMailer,
  WebhookDeliverer,
} from '@forge/messaging';
import { Webhook } from 'standardwebhooks';
import { auditCaughtUp } from '../../support/audit.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { type SmtpSink, startSmtpSink } from '../../support/smtp-sink.js';

/**
 * The notification engine on real PostgreSQL, a local SMTP server and a loopback webhook receiver:
 * audit events become inbox items, emails and signed webhook deliveries; waiting work resolves;
 * failed deliveries retry on the backoff schedule and dead-letter; the overdue job records each
 * escalation once. Time moves by passing `now`, never by sleeping.
 */
describe('notification engine', () => {
  let db: TestDatabase;
  const ids = {
    org: randomUUID(),
    sponsor: randomUUID(),
    officerA: randomUUID(),
    officerB: randomUUID(),
    member: randomUUID(),
    admin: randomUUID(),
    app: randomUUID(),
  };
  let dispatcher: NotificationDispatcher;

  // --- a local SMTP server ---
  let smtp: SmtpSink;

  // --- a loopback receiver verifying signatures; fails the first `failFirst` deliveries ---
  let receiverUrl: string;
  let receiver: http.Server;
  let failFirst = 0;
  let secret = '';
  const received: { id: string; type: string; verified: boolean }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const q = (sql: string, params: unknown[]) => db.dataSource.query(sql, params);
    await q(
      `INSERT INTO organizations (id, name, country, registration_number) VALUES ($1, 'Altiplano', 'AR', 'N-1')`,
      [ids.org],
    );
    await q(
      `INSERT INTO users (id, email, password_hash, display_name, roles, organization_id, locale) VALUES
        ($1, 'sponsor@n.test', 'x', 'Sponsor', '{sponsor}', $7, 'pt-BR'),
        ($2, 'officer.a@n.test', 'x', 'Officer A', '{officer}', NULL, 'en'),
        ($3, 'officer.b@n.test', 'x', 'Officer B', '{officer}', NULL, 'es'),
        ($4, 'member@n.test', 'x', 'Member', '{committee}', NULL, 'en'),
        ($5, 'admin@n.test', 'x', 'Admin', '{admin}', NULL, 'en'),
        ($6, 'gone@n.test', 'x', 'Gone', '{officer}', NULL, 'en')`,
      [ids.sponsor, ids.officerA, ids.officerB, ids.member, ids.admin, randomUUID(), ids.org],
    );
    await q(`UPDATE users SET disabled = true WHERE email = 'gone@n.test'`, []);
    await q(
      `INSERT INTO applications (id, reference, organization_id, created_by, stage, input)
       VALUES ($1, 'FORGE-2027-000042', $2, $3, 'esg_review', '{"title":"Puna Clara DLE"}')`,
      [ids.app, ids.org, ids.sponsor],
    );
    dispatcher = new NotificationDispatcher(db.dataSource, { batchSize: 50, emailEnabled: true });

    smtp = await startSmtpSink();

    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let verified: boolean;
        let type = '';
        try {
          type = (new Webhook(secret).verify(body, req.headers as Record<string, string>) as { type: string })
            .type;
          verified = true;
        } catch {
          verified = false;
        }
        received.push({ id: String(req.headers['webhook-id']), type, verified });
        if (failFirst > 0) {
          failFirst -= 1;
          res.writeHead(503).end('busy');
        } else {
          res.writeHead(200).end('ok');
        }
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/forge`;
  });

  afterAll(async () => {
    receiver.closeAllConnections();
    receiver.close();
    await smtp.close();
    await db.drop();
  });

  /** The dispatcher reads sequenced events: place what the commands recorded first (no sequencer runs here). */
  const drain = async () => {
    await auditCaughtUp(db.dataSource);
    return dispatcher.drain();
  };
  const append = (event: Omit<AuditAppend, 'applicationId'> & { applicationId?: string | null }) =>
    db.dataSource.transaction((m) => appendAuditEvent(m, { applicationId: ids.app, ...event }));
  const inbox = (userId: string, status: 'open' | 'unread' | 'all' = 'open') =>
    listInbox(db.dataSource.manager, userId, { status, limit: 50 });

  it('registers a webhook endpoint, refusing private destinations unless allowed, and shows the secret once', async () => {
    const admin = { id: ids.admin, role: 'admin' };
    await expect(
      db.dataSource.transaction((m) =>
        registerWebhookEndpoint(m, { url: receiverUrl, events: ['*'] }, admin, { allowPrivate: false }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
    await expect(
      db.dataSource.transaction((m) =>
        registerWebhookEndpoint(m, { url: receiverUrl, events: ['application.*'] }, admin, {
          allowPrivate: true,
        }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION.FAILED', details: [{ field: 'events[0]' }] });
    const { endpoint, secret: s } = await db.dataSource.transaction((m) =>
      registerWebhookEndpoint(m, { url: receiverUrl, events: ['*'] }, admin, { allowPrivate: true }),
    );
    secret = s;
    expect(s).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({ url: receiverUrl, events: ['*'], disabledAt: null });
    const [event] = await db.dataSource.query(
      `SELECT after, context FROM audit_events WHERE action = 'webhook.endpoint_registered'`,
    );
    expect(JSON.stringify(event)).not.toContain(s);
  });

  it('an information request reaches the sponsor (inbox and email in Portuguese) until answered', async () => {
    const requestId = randomUUID();
    await append({
      actor: { id: ids.officerA, role: 'officer' },
      action: 'information_request.opened',
      subject: { type: 'information_request', id: requestId },
    });
    await drain();
    const open = await inbox(ids.sponsor);
    expect(open.items).toHaveLength(1);
    expect(open.items[0]).toMatchObject({
      kind: 'information_request',
      awaiting: true,
      target: { path: `/applications/${ids.app}/information-requests/${requestId}` },
      params: { reference: 'FORGE-2027-000042', title: 'Puna Clara DLE' },
    });
    expect((await inbox(ids.officerA)).items).toHaveLength(0);

    const mailer = new SmtpMailer(smtp.url, 'FORGE <no-reply@forge.test>');
    try {
      const deliverer = new EmailDeliverer(db.dataSource, mailer, {
        batchSize: 10,
        leaseMs: 60_000,
        policy: { baseDelayMs: 1000, maxDelayMs: 4000, windowMs: 10_000 },
        publicBaseUrl: 'https://forge.example',
        messageIdDomain: 'forge.test',
      });
      expect(await deliverer.deliverDue(new Date())).toBe(1);
      expect(await deliverer.deliverDue(new Date())).toBe(0);
    } finally {
      mailer.close();
    }
    const mail = smtp.mails.find((m) => m.to && JSON.stringify(m.to).includes('sponsor@n.test'));
    expect(mail?.subject).toBe('[FORGE-2027-000042] O fundo fez uma pergunta');
    expect(mail?.text).toContain(
      `https://forge.example/applications/${ids.app}/information-requests/${requestId}`,
    );

    await append({
      actor: { id: ids.sponsor, role: 'sponsor' },
      action: 'information_request.answered',
      subject: { type: 'information_request', id: requestId },
    });
    await drain();
    expect((await inbox(ids.sponsor)).items).toHaveLength(0);
    const all = await inbox(ids.sponsor, 'all');
    expect(all.items[0]).toMatchObject({ awaiting: false });
    expect(all.items[0].resolvedAt).not.toBeNull();
    // The answer tells the officers (no assignee): both active officers, never the disabled one.
    expect((await inbox(ids.officerA)).items.map((i) => i.template)).toEqual(['information_answered']);
    expect((await inbox(ids.officerB)).items.map((i) => i.template)).toEqual(['information_answered']);
  });

  it('a maker-checker item reaches the other officers, not the maker; mark read', async () => {
    const approvalId = randomUUID();
    await append({
      actor: { id: ids.officerA, role: 'officer' },
      action: 'approval.requested',
      subject: { type: 'approval', id: approvalId },
      after: { action: 'check.waive', subject: 'ESG.WATER' },
    });
    await drain();
    expect((await inbox(ids.officerA)).items.map((i) => i.template)).not.toContain('approval_requested');
    const b = await inbox(ids.officerB);
    const item = b.items.find((i) => i.template === 'approval_requested');
    expect(item).toMatchObject({
      kind: 'approval',
      awaiting: true,
      target: { path: `/approvals/${approvalId}` },
    });
    await expect(
      markInboxRead(db.dataSource.manager, ids.officerA, [item!.id], new Date()),
    ).rejects.toMatchObject({
      code: 'INBOX.NOT_FOUND',
    });
    expect(await markInboxRead(db.dataSource.manager, ids.officerB, [item!.id], new Date())).toEqual({
      marked: 1,
    });
    expect(await markInboxRead(db.dataSource.manager, ids.officerB, [item!.id], new Date())).toEqual({
      marked: 0,
    });
    // Read but still awaiting: it stays in the open inbox until the item is decided.
    expect((await inbox(ids.officerB)).items.map((i) => i.id)).toContain(item!.id);
    await append({
      actor: { id: ids.officerB, role: 'officer' },
      action: 'approval.granted',
      subject: { type: 'approval', id: approvalId },
      after: { status: 'approved', action: 'check.waive', subject: 'ESG.WATER' },
      context: { makerId: ids.officerA },
    });
    await drain();
    expect((await inbox(ids.officerB)).items.map((i) => i.id)).not.toContain(item!.id);
    expect((await inbox(ids.officerA)).items.map((i) => i.template)).toContain('approval_decided');
  });

  it('the overdue job records each level once and escalates to every officer', async () => {
    const approvalId = randomUUID();
    await db.dataSource.query(
      `INSERT INTO approvals (id, application_id, action, subject, maker_id, created_at)
       VALUES ($1, $2, 'check.waive', 'ESG.TAILINGS', $3, '2027-03-05T10:00:00Z')`,
      [approvalId, ids.app, ids.officerA],
    );
    const sweep = new DeadlineSweep(db.dataSource, {
      policy: { ...DEFAULT_DEADLINE_POLICY, stageSlaBusinessDays: {} },
      amrDueMonthDay: '04-30',
    });
    // Due two business days later (Tuesday 2027-03-09 10:00); escalated three business days after that.
    expect(await sweep.run(new Date('2027-03-09T09:00:00Z'))).toEqual([]);
    const overdue = await sweep.run(new Date('2027-03-09T10:00:00Z'));
    expect(overdue.map((s) => [s.key, s.action])).toEqual([[`approval:${approvalId}`, 'work.overdue']]);
    const [first, second] = await Promise.all([
      sweep.run(new Date('2027-03-09T11:00:00Z')),
      sweep.run(new Date('2027-03-09T11:00:00Z')),
    ]);
    expect([...first, ...second]).toEqual([]);
    const [a, b] = await Promise.all([
      sweep.run(new Date('2027-03-15T10:00:00Z')),
      sweep.run(new Date('2027-03-15T10:00:00Z')),
    ]);
    expect([...a, ...b].map((s) => s.action)).toEqual(['work.escalated']);
    const events = await db.dataSource.query(
      `SELECT action, context->>'workKey' AS key FROM audit_events WHERE action LIKE 'work.%' ORDER BY entry`,
    );
    expect(events).toEqual([
      { action: 'work.overdue', key: `approval:${approvalId}` },
      { action: 'work.escalated', key: `approval:${approvalId}` },
    ]);
    await drain();
    const escalated = (await inbox(ids.officerA)).items.find((i) => i.template === 'work_escalated');
    expect(escalated).toMatchObject({ kind: 'overdue', awaiting: true, params: { kind: 'approval' } });
  });

  it('webhooks: every event signed, failed deliveries retried on the schedule, then delivered', async () => {
    failFirst = 2;
    const deliverer = new WebhookDeliverer(db.dataSource, {
      batchSize: 100,
      leaseMs: 60_000,
      policy: { baseDelayMs: 1000, maxDelayMs: 8000, windowMs: 60_000 },
      allowPrivate: true,
      timeoutMs: 5000,
    });
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM webhook_deliveries`);
    expect(n).toBeGreaterThan(0);
    const t0 = new Date('2030-01-01T00:00:00Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);
    // Attempts go out in order; the first two fail (503).
    await deliverer.deliverDue(t0);
    const pending = await db.dataSource.query(
      `SELECT status, attempts FROM webhook_deliveries WHERE status <> 'delivered'`,
    );
    expect(pending.length).toBeGreaterThanOrEqual(1);
    // Nothing is due again before the first backoff (1 s) …
    expect(await deliverer.deliverDue(at(999))).toBe(0);
    // … then the failures go again until they pass.
    await deliverer.deliverDue(at(1000));
    await deliverer.deliverDue(at(3000));
    const statuses = await db.dataSource.query(`SELECT DISTINCT status FROM webhook_deliveries`);
    expect(statuses).toEqual([{ status: 'delivered' }]);
    expect(received.every((r) => r.verified)).toBe(true);
    // Every message was received, with retries carrying the same webhook-id.
    const [{ total }] = await db.dataSource.query(`SELECT count(*)::int AS total FROM webhook_deliveries`);
    expect(new Set(received.map((r) => r.id)).size).toBe(total);
    expect(received.length).toBe(total + 2);
    expect(received.map((r) => r.type)).toContain('work.escalated');
  });

  it('dead-letters after the window, keeps the log, and redelivers by hand with the same webhook-id', async () => {
    failFirst = 1000;
    await append({
      actor: { id: ids.officerA, role: 'officer' },
      action: 'application.assigned',
      subject: { type: 'application', id: ids.app },
      after: { assigneeId: ids.officerB },
    });
    await drain();
    const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 2000, windowMs: 5000 };
    const deliverer = new WebhookDeliverer(db.dataSource, {
      batchSize: 100,
      leaseMs: 60_000,
      policy,
      allowPrivate: true,
      timeoutMs: 5000,
    });
    const t0 = new Date('2031-01-01T00:00:00Z');
    for (const offset of [0, 1000, 3000, 5000]) await deliverer.deliverDue(new Date(t0.getTime() + offset));
    const [endpoint] = await db.dataSource.query(`SELECT id FROM webhook_endpoints`);
    const [dead] = await listWebhookDeliveries(db.dataSource.manager, endpoint.id, {
      limit: 10,
      status: 'dead',
    });
    expect(dead).toMatchObject({
      eventType: 'application.assigned',
      status: 'dead',
      attempts: 4,
      lastStatus: 503,
    });
    expect(dead.log.map((a) => a.outcome)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(await deliverer.deliverDue(new Date(t0.getTime() + 60_000))).toBe(0);

    failFirst = 0;
    await db.dataSource.transaction((m) =>
      redeliverWebhook(
        m,
        endpoint.id,
        dead.id,
        { id: ids.admin, role: 'admin' },
        new Date(t0.getTime() + 70_000),
      ),
    );
    await expect(
      db.dataSource.transaction((m) =>
        redeliverWebhook(m, endpoint.id, dead.id, { id: ids.admin, role: 'admin' }, new Date()),
      ),
    ).rejects.toMatchObject({ code: 'WEBHOOK.STATE_CONFLICT' });
    await deliverer.deliverDue(new Date(t0.getTime() + 70_000));
    const [again] = await listWebhookDeliveries(db.dataSource.manager, endpoint.id, { limit: 10 });
    expect(again).toMatchObject({ id: dead.id, messageId: dead.messageId, status: 'delivered' });
    expect(received.filter((r) => r.id === dead.messageId).length).toBe(5);
  });

  it('a crashed dispatcher re-reads the same events and writes nothing twice', async () => {
    await append({
      actor: { id: ids.officerA, role: 'officer' },
      action: 'information_request.opened',
      subject: { type: 'information_request', id: randomUUID() },
    });
    const [{ last_seq: before }] = await db.dataSource.query(`SELECT last_seq FROM notification_cursor`);
    // Simulate the crash: write the items, then roll back instead of committing the cursor.
    await db.dataSource.query(`UPDATE notification_cursor SET last_seq = last_seq - 3`);
    await drain();
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT user_id, event_seq, template FROM inbox_items GROUP BY 1, 2, 3 HAVING count(*) > 1) d`,
    );
    expect(n).toBe(0);
    const [{ last_seq: after }] = await db.dataSource.query(`SELECT last_seq FROM notification_cursor`);
    expect(Number(after)).toBeGreaterThan(Number(before));
  });

  it('a password reset is emailed from the outbox without its link ever reaching the trail', async () => {
    await db.dataSource.transaction((m) =>
      queueEmail(m, {
        userId: ids.officerB,
        to: 'officer.b@n.test',
        locale: 'es',
        template: 'password_reset',
        params: { resetUrl: 'https://forge.example/reset#token-123' },
        dedupeKey: 'password-reset:1',
      }),
    );
    const mailer = new SmtpMailer(smtp.url, 'FORGE <no-reply@forge.test>');
    try {
      await new EmailDeliverer(db.dataSource, mailer).deliverDue(new Date());
    } finally {
      mailer.close();
    }
    const mail = smtp.mails.find((m) => m.subject === 'Restablezca su contraseña de FORGE Pipeline');
    expect(mail?.text).toContain('https://forge.example/reset#token-123');
    const [row] = await db.dataSource.query(
      `SELECT status, params FROM email_messages WHERE dedupe_key = 'password-reset:1'`,
    );
    expect(row).toEqual({ status: 'sent', params: {} });
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE context::text LIKE '%token-123%'`,
    );
    expect(n).toBe(0);
  });
});
