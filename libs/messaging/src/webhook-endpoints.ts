import { randomUUID } from 'node:crypto';
import { appendAuditEvent, type AuditActor } from '@forge/audit';
import {
  DomainError,
  type DomainErrorDetail,
  oneOf,
  parseWebhookUrl,
  type ParsedWebhookUrl,
  validateWebhookEvents,
} from '@forge/domain';
import {
  returnedRows,
  type WebhookAttemptsRow,
  type WebhookDeliveriesRow,
  type WebhookEndpointsRow,
} from '@forge/persistence';
import type { EntityManager } from 'typeorm';
import { generateWebhookSecret } from './webhook-secret.js';
import { resolveWebhookDestination } from './webhook-sender.js';

export interface WebhookEndpointView {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  createdAt: string;
  disabledAt: string | null;
}

/** Where a delivery stands (`webhook_deliveries.status`): queued or retrying, delivered, or dead-lettered. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export interface WebhookDeliveryView {
  id: string;
  messageId: string;
  eventSeq: number;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  log: {
    attemptedAt: string;
    outcome: string;
    statusCode: number | null;
    error: string | null;
    address: string | null;
    durationMs: number;
  }[];
}

const iso = (d: Date) => new Date(d).toISOString();
const isoOrNull = (d: Date | null) => (d ? iso(d) : null);

/** An endpoint as shown: every column but its secret (returned once, at registration) and its author. */
type EndpointRow = Omit<WebhookEndpointsRow, 'secret' | 'created_by'>;

function endpointView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    createdAt: iso(row.created_at),
    disabledAt: isoOrNull(row.disabled_at),
  };
}

/** What an admin registers: the request body as the API's DTO has typed it. */
export interface WebhookEndpointInput {
  url: string;
  events: readonly string[];
  description?: string;
}

/**
 * An admin registers an endpoint (`POST /admin/webhooks`): the URL is checked (scheme, no credentials,
 * and, unless private addresses are allowed, every address it resolves to must be public), the event
 * filter validated, a `whsec_…` secret generated and returned **once** (never in the audit event).
 */
export async function registerWebhookEndpoint(
  manager: EntityManager,
  input: WebhookEndpointInput,
  actor: AuditActor,
  options: {
    allowPrivate: boolean;
    resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
  },
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const problems: DomainErrorDetail[] = validateWebhookEvents(input.events);
  let parsed: ParsedWebhookUrl | null = null;
  try {
    parsed = parseWebhookUrl(input.url);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push(...error.details);
  }
  if (input.description !== undefined && input.description.length > 500) {
    problems.push({ field: 'description', message: 'must be text of at most 500 characters' });
  }
  if (parsed === null || problems.length > 0)
    throw new DomainError('VALIDATION.FAILED', 'invalid webhook endpoint', problems);
  const { url } = parsed;
  try {
    await resolveWebhookDestination(url, options);
  } catch (error) {
    if (error instanceof DomainError) {
      throw new DomainError('VALIDATION.FAILED', error.message, [{ field: 'url', message: error.message }]);
    }
    throw error;
  }
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const events = [...new Set(input.events)];
  const [row]: EndpointRow[] = await manager.query(
    `INSERT INTO webhook_endpoints (id, url, events, secret, description, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, url, events, description, created_at, disabled_at`,
    [id, url, events, secret, input.description ?? null, actor.id],
  );
  await appendAuditEvent(manager, {
    actor,
    action: 'webhook.endpoint_registered',
    subject: { type: 'webhook_endpoint', id },
    after: { url: row.url, events },
  });
  return { endpoint: endpointView(row), secret };
}

export async function listWebhookEndpoints(manager: EntityManager): Promise<WebhookEndpointView[]> {
  const rows: EndpointRow[] = await manager.query(
    `SELECT id, url, events, description, created_at, disabled_at FROM webhook_endpoints ORDER BY created_at, id`,
  );
  return rows.map(endpointView);
}

/** An admin disables an endpoint: nothing more is queued for it (pending deliveries still go out). */
export async function disableWebhookEndpoint(
  manager: EntityManager,
  id: string,
  actor: AuditActor,
  now: Date,
): Promise<WebhookEndpointView> {
  const [row] = returnedRows<EndpointRow>(
    await manager.query(
      `UPDATE webhook_endpoints SET disabled_at = COALESCE(disabled_at, $2) WHERE id = $1
       RETURNING id, url, events, description, created_at, disabled_at`,
      [id, now],
    ),
  );
  if (!row) throw new DomainError('WEBHOOK.NOT_FOUND', 'no such webhook endpoint');
  await appendAuditEvent(manager, {
    actor,
    action: 'webhook.endpoint_disabled',
    subject: { type: 'webhook_endpoint', id },
  });
  return endpointView(row);
}

/** The delivery log of an endpoint, newest first, each with its attempts. */
export async function listWebhookDeliveries(
  manager: EntityManager,
  endpointId: string,
  query: { limit: number; status?: WebhookDeliveryStatus },
): Promise<WebhookDeliveryView[]> {
  const [exists]: Pick<WebhookEndpointsRow, 'id'>[] = await manager.query(
    `SELECT id FROM webhook_endpoints WHERE id = $1`,
    [endpointId],
  );
  if (!exists) throw new DomainError('WEBHOOK.NOT_FOUND', 'no such webhook endpoint');
  const rows: Pick<
    WebhookDeliveriesRow,
    | 'id'
    | 'message_id'
    | 'event_seq'
    | 'event_type'
    | 'status'
    | 'attempts'
    | 'next_attempt_at'
    | 'last_status'
    | 'last_error'
    | 'delivered_at'
    | 'created_at'
  >[] = await manager.query(
    `SELECT id, message_id, event_seq, event_type, status, attempts, next_attempt_at, last_status, last_error,
            delivered_at, created_at
       FROM webhook_deliveries WHERE endpoint_id = $1 AND ($2::text IS NULL OR status = $2)
      ORDER BY event_seq DESC LIMIT $3`,
    [endpointId, query.status ?? null, query.limit],
  );
  const attempts: Omit<WebhookAttemptsRow, 'id'>[] = await manager.query(
    `SELECT delivery_id, attempted_at, outcome, status_code, error, address, duration_ms
       FROM webhook_attempts WHERE delivery_id = ANY($1) ORDER BY id`,
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => {
    const status = oneOf(WEBHOOK_DELIVERY_STATUSES, r.status, 'webhook_deliveries.status');
    return {
      id: r.id,
      messageId: r.message_id,
      eventSeq: Number(r.event_seq),
      eventType: r.event_type,
      status,
      attempts: r.attempts,
      nextAttemptAt: status === 'pending' ? iso(r.next_attempt_at) : null,
      lastStatus: r.last_status,
      lastError: r.last_error,
      deliveredAt: isoOrNull(r.delivered_at),
      createdAt: iso(r.created_at),
      log: attempts
        .filter((a) => a.delivery_id === r.id)
        .map((a) => ({
          attemptedAt: iso(a.attempted_at),
          outcome: a.outcome,
          statusCode: a.status_code,
          error: a.error,
          address: a.address,
          durationMs: a.duration_ms,
        })),
    };
  });
}

/**
 * Manual redelivery: the delivery (delivered or dead-lettered) goes out again now, with the same
 * `webhook-id`, and a new 24-hour retry window. A pending one answers `WEBHOOK.STATE_CONFLICT` (409).
 */
export async function redeliverWebhook(
  manager: EntityManager,
  endpointId: string,
  deliveryId: string,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  const [row]: Pick<WebhookDeliveriesRow, 'status'>[] = await manager.query(
    `SELECT status FROM webhook_deliveries WHERE id = $1 AND endpoint_id = $2 FOR UPDATE`,
    [deliveryId, endpointId],
  );
  if (!row) throw new DomainError('WEBHOOK.NOT_FOUND', 'no such delivery');
  if (row.status === 'pending')
    throw new DomainError('WEBHOOK.STATE_CONFLICT', 'the delivery is still pending');
  await manager.query(
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $2, first_attempt_at = NULL, attempts = 0,
            claimed_until = NULL WHERE id = $1`,
    [deliveryId, now],
  );
  await appendAuditEvent(manager, {
    actor,
    action: 'webhook.redelivery_requested',
    subject: { type: 'webhook_delivery', id: deliveryId },
    before: { status: row.status },
    after: { status: 'pending' },
    context: { endpointId },
  });
}
