import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { AuditCheckpointRefusedError, AuditCheckpointService } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { type AuditCheckpointJobPayload, QUEUE_NAMES, QueueBackend, workerTuning } from '@forge/queue';

export interface AuditCheckpointJobOutcome {
  treeSize: number;
  rootHash: string;
  created: boolean;
}

/**
 * Binds the `audit-checkpoint` queue to the checkpoint service. Idempotent by construction: a run re-reads the
 * latest checkpoint and only appends what came after it; a second run with nothing new returns the same one.
 */
@Injectable()
export class AuditCheckpointProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditCheckpointProcessor');

  constructor(
    @Inject(QueueBackend) private readonly queues: QueueBackend,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuditCheckpointService) private readonly checkpoints: AuditCheckpointService,
  ) {}

  onApplicationBootstrap(): void {
    this.queues.worker<AuditCheckpointJobPayload, AuditCheckpointJobOutcome>(
      QUEUE_NAMES.auditCheckpoint,
      (job) => this.process(job),
      // Builders serialise on an advisory lock anyway: one at a time per process is plenty.
      workerTuning(this.config.queue, { concurrency: 1 }),
    );
  }

  async process(
    job: Pick<Job<AuditCheckpointJobPayload>, 'id' | 'data'>,
  ): Promise<AuditCheckpointJobOutcome> {
    try {
      const { checkpoint, created } = await this.checkpoints.checkpoint();
      if (created) this.logger.log(`checkpoint ${checkpoint.treeSize} signed (job ${job.id})`);
      return { treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, created };
    } catch (error) {
      if (error instanceof AuditCheckpointRefusedError) {
        // A refusal never heals by retrying: an operator must investigate (GET /audit/verify). The service has
        // already logged it as an error, recorded it for /health/ready and in the trail.
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
  }
}
