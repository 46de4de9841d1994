import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SYSTEM_AUDIT_ACTOR } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DomainError } from '@forge/domain';
import { AccountAdminService } from '@forge/application';

/**
 * FORGE_BOOTSTRAP_ADMIN_EMAIL / _PASSWORD: creates this admin on start when no user has that email.
 * Idempotent and safe with several replicas starting at once (the insert is ON CONFLICT DO NOTHING); an
 * existing account is never changed (its password is not reset from the environment).
 */
@Injectable()
export class BootstrapAdminProvider implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AccountAdminService) private readonly accounts: AccountAdminService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.auth.bootstrapAdmin;
    if (!admin) return;
    try {
      const { user } = await this.accounts.createUser(
        {
          email: admin.email,
          password: admin.password,
          displayName: 'Bootstrap administrator',
          roles: ['admin'],
        },
        SYSTEM_AUDIT_ACTOR,
        { source: 'FORGE_BOOTSTRAP_ADMIN_EMAIL' },
      );
      this.logger.log(`bootstrap admin ${user.email} created (${user.id})`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') return; // already there
      throw error;
    }
  }
}
