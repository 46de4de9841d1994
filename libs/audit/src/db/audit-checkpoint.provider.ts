import { type FactoryProvider, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { AuditCheckpointService } from './audit-checkpoint.service.js';
import { loadAuditSigningKey } from './audit-signing-key.js';

/** The checkpoint service with its signing key, for the API (on-demand checkpoints) and the worker (timer). */
export const auditCheckpointServiceProvider: FactoryProvider<AuditCheckpointService> = {
  provide: AuditCheckpointService,
  inject: [DataSource, APP_CONFIG],
  useFactory: (dataSource: DataSource, config: AppConfig) =>
    new AuditCheckpointService(
      dataSource,
      loadAuditSigningKey({ signingKeyPem: config.audit.signingKeyPem, dataDir: config.dataDir }),
      {
        checkpointLogPath: config.audit.checkpointLogPath,
        witness: config.audit.witness,
        logger: new Logger('AuditCheckpoints'),
      },
    ),
};
