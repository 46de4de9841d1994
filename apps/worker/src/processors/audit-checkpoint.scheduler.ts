import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkpointLag } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { addToOutbox, type AuditCheckpointJobPayload, deterministicJobId, QUEUE_NAMES } from '@forge/queue';

/** How often the cheap lag check runs (at most; never less often than AUDIT_CHECKPOINT_SECONDS). */
const MAX_TICK_MS = 1000;

/**
 * Asks for a checkpoint every AUDIT_CHECKPOINT_SECONDS, and as soon as AUDIT_CHECKPOINT_INTERVAL events
 * are not yet covered. Each tick is one cheap query (audit_head.seq against the latest checkpoint's
 * tree_size); when a checkpoint is due, a job is queued through the outbox with a job id derived from the
 * log size, so several workers asking for the same size produce one job.
 */
@Injectable()
export class AuditCheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpointScheduler');
  private timer?: NodeJS.Timeout;
  private running = false;
  private readonly startedAt = Date.now();
  /** The largest log size this process already queued a job for (no outbox row per tick). */
  private lastRequestedSize = -1;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const tickMs = Math.min(MAX_TICK_MS, this.config.audit.checkpointSeconds * 1000);
    this.timer = setInterval(() => void this.tick(), tickMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One check; returns whether a checkpoint job was queued. */
  async tick(now = Date.now()): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    try {
      const lag = await checkpointLag(this.dataSource);
      const pending = lag.logSize - (lag.checkpointSize ?? 0);
      if (pending <= 0 || lag.logSize <= this.lastRequestedSize) return false;
      const since = lag.checkpointAt?.getTime() ?? this.startedAt;
      const due =
        pending >= this.config.audit.checkpointEvents ||
        now - since >= this.config.audit.checkpointSeconds * 1000;
      if (!due) return false;
      const payload: AuditCheckpointJobPayload = { requestedBy: 'scheduler' };
      await this.dataSource.transaction((manager) =>
        addToOutbox(manager, {
          queue: QUEUE_NAMES.auditCheckpoint,
          jobName: 'checkpoint',
          jobId: deterministicJobId('audit-checkpoint', lag.logSize),
          payload,
        }),
      );
      this.lastRequestedSize = lag.logSize;
      return true;
    } catch (error) {
      this.logger.warn(`checkpoint check failed: ${(error as Error).message}`);
      return false;
    } finally {
      this.running = false;
    }
  }
}
