import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditCheckpointService, loadAuditSigningKey } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { AuditCheckpointProcessor } from './audit-checkpoint.processor.js';
import { AuditCheckpointScheduler } from './audit-checkpoint.scheduler.js';

/** Signed Merkle checkpoints (issue: decision trail): the queue processor and the timer that feeds it. */
@Module({
  providers: [
    {
      provide: AuditCheckpointService,
      inject: [DataSource, APP_CONFIG],
      useFactory: (dataSource: DataSource, config: AppConfig) =>
        new AuditCheckpointService(
          dataSource,
          loadAuditSigningKey({ signingKeyPem: config.audit.signingKeyPem, dataDir: config.dataDir }),
        ),
    },
    AuditCheckpointProcessor,
    AuditCheckpointScheduler,
  ],
})
export class AuditCheckpointWorkerModule {}
