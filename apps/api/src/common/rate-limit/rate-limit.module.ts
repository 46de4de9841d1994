import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TokenService } from '../../auth/token.service.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RateLimitStorage } from './rate-limit.storage.js';

/** The global per-IP and per-user rate limit (a global guard). Imported once, by IdentityModule. */
@Module({
  providers: [TokenService, RateLimitStorage, { provide: APP_GUARD, useClass: RateLimitGuard }],
  exports: [RateLimitStorage],
})
export class RateLimitModule {}
