import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { EmailDeliverer, NotificationDispatcher, SmtpMailer, WebhookDeliverer } from '@forge/messaging';

/**
 * Every NOTIFICATION_POLL_MS: the dispatcher turns new audit events into inbox items, emails and webhook
 * deliveries, then the two outboxes send what is due. Any number of workers may run it (the cursor and the
 * outbox rows are taken with SKIP LOCKED and leases); one pass at a time per process.
 */
@Injectable()
export class NotificationsLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationsLoop');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly dispatcher: NotificationDispatcher;
  private readonly webhooks: WebhookDeliverer;
  private readonly mailer: SmtpMailer | null;
  private readonly emails: EmailDeliverer | null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const n = config.notifications;
    this.dispatcher = new NotificationDispatcher(dataSource, {
      batchSize: 200,
      emailEnabled: Boolean(n.smtpUrl),
    });
    this.webhooks = new WebhookDeliverer(dataSource, {
      batchSize: 20,
      leaseMs: Math.max(n.leaseMs, n.webhooks.timeoutMs * 3),
      policy: n.webhooks.retry,
      allowPrivate: n.webhooks.allowPrivate,
      timeoutMs: n.webhooks.timeoutMs,
    });
    this.mailer = n.smtpUrl ? new SmtpMailer(n.smtpUrl, n.smtpFrom) : null;
    const host = new URL(n.publicUrl).hostname;
    this.emails = this.mailer
      ? new EmailDeliverer(dataSource, this.mailer, {
          batchSize: 20,
          leaseMs: n.leaseMs,
          policy: n.emailRetry,
          publicBaseUrl: n.publicUrl,
          messageIdDomain: host,
        })
      : null;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.notifications.pollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    this.mailer?.close();
  }

  /** One pass: dispatch, then deliver. Errors are logged with their step and retried next tick. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      for (const [step, run] of [
        ['dispatch', () => this.dispatcher.drain()],
        ['webhooks', () => this.webhooks.deliverDue(new Date())],
        ['emails', () => this.emails?.deliverDue(new Date()) ?? Promise.resolve(0)],
      ] as const) {
        try {
          await run();
        } catch (error) {
          this.logger.warn(`notifications ${step} failed (retried next tick): ${(error as Error).message}`);
        }
      }
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
