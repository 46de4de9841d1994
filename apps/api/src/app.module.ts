import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ApplicationLayerModule, type Runtime } from '@forge/application';
import { AuthModule } from './auth/auth.module.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './health/metrics.controller.js';
import { IdentityModule } from './identity/identity.module.js';
import { AuditApiModule } from './audit/audit.module.js';
import { ApplicationsModule } from './applications/applications.module.js';
import { MonitoringModule } from './monitoring/monitoring.module.js';
import { PortfolioModule } from './portfolio/portfolio.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { RiskModule } from './risk/risk.module.js';

/** Feature modules register here (one line each). */
const FEATURE_MODULES: NonNullable<DynamicModule['imports']> = [
  IdentityModule,
  AuditApiModule,
  ApplicationsModule,
  ReferenceModule,
  RiskModule,
  NotificationsModule,
  MonitoringModule,
  PortfolioModule,
];

@Module({})
export class ApiModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ApplicationLayerModule.forRoot(runtime, 'forge-api'),
        TerminusModule,
        AuthModule,
        ...FEATURE_MODULES,
      ],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
