import { Module } from '@nestjs/common';
import { RateLimitConnection } from './rate-limit.connection.js';

/** The global per-IP and per-user rate limit's Redis connection; auth/request-authentication.ts applies the limit. */
@Module({
  providers: [RateLimitConnection],
  exports: [RateLimitConnection],
})
export class RateLimitModule {}
