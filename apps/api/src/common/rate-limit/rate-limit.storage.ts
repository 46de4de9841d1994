import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  MemoryThrottlerStorage,
  RedisThrottlerStorage,
  type ThrottlerRecord,
  type ThrottlerStorageLike,
} from './redis-throttler.storage.js';

/**
 * The counters behind the global rate limit: Redis when REDIS_URL is configured (shared by every replica),
 * otherwise in process memory. If Redis does not answer, the request is let through and a warning logged:
 * a rate limiter must not take the API down with it.
 */
@Injectable()
export class RateLimitStorage implements ThrottlerStorageLike, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly memory = new MemoryThrottlerStorage();
  private readonly redis?: Redis;
  private readonly shared?: RedisThrottlerStorage;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.queue.redisUrl) {
      this.redis = new Redis(config.queue.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectionName: 'forge-api-rate-limit',
      });
      this.redis.on('error', (error: Error) => this.logger.warn(`Redis (rate limit): ${error.message}`));
      this.shared = new RedisThrottlerStorage(this.redis, config.queue.prefix);
    }
  }

  get kind(): 'redis' | 'memory' {
    return this.shared ? 'redis' : 'memory';
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    name: string,
  ): Promise<ThrottlerRecord> {
    if (!this.shared) return this.memory.increment(key, ttl, limit, blockDuration, name);
    try {
      return await this.shared.increment(key, ttl, limit, blockDuration, name);
    } catch (error) {
      this.logger.warn(`rate limit not applied, Redis unavailable: ${(error as Error).message}`);
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') {
      await this.redis.quit().catch(() => this.redis?.disconnect());
    }
  }
}
