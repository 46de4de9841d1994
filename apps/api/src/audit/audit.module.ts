import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditCheckpointService, loadAuditSigningKey } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { ApplicationAuditController } from './application-audit.controller.js';
import { AuditController } from './audit.controller.js';
import { AuditTrailService } from './audit-trail.service.js';

/** The decision trail routes: verify, events, export, checkpoints, proofs (issue: decision trail). */
@Module({
  controllers: [AuditController, ApplicationAuditController],
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
    AuditTrailService,
  ],
})
export class AuditApiModule {}
