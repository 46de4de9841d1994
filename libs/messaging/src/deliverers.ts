import { randomUUID } from 'node:crypto';
import {
  EMAIL_RETRY_POLICY,
  emailLocale,
  nextRetry,
  renderEmail,
  WEBHOOK_RETRY_POLICY,
  type EmailTemplateId,
  type RetryPolicy,
} from '@forge/domain';
import {
  returnedRows,
  type EmailMessagesRow,
  type WebhookDeliveriesRow,
  type WebhookEndpointsRow,
} from '@forge/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { SmtpMailer } from './smtp-mailer.js';
import { sendWebhook, type WebhookAttempt } from './webhook-sender.js';

/**
 * The two outboxes: rows in `email_messages` and `webhook_deliveries` are claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease (`claimed_until`), sent outside any transaction, and their
 * outcome recorded. A worker killed mid-send leaves the row claimed until the lease runs out, then
 * another worker sends it again with the same Message-ID / `webhook-id` (at least once). The clock
 * is an argument (`now`), so tests move time instead of sleeping.
 */
export interface DelivererOptions {
  batchSize: number;
  /** How long a claimed row is held before another worker may take it. */
  leaseMs: number;
  policy: RetryPolicy;
}

const SENSITIVE_TEMPLATES: readonly string[] = ['password_reset'];

/** Queues an email in the caller's transaction (e.g. a password reset); `dedupeKey` makes a retry a no-op. */
export async function queueEmail(
  manager: EntityManager,
  email: {
    userId: string | null;
    to: string;
    locale: string | null;
    template: EmailTemplateId;
    params: Record<string, string>;
    dedupeKey: string;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO email_messages (id, user_id, to_address, locale, template, params, dedupe_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
    [
      randomUUID(),
      email.userId,
      email.to,
      emailLocale(email.locale),
      email.template,
      JSON.stringify(email.params),
      email.dedupeKey,
    ],
  );
}

/** A claimed email: its template as the notification dispatcher queued it. */
type EmailRow = Pick<
  EmailMessagesRow,
  'id' | 'to_address' | 'locale' | 'params' | 'attempts' | 'first_attempt_at'
> & {
  template: EmailTemplateId;
};

export class EmailDeliverer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: SmtpMailer,
    private readonly options: DelivererOptions & { publicBaseUrl: string; messageIdDomain: string } = {
      batchSize: 20,
      leaseMs: 60_000,
      policy: EMAIL_RETRY_POLICY,
      publicBaseUrl: 'http://127.0.0.1:3000',
      messageIdDomain: 'forge.invalid',
    },
  ) {}

  /** Sends what is due at `now`; returns how many rows were attempted. */
  async deliverDue(now: Date = new Date()): Promise<number> {
    const claimed = returnedRows<EmailRow>(
      await this.dataSource.query(
        `UPDATE email_messages SET claimed_until = $1::timestamptz + make_interval(secs => $2::double precision / 1000)
        WHERE id IN (SELECT id FROM email_messages
                      WHERE status = 'pending' AND next_attempt_at <= $1
                        AND (claimed_until IS NULL OR claimed_until < $1)
                      ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING id, to_address, locale, template, params, attempts, first_attempt_at`,
        [now, this.options.leaseMs, this.options.batchSize],
      ),
    );
    for (const row of claimed) await this.deliverOne(row, now);
    return claimed.length;
  }

  private async deliverOne(row: EmailRow, now: Date): Promise<void> {
    const firstAttemptAt = row.first_attempt_at ?? now;
    try {
      const link = row.params.path
        ? `${this.options.publicBaseUrl.replace(/\/$/, '')}${row.params.path}`
        : this.options.publicBaseUrl;
      const email = renderEmail(row.template, row.locale, { ...row.params, link });
      await this.mailer.send({
        to: row.to_address,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: `<email-${row.id}@${this.options.messageIdDomain}>`,
        language: email.locale,
      });
      await this.dataSource.query(
        `UPDATE email_messages SET status = 'sent', sent_at = $2, attempts = attempts + 1, first_attempt_at = $3,
                claimed_until = NULL, last_error = NULL,
                params = CASE WHEN template = ANY($4) THEN '{}'::jsonb ELSE params END
          WHERE id = $1`,
        [row.id, now, firstAttemptAt, SENSITIVE_TEMPLATES],
      );
    } catch (error) {
      const failures = row.attempts + 1;
      const next = nextRetry(firstAttemptAt.getTime(), now.getTime(), failures, this.options.policy);
      await this.dataSource.query(
        `UPDATE email_messages SET attempts = $2, first_attempt_at = $3, claimed_until = NULL, last_error = $4,
                status = $5, next_attempt_at = $6 WHERE id = $1`,
        [
          row.id,
          failures,
          firstAttemptAt,
          (error as Error).message.slice(0, 2000),
          'deadLetter' in next ? 'dead' : 'pending',
          'deadLetter' in next ? now : new Date(next.retryAtMs),
        ],
      );
    }
  }
}

/** A claimed delivery with its endpoint's URL and secret. */
type DeliveryRow = Pick<
  WebhookDeliveriesRow,
  'id' | 'message_id' | 'payload' | 'attempts' | 'first_attempt_at'
> &
  Pick<WebhookEndpointsRow, 'url' | 'secret'>;

export interface WebhookDelivererOptions extends DelivererOptions {
  allowPrivate: boolean;
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_DELIVERER_OPTIONS: WebhookDelivererOptions = {
  batchSize: 20,
  leaseMs: 60_000,
  policy: WEBHOOK_RETRY_POLICY,
  allowPrivate: false,
  timeoutMs: 10_000,
};

export class WebhookDeliverer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: WebhookDelivererOptions = DEFAULT_WEBHOOK_DELIVERER_OPTIONS,
  ) {}

  /** Attempts every delivery due at `now`; returns how many were attempted. */
  async deliverDue(now: Date = new Date()): Promise<number> {
    const claimed = returnedRows<DeliveryRow>(
      await this.dataSource.query(
        `UPDATE webhook_deliveries d SET claimed_until = $1::timestamptz + make_interval(secs => $2::double precision / 1000)
         FROM webhook_endpoints e
        WHERE e.id = d.endpoint_id
          AND d.id IN (SELECT id FROM webhook_deliveries
                        WHERE status = 'pending' AND next_attempt_at <= $1
                          AND (claimed_until IS NULL OR claimed_until < $1)
                        ORDER BY next_attempt_at, event_seq LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.message_id, d.payload, d.attempts, d.first_attempt_at, e.url, e.secret`,
        [now, this.options.leaseMs, this.options.batchSize],
      ),
    );
    await Promise.all(claimed.map((row) => this.deliverOne(row, now)));
    return claimed.length;
  }

  private async deliverOne(row: DeliveryRow, now: Date): Promise<void> {
    const firstAttemptAt = row.first_attempt_at ?? now;
    const attempt: WebhookAttempt = await sendWebhook(
      {
        url: row.url,
        secret: row.secret,
        messageId: row.message_id,
        // Signed with the wall-clock time of the attempt: receivers refuse timestamps far from theirs.
        timestamp: new Date(),
        payload: JSON.stringify(row.payload),
      },
      { allowPrivate: this.options.allowPrivate, timeoutMs: this.options.timeoutMs },
    );
    const failures = row.attempts + 1;
    const next =
      attempt.outcome === 'delivered'
        ? null
        : nextRetry(firstAttemptAt.getTime(), now.getTime(), failures, this.options.policy);
    const status = next === null ? 'delivered' : 'deadLetter' in next ? 'dead' : 'pending';
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO webhook_attempts (delivery_id, attempted_at, outcome, status_code, error, address, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          row.id,
          now,
          attempt.outcome,
          attempt.status,
          attempt.error?.slice(0, 2000) ?? null,
          attempt.address,
          attempt.durationMs,
        ],
      );
      await manager.query(
        `UPDATE webhook_deliveries SET attempts = $2, first_attempt_at = $3, claimed_until = NULL, status = $4,
                last_status = $5, last_error = $6, next_attempt_at = $7, delivered_at = $8 WHERE id = $1`,
        [
          row.id,
          failures,
          firstAttemptAt,
          status,
          attempt.status,
          attempt.error?.slice(0, 2000) ?? null,
          next !== null && 'retryAtMs' in next ? new Date(next.retryAtMs) : now,
          status === 'delivered' ? now : null,
        ],
      );
    });
  }
}
