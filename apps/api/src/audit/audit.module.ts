import { Module } from '@nestjs/common';
import { auditCheckpointServiceProvider } from '@forge/audit';
import { ApplicationAuditController } from './application-audit.controller.js';
import { AuditController } from './audit.controller.js';
import { AuditTrailService } from './audit-trail.service.js';

/** The decision trail routes: verify, events, export, checkpoints, proofs (issue: decision trail). */
@Module({
  controllers: [AuditController, ApplicationAuditController],
  providers: [auditCheckpointServiceProvider, AuditTrailService],
  // The health endpoint reports the trail's alarms.
  exports: [auditCheckpointServiceProvider],
})
export class AuditApiModule {}
