import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { ConfigModule } from '@forge/config';
import { PersistenceModule, type Runtime } from '@forge/persistence';
import { QueueModule } from '@forge/queue';
import { ApplicationAccess } from './access/application-access.js';
import { ApplicationCommandRunner } from './applications/application-command.runner.js';
import { ApplicationCommands } from './applications/application-commands.js';
import { ApplicationQueries } from './applications/application-queries.js';
import { ApprovalQueries } from './approvals/approval-queries.js';
import { MakerChecker } from './approvals/maker-checker.js';
import { CommitteeCommands } from './committee/committee-commands.js';
import { DisbursementCommands } from './monitoring/disbursement-commands.js';
import { MonitoringCommands } from './monitoring/monitoring-commands.js';
import { MonitoringReads } from './monitoring/monitoring-reads.js';
import { WatchlistCommands } from './monitoring/watchlist-commands.js';
import { DocumentCommands } from './documents/document-commands.js';
import { DocumentFiles } from './documents/document-files.js';
import { ReviewCommands } from './review/review-commands.js';
import { MetricsCollectors } from './observability/metrics-collectors.js';
import { QueueOperatorAudit } from './operations/queue-operator-audit.js';
import { RiskAssessments } from './risk/risk-assessments.js';
import { RiskScoringJob } from './risk/risk-scoring.job.js';
import { SponsorViewQueries } from './sponsor/sponsor-view.queries.js';
import { ScreeningJob } from './screening/screening-job.js';
import { ReferenceData } from './reference/reference-data.js';
import { IdempotencyKeys } from './idempotency/idempotency-keys.js';
import { OwnNotifications } from './notifications/own-notifications.js';
import { WebhookAdmin } from './notifications/webhook-admin.js';
import { AccountAdminService } from './identity/account-admin.service.js';
import { SessionService } from './identity/session.service.js';
import { SecondFactorService } from './identity/second-factor.js';
import { Clock } from './clock.js';
import { PortfolioQueries } from './portfolio/portfolio-queries.js';
import { PortfolioGate } from './portfolio/portfolio-gate.js';
import { DisclosureCommands } from './portfolio/disclosure-commands.js';
import { PublicRegisterQueries } from './portfolio/public-register.queries.js';
import { CofinancingCommands } from './portfolio/cofinancing.js';
import { PortfolioPolicyCommands } from './portfolio/policy-commands.js';

/** Every use case, provided once per process (API and worker alike). A new use case is one line here. */
export const USE_CASES: Provider[] = [
  ApplicationCommandRunner,
  ApplicationAccess,
  ApplicationCommands,
  ApplicationQueries,
  MakerChecker,
  ApprovalQueries,
  ReviewCommands,
  CommitteeCommands,
  DocumentFiles,
  DocumentCommands,
  DisbursementCommands,
  RiskAssessments,
  RiskScoringJob,
  SponsorViewQueries,
  MonitoringReads,
  MonitoringCommands,
  WatchlistCommands,
  ScreeningJob,
  ReferenceData,
  IdempotencyKeys,
  WebhookAdmin,
  OwnNotifications,
  AccountAdminService,
  SessionService,
  SecondFactorService,
  MetricsCollectors,
  QueueOperatorAudit,
  Clock,
  PortfolioQueries,
  PortfolioGate,
  DisclosureCommands,
  PublicRegisterQueries,
  CofinancingCommands,
  PortfolioPolicyCommands,
];

/**
 * The application layer for one process: the configuration, the database (one DataSource), the queue backend
 * and every use case, available to all of the app's modules (global). Apps import this and nothing of
 * libs/persistence.
 */
@Module({})
export class ApplicationLayerModule {
  static forRoot(runtime: Runtime, applicationName: string): DynamicModule {
    return {
      module: ApplicationLayerModule,
      global: true,
      imports: [
        ConfigModule.forRoot(runtime.config),
        PersistenceModule.forRoot(runtime.databaseUrl, applicationName),
        QueueModule,
      ],
      providers: USE_CASES,
      exports: USE_CASES,
    };
  }
}
