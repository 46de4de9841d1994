import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { ConfigModule } from '@forge/config';
import { PersistenceModule, type Runtime } from '@forge/persistence';
import { QueueModule } from '@forge/queue';
import { OutboxRelayService } from './outbox-relay.service.js';

/** Processors register here (one line each); each binds one queue to its use case. */
const PROCESSORS: Provider[] = [];
/** Modules the processors need (services shared with nothing else live in the worker app). */
const WORKER_FEATURE_MODULES: NonNullable<DynamicModule['imports']> = [];

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
      providers: [OutboxRelayService, ...PROCESSORS],
    };
  }
}
