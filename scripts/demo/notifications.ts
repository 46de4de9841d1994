import type { AddressInfo } from 'node:net';
import { dueAt, escalatesToOfficersAt, type DeadlinePolicy } from '@forge/domain';
import { type ApiClient } from './api-client.js';
import { type DemoClock } from './portfolio.js';

const say = (line = '') => process.stdout.write(`${line}\n`);
const DAY_MS = 86_400_000;
/** How far ahead of "now" the demo's question escalates to every officer (seconds of real time). */
const ESCALATION_LEAD_MS = 6_000;

/** A local SMTP server for `npm run demo -- --mailbox`: what the product sends arrives here over SMTP. */
export interface DemoMailbox {
  url: string;
  received: { to: string; subject: string; language: string }[];
  close(): Promise<void>;
}

export async function startDemoMailbox(): Promise<DemoMailbox> {
  // Loaded only when asked for: smtp-server and mailparser are development dependencies.
  const { SMTPServer } = await import('smtp-server');
  const { simpleParser } = await import('mailparser');
  const received: DemoMailbox['received'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const to = mail.to
          ? (Array.isArray(mail.to) ? mail.to : [mail.to]).map((a) => a.text).join(', ')
          : '';
        received.push({
          to,
          subject: mail.subject ?? '',
          language: String(mail.headers.get('content-language') ?? ''),
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface NotificationsDemoContext {
  api: ApiClient;
  /** One user per role: [label, token]. */
  users: [string, string][];
  clock: DemoClock;
  policy: DeadlinePolicy;
  officerToken: string;
  /** An application that waits (no committee round open), with its sponsor: the question asked of them escalates. */
  waiting: { key: string; id: string; reference: string; sponsorToken: string };
  /** `SMTP_URL` is set: what the outbox sent is listed. */
  emailEnabled: boolean;
  /** The outbox, read as the on-call engineer would (SQL). */
  query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;
  /** `--mailbox`: the local SMTP server the demo started. */
  mailbox?: DemoMailbox;
}

/**
 * The latest moment a question may have been asked so that it escalates to every officer at `target` or later:
 * the due time and the escalation are business days (the pure domain's rules), so the demo searches the asking
 * time (monotonic: asked later, escalates later) instead of subtracting calendar days.
 */
function askedAtEscalatingAt(target: number, policy: DeadlinePolicy): Date {
  const escalatesAt = (askedAt: number) =>
    Date.parse(
      escalatesToOfficersAt(
        dueAt({ kind: 'information_request', openedAt: new Date(askedAt).toISOString() }, policy) as string,
        policy,
      ),
    );
  let low = target - 120 * DAY_MS; // escalates long before the target
  let high = target; // escalates long after it
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (escalatesAt(middle) >= target) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/**
 * One escalation for real (monitoring.md "Deadlines, escalation"): an officer's question to a sponsor, asked with the
 * API clock moved back so that it is already past its due time and reaches the escalation moment a few seconds from
 * now. Nothing else is faked: the scheduled overdue job (every OVERDUE_JOB_EVERY_MS) records `work.overdue` (the
 * sponsor is told), then `work.escalated` (every officer is told), and the dispatcher fills the inboxes.
 */
async function runEscalation(ctx: NotificationsDemoContext): Promise<void> {
  const { api, waiting } = ctx;
  const askedAt = askedAtEscalatingAt(Date.now() + ESCALATION_LEAD_MS, ctx.policy);
  ctx.clock.set(askedAt);
  let request: { id: string };
  try {
    request = await api.call<{ id: string }>(
      'POST',
      `/api/v1/applications/${waiting.id}/information-requests`,
      {
        token: ctx.officerToken,
        body: { question: 'Please send the signed term sheet of the senior lenders.' },
      },
    );
  } finally {
    ctx.clock.set(null);
  }
  const due = dueAt({ kind: 'information_request', openedAt: askedAt.toISOString() }, ctx.policy) as string;
  say('One escalation (the overdue job, on its schedule)');
  say(
    `  ${waiting.key.padEnd(4)} ${waiting.reference}: a question asked of the sponsor on ${askedAt.toISOString()} (API clock moved back)`,
  );
  say(`       due ${due}, escalates to every officer at ${escalatesToOfficersAt(due, ctx.policy)}`);
  const inboxItem = (token: string, template: string) =>
    api.waitFor(`${template} in the inbox`, async () => {
      const page = await api.call<any>('GET', '/api/v1/me/inbox?status=all&limit=100', { token });
      return page.items.find((i: any) => i.template === template && i.target.id === request.id);
    });
  const overdue = await inboxItem(waiting.sponsorToken, 'work_overdue');
  say(`       ${overdue.createdAt} work.overdue: the sponsor's inbox says it is overdue`);
  const escalated = await inboxItem(ctx.officerToken, 'work_escalated');
  say(`       ${escalated.createdAt} work.escalated: every officer's inbox has it`);
  say('');
}

/** The emails the outbox sent (`SMTP_URL` set), and what arrived at the demo's own mailbox (`--mailbox`). */
async function showEmails(ctx: NotificationsDemoContext): Promise<void> {
  if (!ctx.emailEnabled) {
    say('Emails: off (SMTP_URL unset; `npm run demo -- --mailbox` starts a local SMTP server)');
    say('');
    return;
  }
  // Wait until the outbox has nothing pending (the worker sends within a poll interval).
  await ctx.api.waitFor('the email outbox', async () => {
    const [row] = await ctx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM email_messages WHERE status = 'pending'`,
    );
    return row.n === 0 ? true : undefined;
  });
  const rows = await ctx.query<{ template: string; locale: string; status: string; n: number }>(
    `SELECT template, locale, status, count(*)::int AS n FROM email_messages GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1`,
  );
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  say(`Emails sent from the outbox: ${total}`);
  for (const r of rows) say(`  ${r.template.padEnd(24)} ${r.locale.padEnd(6)} ${r.status.padEnd(5)} ×${r.n}`);
  if (ctx.mailbox) {
    const mails = ctx.mailbox.received;
    say(`  the demo's mailbox (--mailbox) received ${mails.length} over SMTP; the last ones:`);
    for (const mail of mails.slice(-3)) {
      say(`    to ${mail.to} [${mail.language}] "${mail.subject}"`);
    }
  }
  say('');
}

/** Issue 17 in the demo: one escalation, the inbox of each role at the end, and the emails sent. */
export async function runNotificationsDemo(ctx: NotificationsDemoContext): Promise<void> {
  const { api } = ctx;
  await runEscalation(ctx);
  say('Inboxes at the end (docs/notifications.md)');
  // The worker's dispatcher turns the audit trail into inbox items within a poll interval: wait until it caught up.
  await api.waitFor('the notification dispatcher', async () => {
    const probe = await api.call<any>('GET', '/api/v1/me/inbox?status=all&limit=1', {
      token: ctx.users[0][1],
    });
    return probe ? true : undefined;
  });
  const users: [string, string][] = [...ctx.users, [`sponsor ${ctx.waiting.key}`, ctx.waiting.sponsorToken]];
  for (const [role, token] of users) {
    const open = await api.call<any>('GET', '/api/v1/me/inbox?limit=100', { token });
    const all = await api.call<any>('GET', '/api/v1/me/inbox?status=all&limit=100', { token });
    const kinds = new Map<string, number>();
    for (const item of all.items) kinds.set(item.template, (kinds.get(item.template) ?? 0) + 1);
    const summary = [...kinds.entries()].map(([template, n]) => `${template} ×${n}`).join(', ') || 'nothing';
    say(
      `  ${role.padEnd(11)} ${String(open.items.length).padStart(3)} open, ${String(all.unread).padStart(3)} unread; received: ${summary}`,
    );
  }
  say('');
  await showEmails(ctx);
}
