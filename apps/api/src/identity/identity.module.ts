import { Module } from '@nestjs/common';
import { ACCESS_TOKENS, IdentityService } from '@forge/application';
import { TokenService } from '../auth/token.service.js';
import { AdminController } from './admin.controller.js';
import { AuthController } from './auth.controller.js';
import { BootstrapAdminProvider } from './bootstrap-admin.provider.js';
import { OidcController } from './oidc.controller.js';
import { OidcService } from './oidc.service.js';
import { SecondFactorController } from './second-factor.controller.js';
import { SessionController } from './session.controller.js';

/** Users, organisations, sign-in (tokens and console sessions), administration. AuthModule is global. */
@Module({
  controllers: [AuthController, SessionController, AdminController, SecondFactorController, OidcController],
  providers: [
    IdentityService,
    BootstrapAdminProvider,
    OidcService,
    // Sign-in (libs/application) issues bearer tokens through the API's JWT service.
    { provide: ACCESS_TOKENS, useExisting: TokenService },
  ],
})
export class IdentityModule {}
