import { Module } from '@nestjs/common';
import { AdminController } from './admin.controller.js';
import { AuthController } from './auth.controller.js';
import { BootstrapAdminProvider } from './bootstrap-admin.provider.js';
import { IdentityService } from './identity.service.js';
import { SessionController } from './session.controller.js';

/** Users, organisations, sign-in (tokens and console sessions), administration. AuthModule is global. */
@Module({
  controllers: [AuthController, SessionController, AdminController],
  providers: [IdentityService, BootstrapAdminProvider],
})
export class IdentityModule {}
