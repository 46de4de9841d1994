import { randomUUID } from 'node:crypto';
import {
  emailLocale,
  isEmailOnly,
  jsonObjectOrNull,
  matchesWebhookFilter,
  notificationsFor,
  resolvedWork,
  type Audience,
  type NotifiableEvent,
  type NotificationApplicationFacts,
  type WebhookPayload,
} from '@forge/domain';
import type {
  ApplicationsRow,
  AuditEventsRow,
  NotificationCursorRow,
  UsersRow,
  WebhookEndpointsRow,
} from '@forge/persistence';
import type { DataSource, EntityManager } from 'typeorm';

export interface DispatcherOptions {
  /** Events read per transaction. */
  batchSize: number;
  /** `SMTP_URL` is set: emails are queued (otherwise only inbox items and webhooks). */
  emailEnabled: boolean;
}

/** A sequenced audit event (`seq > $1`: never a pending one). */
type EventRow = Pick<
  AuditEventsRow,
  | 'id'
  | 'occurred_at'
  | 'actor_id'
  | 'actor_role'
  | 'action'
  | 'subject_type'
  | 'subject_id'
  | 'application_id'
  | 'reason'
  | 'before'
  | 'after'
  | 'context'
> & { seq: string };

type UserRow = Pick<UsersRow, 'id' | 'email' | 'roles' | 'organization_id' | 'locale'>;

/** `title` is `input->>'title'`. */
type AppRow = Pick<ApplicationsRow, 'id' | 'organization_id' | 'assignee_id' | 'reference'> & {
  title: string | null;
};

/** The webhook `webhook-id` of an event for an endpoint: stable, so receivers drop duplicates. */
export function webhookMessageId(seq: number, endpointId: string): string {
  return `msg_${seq}_${endpointId.replaceAll('-', '')}`;
}

/** The JSON body of a webhook: the audit event, its JSON columns as stored. */
export function webhookPayload(event: EventRow): WebhookPayload {
  return {
    type: event.action,
    timestamp: new Date(event.occurred_at).toISOString(),
    data: {
      seq: Number(event.seq),
      id: event.id,
      action: event.action,
      actor: { id: event.actor_id, role: event.actor_role },
      subject: { type: event.subject_type, id: event.subject_id },
      applicationId: event.application_id,
      reason: event.reason,
      before: event.before,
      after: event.after,
      context: event.context,
    },
  };
}

/**
 * Reads the audit trail after the cursor, in `seq` order, and turns each event into inbox items,
 * queued emails and webhook deliveries (the rules are `notificationsFor`/`resolvedWork` in the pure
 * domain). Everything of a batch, and the cursor, is written in one transaction: a crash re-reads the
 * same events, and the unique keys make a second write a no-op. Several workers may run it: the cursor
 * row is taken with `SKIP LOCKED`, so one dispatches while the others return at once.
 */
export class NotificationDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: DispatcherOptions,
  ) {}

  /** One batch; returns how many events were read (0: caught up, or another worker holds the cursor). */
  async dispatchBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [cursor]: Pick<NotificationCursorRow, 'last_seq'>[] = await manager.query(
        `SELECT last_seq FROM notification_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!cursor) return 0;
      const events: EventRow[] = await manager.query(
        `SELECT seq, id, occurred_at, actor_id, actor_role, action, subject_type, subject_id, application_id,
                reason, before, after, context
           FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [cursor.last_seq, this.options.batchSize],
      );
      if (events.length === 0) return 0;
      const context = await this.loadContext(manager, events);
      for (const event of events) await this.dispatchEvent(manager, event, context);
      await manager.query(`UPDATE notification_cursor SET last_seq = $1 WHERE id = 1`, [
        events[events.length - 1].seq,
      ]);
      return events.length;
    });
  }

  /** Dispatches until caught up; returns how many events were read. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dispatchBatch();
      total += n;
      if (n < this.options.batchSize) return total;
    }
  }

  private async loadContext(manager: EntityManager, events: readonly EventRow[]) {
    const appIds = [
      ...new Set(events.map((e) => e.application_id).filter((id): id is string => id !== null)),
    ];
    const apps: AppRow[] = await manager.query(
      `SELECT id, organization_id, assignee_id, reference, input->>'title' AS title FROM applications WHERE id = ANY($1)`,
      [appIds],
    );
    const users: UserRow[] = await manager.query(
      `SELECT id, email, roles, organization_id, locale FROM users WHERE NOT disabled`,
    );
    const endpoints: Pick<WebhookEndpointsRow, 'id' | 'events'>[] = await manager.query(
      `SELECT id, events FROM webhook_endpoints WHERE disabled_at IS NULL`,
    );
    return { apps: new Map(apps.map((a) => [a.id, a])), users, endpoints };
  }

  private async dispatchEvent(
    manager: EntityManager,
    row: EventRow,
    ctx: Awaited<ReturnType<NotificationDispatcher['loadContext']>>,
  ): Promise<void> {
    const seq = Number(row.seq);
    const event: NotifiableEvent = {
      action: row.action,
      actor: { id: row.actor_id, role: row.actor_role },
      subject: { type: row.subject_type, id: row.subject_id },
      applicationId: row.application_id,
      before: jsonObjectOrNull(row.before),
      after: jsonObjectOrNull(row.after),
      context: jsonObjectOrNull(row.context),
    };
    const appRow = row.application_id ? ctx.apps.get(row.application_id) : undefined;
    const app: NotificationApplicationFacts | null = appRow
      ? {
          organizationId: appRow.organization_id,
          assigneeId: appRow.assignee_id,
          reference: appRow.reference,
          title: appRow.title ?? appRow.reference,
        }
      : null;

    // Work an event ends is resolved first: an event may end one wait and start another.
    for (const resolution of resolvedWork(event)) {
      if (resolution.userId === undefined) {
        await manager.query(
          `UPDATE inbox_items SET resolved_at = $2 WHERE work_key = $1 AND resolved_at IS NULL`,
          [resolution.workKey, row.occurred_at],
        );
      } else {
        await manager.query(
          `UPDATE inbox_items SET resolved_at = $3 WHERE work_key = $1 AND user_id = $2 AND resolved_at IS NULL`,
          [resolution.workKey, resolution.userId, row.occurred_at],
        );
      }
    }

    for (const plan of notificationsFor(event, app)) {
      const recipients = this.resolveAudiences(plan.audiences, app, ctx.users).filter(
        (u) => u.id !== row.actor_id,
      );
      for (const user of recipients) {
        if (!isEmailOnly(plan)) {
          await manager.query(
            `INSERT INTO inbox_items (id, user_id, kind, template, application_id, event_seq, event_action, target,
                                      params, work_key, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
             ON CONFLICT (user_id, event_seq, template) DO NOTHING`,
            [
              randomUUID(),
              user.id,
              plan.inboxKind,
              plan.template,
              plan.target.applicationId,
              seq,
              row.action,
              JSON.stringify(plan.target),
              JSON.stringify(plan.params),
              plan.workKey,
              row.occurred_at,
            ],
          );
        }
        if (plan.email && this.options.emailEnabled) {
          await manager.query(
            `INSERT INTO email_messages (id, user_id, to_address, locale, template, params, dedupe_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
            [
              randomUUID(),
              user.id,
              user.email,
              emailLocale(user.locale),
              plan.template,
              JSON.stringify({ ...plan.params, path: plan.target.path }),
              `${seq}:${plan.template}:${user.id}`,
            ],
          );
        }
      }
    }

    for (const endpoint of ctx.endpoints) {
      if (!matchesWebhookFilter(endpoint.events, row.action)) continue;
      await manager.query(
        `INSERT INTO webhook_deliveries (id, endpoint_id, event_seq, event_type, message_id, payload)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (endpoint_id, event_seq) DO NOTHING`,
        [
          randomUUID(),
          endpoint.id,
          seq,
          row.action,
          webhookMessageId(seq, endpoint.id),
          JSON.stringify(webhookPayload(row)),
        ],
      );
    }
  }

  private resolveAudiences(
    audiences: readonly Audience[],
    app: NotificationApplicationFacts | null,
    users: readonly UserRow[],
  ): UserRow[] {
    const chosen = new Map<string, UserRow>();
    const add = (list: UserRow[]) => list.forEach((u) => chosen.set(u.id, u));
    for (const audience of audiences) {
      switch (audience.kind) {
        case 'user':
          add(users.filter((u) => u.id === audience.userId));
          break;
        case 'organization':
          add(
            users.filter((u) => u.organization_id === audience.organizationId && u.roles.includes('sponsor')),
          );
          break;
        case 'role':
          add(users.filter((u) => u.roles.includes(audience.role)));
          break;
        case 'assignee_or_officers': {
          const assignee = app?.assigneeId
            ? users.filter((u) => u.id === app.assigneeId && u.roles.includes('officer'))
            : [];
          add(assignee.length > 0 ? assignee : users.filter((u) => u.roles.includes('officer')));
          break;
        }
      }
    }
    return [...chosen.values()];
  }
}
