import { Module } from '@nestjs/common';
import { auditCheckpointServiceProvider } from '@forge/audit';
import { AuditCheckpointProcessor } from './audit-checkpoint.processor.js';
import { AuditCheckpointScheduler } from './audit-checkpoint.scheduler.js';
import { AuditVerifierScheduler } from './audit-verifier.scheduler.js';

/** Signed Merkle checkpoints (issue: decision trail): the queue processor, the timer that feeds it, and the periodic verification. */
@Module({
  providers: [
    auditCheckpointServiceProvider,
    AuditCheckpointProcessor,
    AuditCheckpointScheduler,
    AuditVerifierScheduler,
  ],
})
export class AuditCheckpointWorkerModule {}
