import { Module } from '@nestjs/common';
import { ACCESS_TOKENS, IdentityService } from '@forge/application';
import { TokenService } from '../auth/token.service.js';
import { AdminController } from './admin.controller.js';
import { AuthController } from './auth.controller.js';
import { BootstrapAdminProvider } from './bootstrap-admin.provider.js';
import { SecondFactorController } from './second-factor.controller.js';
import { SessionController } from './session.controller.js';

/** Users, organisations, sign-in (tokens and console sessions), administration. AuthModule is global. */
@Module({
  controllers: [AuthController, SessionController, AdminController, SecondFactorController],
  providers: [
    IdentityService,
    BootstrapAdminProvider,
    // Sign-in (libs/application) issues bearer tokens through the API's JWT service.
    { provide: ACCESS_TOKENS, useExisting: TokenService },
  ],
})
export class IdentityModule {}
