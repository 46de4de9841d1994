import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, DATABASE_URL } from '@forge/config';
import { QueueBackend } from './queue-backend.js';

/** The process's QueueBackend (Redis or PostgreSQL, chosen by configuration). */
@Global()
@Module({
  providers: [
    {
      provide: QueueBackend,
      inject: [APP_CONFIG, DATABASE_URL],
      useFactory: (config: AppConfig, databaseUrl: string) =>
        new QueueBackend({
          backend: config.queue.backend,
          redisUrl: config.queue.redisUrl,
          databaseUrl,
          prefix: config.queue.prefix,
        }),
    },
  ],
  exports: [QueueBackend],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(QueueBackend) private readonly queues: QueueBackend) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
  }
}
