import { isRecord } from '../canonical/json.js';

/**
 * monitoring.md "Notifications": which audit events tell whom. Pure: an audit event in, a list of
 * notification plans out. The application layer resolves audiences to users (minus the actor),
 * writes inbox items and outbox rows for email in the same transaction as the event.
 *
 * An inbox item may stand for **waiting work** (`workKey`): it stays "awaiting" until an event
 * resolves that work (`resolvedWork`), e.g. `approval.requested` → `approval:<id>` until
 * `approval.granted` or `approval.rejected`. Other items are news (a decision, a watchlist
 * change) and stay until read.
 */

export const INBOX_KINDS = [
  'approval',
  'vote',
  'information_request',
  'assignment',
  'disbursement',
  'esap_item',
  'amr',
  'incident',
  'watchlist',
  'decision',
  'overdue',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** Who a notification is for, before the application layer turns it into users. */
export type Audience =
  | { kind: 'user'; userId: string }
  /** The active sponsor users of the application's organisation. */
  | { kind: 'organization'; organizationId: string }
  /** Every active user with the role. */
  | { kind: 'role'; role: 'officer' | 'committee' | 'admin' }
  /** The application's assigned officer, or every officer when none is assigned. */
  | { kind: 'assignee_or_officers' };

export const EMAIL_TEMPLATES = [
  'approval_requested',
  'approval_decided',
  'policy_approval_requested',
  'information_requested',
  'information_answered',
  'vote_opened',
  'committee_decided',
  'assigned',
  'disbursement_requested',
  'disbursement_declined',
  'disbursement_made',
  'esap_item_created',
  'esap_item_done',
  'esap_item_reviewed',
  'amr_submitted',
  'incident_reported',
  'watchlist_added',
  'watchlist_cleared',
  'work_overdue',
  'work_escalated',
  'password_reset',
] as const;
export type EmailTemplateId = (typeof EMAIL_TEMPLATES)[number];

/** Where an inbox item or email links to (a console path). */
export interface LinkTarget {
  type: string;
  id: string;
  applicationId: string | null;
  path: string;
}

export interface NotificationPlan {
  template: EmailTemplateId;
  inboxKind: InboxKind;
  audiences: Audience[];
  target: LinkTarget;
  /** Waiting work this item stands for (resolved later); `null` for news. */
  workKey: string | null;
  /** Whether an email goes out too (when email is configured). */
  email: boolean;
  /** Short facts for the templates (`detail`, `dueAt`, `decision`, …). */
  params: Record<string, string>;
}

/** The audit event as the rules read it (`libs/audit`'s event without the chain fields). */
export interface NotifiableEvent {
  action: string;
  actor: { id: string; role: string };
  subject: { type: string; id: string };
  applicationId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  context?: Record<string, unknown> | null;
}

/** What the rules need to know about the application an event is about. */
export interface NotificationApplicationFacts {
  organizationId: string;
  assigneeId: string | null;
  reference: string;
  title: string;
}

/** One waiting work resolved by an event: for everyone, or only for `userId` (a member's vote). */
export interface WorkResolution {
  workKey: string;
  userId?: string;
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function appPath(applicationId: string | null, rest = ''): string {
  return applicationId === null ? '/' : `/applications/${applicationId}${rest}`;
}

/** `work.overdue`/`work.escalated` carry who the work awaits, its target and due time in `context`. */
interface OverdueContext {
  workKey: string;
  kind: string;
  dueAt: string;
  awaiting: Audience[];
  target: LinkTarget;
}

function isOverdueContext(c: unknown): c is OverdueContext {
  return (
    isRecord(c) &&
    typeof c.workKey === 'string' &&
    Array.isArray(c.awaiting) &&
    isRecord(c.target) &&
    typeof c.target.path === 'string'
  );
}

/**
 * The notifications an audit event causes. `app` is `null` for events without an application
 * (a password reset, queued directly as an email, never through the trail). Unknown actions cause none. The actor is never notified of their own act
 * (the caller drops them when resolving audiences).
 */
export function notificationsFor(
  event: NotifiableEvent,
  app: NotificationApplicationFacts | null,
): NotificationPlan[] {
  const appId = event.applicationId;
  const after = event.after ?? {};
  const context = event.context ?? {};
  const base: Record<string, string> = app ? { reference: app.reference, title: app.title } : {};
  const plans: NotificationPlan[] = [];
  const plan = (p: Omit<NotificationPlan, 'params'> & { params?: Record<string, string> }) =>
    plans.push({ ...p, params: { ...base, ...(p.params ?? {}) } });
  const sponsors: Audience[] = app ? [{ kind: 'organization', organizationId: app.organizationId }] : [];
  const officersOrAssignee: Audience[] = [{ kind: 'assignee_or_officers' }];

  switch (event.action) {
    case 'approval.requested':
      plan({
        template: 'approval_requested',
        inboxKind: 'approval',
        audiences: [{ kind: 'role', role: 'officer' }],
        target: {
          type: 'approval',
          id: event.subject.id,
          applicationId: appId,
          path: `/approvals/${event.subject.id}`,
        },
        workKey: `approval:${event.subject.id}`,
        email: true,
        params: { action: str(after.action) },
      });
      break;
    case 'approval.granted':
    case 'approval.rejected': {
      const makerId = str(context.makerId);
      if (makerId !== '') {
        plan({
          template: 'approval_decided',
          inboxKind: 'decision',
          audiences: [{ kind: 'user', userId: makerId }],
          target: {
            type: 'approval',
            id: event.subject.id,
            applicationId: appId,
            path: `/approvals/${event.subject.id}`,
          },
          workKey: null,
          email: false,
          params: {
            action: str(after.action),
            decision: event.action === 'approval.granted' ? 'approved' : 'rejected',
          },
        });
      }
      if (event.action === 'approval.granted' && after.action === 'disbursement.release' && app) {
        plan({
          template: 'disbursement_made',
          inboxKind: 'disbursement',
          audiences: sponsors,
          target: {
            type: 'disbursement',
            id: str(after.subject),
            applicationId: appId,
            path: appPath(appId, `/disbursements/${str(after.subject)}`),
          },
          workKey: null,
          email: true,
          params: { amountUsd: str(context.amountUsd), valueDate: str(context.valueDate) },
        });
      }
      break;
    }
    case 'portfolio_policy.proposed':
      // portfolio.md: a new portfolio policy version waits for a second admin (its own four eyes, not an item
      // of the officers' GET /approvals): it is in every other admin's inbox until approved or rejected.
      plan({
        template: 'policy_approval_requested',
        inboxKind: 'approval',
        audiences: [{ kind: 'role', role: 'admin' }],
        target: {
          type: 'portfolio_policy',
          id: event.subject.id,
          applicationId: null,
          path: `/admin/portfolio-policies/${event.subject.id}`,
        },
        workKey: `portfolio_policy:${event.subject.id}`,
        email: true,
        params: { policy: `${str(after.policy)} ${str(after.version)}` },
      });
      break;
    case 'information_request.opened':
      plan({
        template: 'information_requested',
        inboxKind: 'information_request',
        audiences: sponsors,
        target: {
          type: 'information_request',
          id: event.subject.id,
          applicationId: appId,
          path: appPath(appId, `/information-requests/${event.subject.id}`),
        },
        workKey: `information_request:${event.subject.id}`,
        email: true,
      });
      break;
    case 'information_request.answered':
      plan({
        template: 'information_answered',
        inboxKind: 'information_request',
        audiences: officersOrAssignee,
        target: {
          type: 'information_request',
          id: event.subject.id,
          applicationId: appId,
          path: appPath(appId, `/information-requests/${event.subject.id}`),
        },
        workKey: null,
        email: true,
      });
      break;
    case 'application.stage_changed':
      if (after.stage === 'committee') {
        plan({
          template: 'vote_opened',
          inboxKind: 'vote',
          audiences: [{ kind: 'role', role: 'committee' }],
          target: {
            type: 'application',
            id: str(appId),
            applicationId: appId,
            path: appPath(appId, '/committee'),
          },
          workKey: `vote:${str(appId)}`,
          email: true,
        });
      }
      break;
    case 'committee.decided':
      plan({
        template: 'committee_decided',
        inboxKind: 'decision',
        audiences: [...sponsors, ...officersOrAssignee],
        target: { type: 'application', id: str(appId), applicationId: appId, path: appPath(appId) },
        workKey: null,
        email: true,
        params: { decision: str(context.decision ?? after.stage) },
      });
      break;
    case 'application.assigned':
      if (typeof after.assigneeId === 'string') {
        plan({
          template: 'assigned',
          inboxKind: 'assignment',
          audiences: [{ kind: 'user', userId: after.assigneeId }],
          target: { type: 'application', id: str(appId), applicationId: appId, path: appPath(appId) },
          workKey: null,
          email: true,
        });
      }
      break;
    case 'disbursement.requested':
      plan({
        template: 'disbursement_requested',
        inboxKind: 'disbursement',
        audiences: officersOrAssignee,
        target: {
          type: 'disbursement',
          id: event.subject.id,
          applicationId: appId,
          path: appPath(appId, `/disbursements/${event.subject.id}`),
        },
        workKey: `disbursement:${event.subject.id}`,
        email: true,
        params: { amountUsd: str(after.amountUsd), trancheId: str(after.trancheId) },
      });
      break;
    case 'disbursement.proposed':
      if (typeof context.approvalId === 'string') {
        plan({
          template: 'approval_requested',
          inboxKind: 'approval',
          audiences: [{ kind: 'role', role: 'officer' }],
          target: {
            type: 'approval',
            id: context.approvalId,
            applicationId: appId,
            path: `/approvals/${context.approvalId}`,
          },
          workKey: `approval:${context.approvalId}`,
          email: true,
          params: { action: 'disbursement.release' },
        });
      }
      break;
    case 'disbursement.declined':
      plan({
        template: 'disbursement_declined',
        inboxKind: 'disbursement',
        audiences: sponsors,
        target: {
          type: 'disbursement',
          id: event.subject.id,
          applicationId: appId,
          path: appPath(appId, `/disbursements/${event.subject.id}`),
        },
        workKey: null,
        email: true,
      });
      break;
    case 'esap.item_created':
      plan({
        template: 'esap_item_created',
        inboxKind: 'esap_item',
        audiences: sponsors,
        target: {
          type: 'esap_item',
          id: event.subject.id,
          applicationId: appId,
          path: appPath(appId, `/esap/${event.subject.id}`),
        },
        workKey: `esap_item:${event.subject.id}`,
        email: true,
        params: { dueDate: str(after.dueDate), standard: str(after.standard) },
      });
      break;
    case 'esap.item_updated':
      if (after.status === 'done') {
        plan({
          template: 'esap_item_done',
          inboxKind: 'esap_item',
          audiences: officersOrAssignee,
          target: {
            type: 'esap_item',
            id: event.subject.id,
            applicationId: appId,
            path: appPath(appId, `/esap/${event.subject.id}`),
          },
          workKey: `esap_review:${event.subject.id}`,
          email: true,
        });
      }
      break;
    case 'esap.item_reviewed':
      plan({
        template: 'esap_item_reviewed',
        inboxKind: 'esap_item',
        audiences: sponsors,
        target: {
          type: 'esap_item',
          id: event.subject.id,
          applicationId: appId,
          path: appPath(appId, `/esap/${event.subject.id}`),
        },
        workKey: after.status === 'verified' ? null : `esap_item:${event.subject.id}`,
        email: true,
        params: { status: str(after.status) },
      });
      break;
    case 'amr.submitted':
      plan({
        template: 'amr_submitted',
        inboxKind: 'amr',
        audiences: officersOrAssignee,
        target: {
          type: 'amr',
          id: event.subject.id,
          applicationId: appId,
          path: appPath(appId, `/monitoring-reports/${event.subject.id}`),
        },
        workKey: null,
        email: false,
        params: { year: str(after.year) },
      });
      break;
    case 'incident.reported':
      plan({
        template: 'incident_reported',
        inboxKind: 'incident',
        audiences: officersOrAssignee,
        target: {
          type: 'incident',
          id: event.subject.id,
          applicationId: appId,
          path: appPath(appId, `/incidents/${event.subject.id}`),
        },
        workKey: null,
        email: after.serious === true,
        params: {
          kind: str(after.kind),
          severity: str(after.severity),
          late: after.late === true ? 'true' : 'false',
        },
      });
      break;
    case 'watchlist.cleared':
      plan({
        template: 'watchlist_cleared',
        inboxKind: 'watchlist',
        audiences: [{ kind: 'role', role: 'officer' }],
        target: {
          type: 'watchlist',
          id: event.subject.id,
          applicationId: appId,
          path: appPath(appId, '/watchlist'),
        },
        workKey: null,
        email: false,
        params: { detail: str(before(event).detail) },
      });
      break;
    case 'work.overdue':
    case 'work.escalated':
      if (isOverdueContext(context)) {
        const escalated = event.action === 'work.escalated';
        // monitoring.md: overdue work escalates "first to the assignee, then to every officer after a second
        // period". The party the work awaits (a sponsor, the committee, the second officers) is told as well.
        const assignee: Audience[] = app?.assigneeId ? [{ kind: 'user', userId: app.assigneeId }] : [];
        plan({
          template: escalated ? 'work_escalated' : 'work_overdue',
          inboxKind: 'overdue',
          audiences: escalated
            ? [...context.awaiting, { kind: 'role', role: 'officer' }]
            : [...context.awaiting, ...assignee],
          target: context.target,
          workKey: `overdue:${context.workKey}`,
          email: true,
          params: { kind: context.kind, dueAt: context.dueAt },
        });
      }
      break;
    default:
      break;
  }

  // Any event that put the project on the watchlist says so in `context.watchlistAdded`.
  const added = Array.isArray(context.watchlistAdded)
    ? (context.watchlistAdded as { id?: unknown; detail?: unknown }[])
    : [];
  for (const reason of added) {
    plan({
      template: 'watchlist_added',
      inboxKind: 'watchlist',
      audiences: [{ kind: 'role', role: 'officer' }],
      target: {
        type: 'watchlist',
        id: str(reason.id),
        applicationId: appId,
        path: appPath(appId, '/watchlist'),
      },
      workKey: null,
      email: true,
      params: { detail: str(reason.detail) },
    });
  }
  return plans;
}

function before(event: NotifiableEvent): Record<string, unknown> {
  return event.before ?? {};
}

/** Inbox items that only go to people, never by email (password reset is email only). */
export function isEmailOnly(plan: NotificationPlan): boolean {
  return plan.template === 'password_reset';
}

/**
 * The waiting work an event ends. A vote ends the member's own `vote:` item; the committee's
 * decision or any move out of `committee` ends everyone's. Overdue items end with their work.
 */
export function resolvedWork(event: NotifiableEvent): WorkResolution[] {
  const after = event.after ?? {};
  const appId = str(event.applicationId);
  const keys: WorkResolution[] = [];
  const resolve = (workKey: string, userId?: string) => {
    keys.push(userId === undefined ? { workKey } : { workKey, userId });
    keys.push(
      userId === undefined ? { workKey: `overdue:${workKey}` } : { workKey: `overdue:${workKey}`, userId },
    );
  };
  switch (event.action) {
    case 'approval.granted':
    case 'approval.rejected':
      resolve(`approval:${event.subject.id}`);
      if (after.action === 'disbursement.release') resolve(`disbursement:${str(after.subject)}`);
      break;
    case 'portfolio_policy.approved':
    case 'portfolio_policy.rejected':
      resolve(`portfolio_policy:${event.subject.id}`);
      break;
    case 'information_request.answered':
      resolve(`information_request:${event.subject.id}`);
      break;
    case 'committee.vote_cast':
      resolve(`vote:${appId}`, event.actor.id);
      break;
    case 'committee.decided':
      resolve(`vote:${appId}`);
      break;
    case 'application.stage_changed':
    case 'application.rejected':
    case 'application.withdrawn':
      if (event.before?.stage === 'committee') resolve(`vote:${appId}`);
      resolve(`stage:${appId}`);
      break;
    case 'disbursement.proposed':
    case 'disbursement.declined':
      resolve(`disbursement:${event.subject.id}`);
      break;
    case 'approval.requested':
      // Proposing a disbursement is a four-eyes item on it: the request no longer waits for an officer.
      if (after.action === 'disbursement.release') resolve(`disbursement:${str(after.subject)}`);
      break;
    case 'esap.item_updated':
      if (after.status === 'done') resolve(`esap_item:${event.subject.id}`);
      break;
    case 'esap.item_reviewed':
      resolve(`esap_review:${event.subject.id}`);
      if (after.status === 'verified') resolve(`esap_item:${event.subject.id}`);
      break;
    case 'amr.submitted':
      resolve(`amr:${appId}:${str(after.year)}`);
      break;
    default:
      break;
  }
  return keys;
}
