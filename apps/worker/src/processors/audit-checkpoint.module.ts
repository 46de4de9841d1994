import { Module } from '@nestjs/common';
import { auditCheckpointServiceProvider } from '@forge/audit';
import { AuditCheckpointProcessor } from './audit-checkpoint.processor.js';
import { AuditCheckpointScheduler } from './audit-checkpoint.scheduler.js';
import { AuditSequencerService } from './audit-sequencer.service.js';
import { AuditVerifierScheduler } from './audit-verifier.scheduler.js';

/**
 * The decision trail in the worker: the sequencer that places committed events in the chain, signed Merkle
 * checkpoints (the queue processor and the timer that feeds it), and the periodic verification.
 */
@Module({
  providers: [
    auditCheckpointServiceProvider,
    AuditCheckpointProcessor,
    AuditCheckpointScheduler,
    AuditVerifierScheduler,
    AuditSequencerService,
  ],
})
export class AuditCheckpointWorkerModule {}
