import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@forge/config';

/**
 * The Redis connection behind the global rate limit when RATE_LIMIT_STORE is `redis` (the default with REDIS_URL:
 * counters shared by every API replica); none with `memory` (@fastify/rate-limit's LRU store in this process, for a
 * single replica). No offline queue and one retry: a rate-limit check must answer at once, and if Redis does not,
 * the request goes through (fail open, logged) rather than the API going down with Redis.
 */
@Injectable()
export class RateLimitConnection implements OnApplicationShutdown {
  readonly redis?: Redis;
  private readonly logger = new Logger('RateLimit');

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {
    if (config.rateLimit.store === 'redis' && config.queue.redisUrl) {
      this.redis = new Redis(config.queue.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectionName: 'forge-api-rate-limit',
        // Counts issued in the same tick (a request's address and user, and other requests') share one write.
        enableAutoPipelining: true,
      });
      this.redis.on('error', (error: Error) => this.logger.warn(`Redis (rate limit): ${error.message}`));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') {
      await this.redis.quit().catch(() => this.redis?.disconnect());
    }
  }
}
