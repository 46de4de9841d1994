import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { sampleInputs, waitFor, type ForgeProcess } from '../../bench/cluster.js';
import { harness, writeReport, type Harness } from './support/reliability.js';
import { recipients, type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';

/** Information requests asked (each should reach its sponsor by email and the integrator by webhook). */
const EVENTS = Number(process.env.RELIABILITY_NOTIFY_EVENTS ?? 30);
const SPONSORS = 4;

interface WebhookReceipt {
  webhookId: string;
  requestId: string;
  verified: boolean;
}
interface EmailReceipt {
  messageId: string;
  to: string;
  requestId: string;
}

/** The distinct ids (webhook-id, Message-ID) seen per information request. */
function idsPerRequest<T extends { requestId: string }>(
  receipts: readonly T[],
  key: (receipt: T) => string,
): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  for (const r of receipts) ids.set(r.requestId, (ids.get(r.requestId) ?? new Set<string>()).add(key(r)));
  return ids;
}

/** A promise with its resolver, for "the first delivery arrived" (synchronisation on observed state). */
function signal<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Issue 17: no notification is lost when a worker is SIGKILLed with deliveries in flight. A local SMTP server and a
 * loopback webhook receiver (verifying Standard Webhooks signatures with the same library) each hold the first
 * delivery they get unanswered; the test kills the worker the moment it arrives (so it is sent and unacknowledged),
 * restarts a worker, and counts what arrived: every email and webhook at least once, each retry with the same
 * `webhook-id` / Message-ID as the first try.
 */
describe('worker SIGKILL with email and webhook deliveries in flight', () => {
  let h: Harness;
  let smtp: SmtpSink | undefined;
  let receiver: http.Server;
  const webhooks: WebhookReceipt[] = [];
  const emails: EmailReceipt[] = [];
  const firstWebhook = signal<WebhookReceipt>();
  const firstEmail = signal<EmailReceipt>();
  let releaseWebhook: (() => void) | undefined;
  let releaseEmail: (() => void) | undefined;
  let secret = '';

  beforeAll(async () => {
    smtp = await startSmtpSink((mail) => {
      const text = mail.text ?? '';
      const receipt: EmailReceipt = {
        messageId: String(mail.messageId),
        to: recipients(mail),
        requestId: /\/information-requests\/([0-9a-f-]{36})/.exec(text)?.[1] ?? '',
      };
      emails.push(receipt);
      if (emails.length > 1) return;
      // The message is fully received; the "250 OK" is withheld until the sender is dead.
      firstEmail.resolve(receipt);
      return new Promise<void>((resolve) => (releaseEmail = resolve));
    });

    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const receipt: WebhookReceipt = {
          webhookId: String(req.headers['webhook-id']),
          requestId: '',
          verified: false,
        };
        try {
          const event = new Webhook(secret).verify(
            Buffer.concat(chunks).toString('utf8'),
            req.headers as Record<string, string>,
          ) as { data: { subject: { id: string } } };
          receipt.verified = true;
          receipt.requestId = event.data.subject.id;
        } catch {
          receipt.verified = false;
        }
        webhooks.push(receipt);
        if (!receipt.verified) {
          res.writeHead(400).end();
          return;
        }
        if (webhooks.length === 1) {
          // Received, not acknowledged: the worker is killed while it waits for this answer.
          releaseWebhook = () => res.destroy();
          firstWebhook.resolve(receipt);
          return;
        }
        res.writeHead(204).end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');

    h = await harness('notify-sigkill', {
      SMTP_URL: smtp!.url,
      PUBLIC_URL: 'https://forge.example',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_RETRY_BASE_MS: '50',
      NOTIFICATION_POLL_MS: '50',
      // A killed worker's claims come back after 2 s (emails) and 3 × WEBHOOK_TIMEOUT_MS = 6 s (webhooks).
      NOTIFICATION_LEASE_MS: '2000',
    });
  });

  afterAll(async () => {
    releaseWebhook?.();
    releaseEmail?.();
    await h?.close();
    receiver?.closeAllConnections();
    receiver?.close();
    await smtp?.close();
  });

  /** Claimed and not yet acknowledged: what a kill now leaves to the next worker. */
  const inFlight = async (): Promise<{ webhooks: number; emails: number }> => {
    const { rows } = await h.cluster.pool.query(
      `SELECT (SELECT count(*)::int FROM webhook_deliveries WHERE status = 'pending' AND claimed_until IS NOT NULL) AS webhooks,
              (SELECT count(*)::int FROM email_messages WHERE status = 'pending' AND claimed_until IS NOT NULL) AS emails`,
    );
    return rows[0] as { webhooks: number; emails: number };
  };

  const outboxState = async () =>
    (
      await h.cluster.pool.query(
        `SELECT 'webhook' AS kind, status, count(*)::int AS n, max(attempts)::int AS max_attempts FROM webhook_deliveries GROUP BY status
         UNION ALL
         SELECT 'email', status, count(*)::int, max(attempts)::int FROM email_messages GROUP BY status`,
      )
    ).rows;

  it('delivers every email and webhook at least once, retries carrying the same ids', async () => {
    const { cluster } = h;
    const api = await cluster.startApi();
    let worker: ForgeProcess = await cluster.startWorker();

    const admin = await cluster.createUser(['admin']);
    const officer = await cluster.createUser(['officer']);
    const endpoint = await cluster.request(api, 'POST', '/api/v1/admin/webhooks', {
      token: admin.token,
      body: {
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
        events: ['information_request.opened'],
      },
    });
    expect(endpoint.status).toBe(201);
    secret = endpoint.body.secret as string;

    // N applications from a few sponsors, screened and scored by the worker (an information request needs an
    // open stage), then N questions asked at once.
    const sponsors = await Promise.all(Array.from({ length: SPONSORS }, () => cluster.createSponsor()));
    const { rows: sponsorRows } = await cluster.pool.query(
      `SELECT id, email FROM users WHERE id = ANY($1::uuid[])`,
      [sponsors.map((s) => s.userId)],
    );
    const emailOf = new Map(sponsorRows.map((r) => [r.id as string, r.email as string]));
    const inputs = sampleInputs();
    const applications: { id: string; sponsorEmail: string }[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const sponsor = sponsors[i % SPONSORS]!;
      const submitted = await cluster.createAndSubmit(api, sponsor, inputs[i % inputs.length]);
      expect(submitted.submitted?.status).toBe(200);
      applications.push({ id: submitted.id!, sponsorEmail: emailOf.get(sponsor.userId)! });
    }
    await waitFor(
      'the applications screened and scored',
      async () => (await cluster.processedCount(applications.map((a) => a.id))) === EVENTS,
      120_000,
      100,
    );

    // The questions are asked while no worker runs, so the next worker dispatches them all in one pass and has a
    // whole batch of webhooks on the wire when it dies.
    await cluster.stop(worker, 'SIGTERM');
    const expected = new Map<string, string>(); // information request id → the sponsor's address
    await Promise.all(
      applications.map(async (app) => {
        const asked = await cluster.request(
          api,
          'POST',
          `/api/v1/applications/${app.id}/information-requests`,
          {
            token: officer.token,
            body: { question: 'Please share the water balance model.' },
          },
        );
        expect(asked.status).toBe(201);
        expected.set(asked.body.id as string, app.sponsorEmail);
      }),
    );

    // Kill 1: the first webhook is at the receiver, unacknowledged.
    worker = await cluster.startWorker();
    const heldWebhook = await firstWebhook.promise;
    worker.child.kill('SIGKILL');
    await worker.exited;
    const inFlightAtFirstKill = await inFlight();
    releaseWebhook?.();

    // Kill 2: a new worker; the first email is at the SMTP server, its 250 withheld.
    worker = await cluster.startWorker();
    const heldEmail = await firstEmail.promise;
    worker.child.kill('SIGKILL');
    await worker.exited;
    const inFlightAtSecondKill = await inFlight();
    releaseEmail?.();

    // Recovery: one more worker takes over the expired claims.
    worker = await cluster.startWorker();
    const delivered = () => {
      const hooks = new Set(webhooks.filter((w) => w.verified).map((w) => w.requestId));
      const mails = new Set(emails.map((m) => m.requestId));
      return [...expected.keys()].every((id) => hooks.has(id) && mails.has(id));
    };
    const recoveryMs = await waitFor('every email and webhook delivered', delivered, 120_000, 50).catch(
      async (error: Error) => {
        throw new Error(
          `${error.message}: ${JSON.stringify(await outboxState())}\n${worker.tail().slice(-3000)}`,
        );
      },
    );
    // Settled: the outbox recorded every delivery as done (the held ones were retried, not dropped).
    await waitFor(
      'the outbox settled',
      async () =>
        (await outboxState()).every((r) =>
          r.kind === 'webhook' ? r.status === 'delivered' : r.status === 'sent',
        ),
      60_000,
      100,
    );
    const state = await outboxState();
    await cluster.stop(worker, 'SIGTERM');

    const lostWebhooks = [...expected.keys()].filter(
      (id) => !webhooks.some((w) => w.verified && w.requestId === id),
    );
    const lostEmails = [...expected.keys()].filter((id) => !emails.some((m) => m.requestId === id));
    const webhookIds = idsPerRequest(
      webhooks.filter((w) => w.verified),
      (r) => r.webhookId,
    );
    const messageIds = idsPerRequest(emails, (r) => r.messageId);
    const duplicateWebhooks = webhooks.length - webhookIds.size;
    const duplicateEmails = emails.length - messageIds.size;

    writeReport({
      fault: 'notifications-sigkill',
      applications: EVENTS,
      accepted: expected.size,
      rejectedFast: 0,
      completed: expected.size - Math.max(lostWebhooks.length, lostEmails.length),
      lost: lostWebhooks.length + lostEmails.length,
      duplicateEffects: 0,
      duplicateExecutions: duplicateWebhooks + duplicateEmails,
      recoveryMs,
      notes: {
        kills: 2,
        inFlightAtFirstKill,
        inFlightAtSecondKill,
        webhooksReceived: webhooks.length,
        emailsReceived: emails.length,
        duplicateWebhooks,
        duplicateEmails,
        outbox: state,
      },
    });

    expect(expected.size).toBe(EVENTS);
    expect(lostWebhooks).toEqual([]);
    expect(lostEmails).toEqual([]);
    expect(webhooks.every((w) => w.verified)).toBe(true);
    // Each email went to its sponsor, and every copy of one delivery carries one id.
    for (const mail of emails) expect(mail.to).toContain(expected.get(mail.requestId));
    expect([...webhookIds.values()].every((ids) => ids.size === 1)).toBe(true);
    expect([...messageIds.values()].every((ids) => ids.size === 1)).toBe(true);
    // The held deliveries were in flight when the worker died, and came again with the same id.
    expect(inFlightAtFirstKill.webhooks).toBeGreaterThan(0);
    expect(inFlightAtSecondKill.emails).toBeGreaterThan(0);
    expect(webhooks.filter((w) => w.webhookId === heldWebhook.webhookId).length).toBeGreaterThanOrEqual(2);
    expect(emails.filter((m) => m.messageId === heldEmail.messageId).length).toBeGreaterThanOrEqual(2);
  });
});
