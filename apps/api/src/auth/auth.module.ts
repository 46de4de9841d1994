import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module.js';
import { AccountStateCache } from './account-state.cache.js';
import { AuthGuard } from './auth.guard.js';
import { Authenticator } from './authenticator.js';
import { TokenService } from './token.service.js';

/**
 * Authentication, once: the token service, the Authenticator (bearer or cookie, checked against the user's
 * current row, through the application layer's SessionService and AccountAdminService, the latter behind the
 * per-process AccountStateCache) and the global guard.
 * Global, so no feature module provides its own copy.
 */
@Global()
@Module({
  imports: [RateLimitModule],
  providers: [TokenService, AccountStateCache, Authenticator, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, AccountStateCache, Authenticator, RateLimitModule],
})
export class AuthModule {}
