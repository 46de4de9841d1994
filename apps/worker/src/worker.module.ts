import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { ConfigModule } from '@forge/config';
import { PersistenceModule, type Runtime } from '@forge/persistence';
import { QueueModule } from '@forge/queue';
import { IdempotencyKeysSweeper } from './maintenance/idempotency-keys-sweeper.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { AuditCheckpointWorkerModule } from './processors/audit-checkpoint.module.js';
import { RiskScoringWorkerModule } from './processors/risk-scoring-worker.module.js';
import { ScreeningWorkerModule } from './processors/screening-worker.module.js';

/** Processors register here (one line each); each binds one queue to its use case. */
const PROCESSORS: Provider[] = [];
/** Modules the processors need (services shared with nothing else live in the worker app). */
const WORKER_FEATURE_MODULES: NonNullable<DynamicModule['imports']> = [
  AuditCheckpointWorkerModule,
  ScreeningWorkerModule,
  RiskScoringWorkerModule,
];

@Module({})
export class WorkerModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(runtime.config),
        PersistenceModule.forRoot(runtime.databaseUrl, 'forge-worker'),
        QueueModule,
        ...WORKER_FEATURE_MODULES,
      ],
      providers: [OutboxRelayService, IdempotencyKeysSweeper, ...PROCESSORS],
    };
  }
}
