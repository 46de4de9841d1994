import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, DATABASE_URL } from '@forge/config';
import { OutboxRelay, QueueBackend } from '@forge/queue';

/** Runs the outbox relay in every worker process (rows are claimed with SKIP LOCKED, so relays share). */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(QueueBackend) queues: QueueBackend,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DATABASE_URL) databaseUrl: string,
  ) {
    this.relay = new OutboxRelay(dataSource, queues, {
      pollIntervalMs: config.queue.outboxPollMs,
      databaseUrl,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
