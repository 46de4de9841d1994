import { Module } from '@nestjs/common';
import { TokenService } from '../auth/token.service.js';
import { RateLimitModule } from '../common/rate-limit/rate-limit.module.js';
import { AdminController } from './admin.controller.js';
import { AuthController } from './auth.controller.js';
import { BootstrapAdminProvider } from './bootstrap-admin.provider.js';
import { IdentityService } from './identity.service.js';

/** Users, organisations, tokens, administration (issue: identity and access), and the global rate limit. */
@Module({
  imports: [RateLimitModule],
  controllers: [AuthController, AdminController],
  providers: [TokenService, IdentityService, BootstrapAdminProvider],
})
export class IdentityModule {}
