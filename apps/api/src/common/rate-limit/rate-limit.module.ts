import { Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter.js';
import { RateLimitStorage } from './rate-limit.storage.js';

/** The global per-IP and per-user rate limit; the request hook (auth/request-authentication.ts) applies it. */
@Module({
  providers: [RateLimitStorage, RateLimiter],
  exports: [RateLimiter],
})
export class RateLimitModule {}
