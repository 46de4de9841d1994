import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { RateLimitStorage } from './rate-limit.storage.js';

const WINDOW_MS = 60_000;

export interface RateLimitVerdict {
  limited: boolean;
  limit: number;
  remaining: number;
  /** Seconds (when limited). */
  retryAfter: number;
  scope: 'ip' | 'user';
}

/**
 * The global rate limit (api.md: "too many requests (per user and per IP) → 429 with Retry-After"):
 * RATE_LIMIT_PER_MINUTE requests per client IP (every request, with or without credentials) and per user
 * (requests whose credentials were verified, counted by the user id, so a forged token cannot spend somebody
 * else's allowance), across all routes, in fixed one-minute windows. The request hook
 * (auth/request-authentication.ts) counts the address first, then authenticates, then counts the user.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RateLimitStorage) private readonly storage: RateLimitStorage,
  ) {}

  async hit(scope: 'ip' | 'user', key: string): Promise<RateLimitVerdict> {
    const limit = this.config.rateLimit.perMinute;
    const hit = await this.storage.increment(key, WINDOW_MS, limit, WINDOW_MS, scope);
    if (hit.isBlocked)
      return { limited: true, limit, remaining: 0, retryAfter: hit.timeToBlockExpire, scope };
    return { limited: false, limit, remaining: Math.max(0, limit - hit.totalHits), retryAfter: 0, scope };
  }
}
