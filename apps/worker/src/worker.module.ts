import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { ApplicationLayerModule, type Runtime } from '@forge/application';
import { CommitteeDeadlineProcessor } from './committee/committee-deadline.processor.js';
import { DocumentsSweeper } from './maintenance/documents-sweeper.js';
import { IdempotencyKeysSweeper } from './maintenance/idempotency-keys-sweeper.js';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { AuditCheckpointWorkerModule } from './processors/audit-checkpoint.module.js';
import { RiskScoringWorkerModule } from './processors/risk-scoring-worker.module.js';
import { ScreeningWorkerModule } from './processors/screening-worker.module.js';

/** Processors register here (one line each); each binds one queue to its use case. */
const PROCESSORS: Provider[] = [CommitteeDeadlineProcessor];
/** Modules the processors need (services shared with nothing else live in the worker app). */
const WORKER_FEATURE_MODULES: NonNullable<DynamicModule['imports']> = [
  AuditCheckpointWorkerModule,
  ScreeningWorkerModule,
  RiskScoringWorkerModule,
  NotificationsWorkerModule,
];

@Module({})
export class WorkerModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ApplicationLayerModule.forRoot(runtime, 'forge-worker'), ...WORKER_FEATURE_MODULES],
      providers: [OutboxRelayService, IdempotencyKeysSweeper, DocumentsSweeper, ...PROCESSORS],
    };
  }
}
