import { Module } from '@nestjs/common';
import { TokenService } from '../../auth/token.service.js';
import { RateLimiter } from './rate-limiter.js';
import { RateLimitStorage } from './rate-limit.storage.js';

/** The global per-IP and per-user rate limit; `registerRateLimit(app)` (api.bootstrap.ts) wires it in. */
@Module({
  providers: [TokenService, RateLimitStorage, RateLimiter],
  exports: [RateLimiter],
})
export class RateLimitModule {}
