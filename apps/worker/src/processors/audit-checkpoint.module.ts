import { Module } from '@nestjs/common';
import { auditCheckpointServiceProvider } from '@forge/audit';
import { AuditCheckpointProcessor } from './audit-checkpoint.processor.js';
import { AuditCheckpointScheduler } from './audit-checkpoint.scheduler.js';

/** Signed Merkle checkpoints (issue: decision trail): the queue processor and the timer that feeds it. */
@Module({
  providers: [auditCheckpointServiceProvider, AuditCheckpointProcessor, AuditCheckpointScheduler],
})
export class AuditCheckpointWorkerModule {}
