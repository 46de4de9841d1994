import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditCheckpointService, readAuditStatus } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';

/** How often the worker looks whether a verification is due (the run itself is every AUDIT_VERIFY_SECONDS). */
const MAX_TICK_MS = 10_000;

/**
 * Recomputes the whole trail every AUDIT_VERIFY_SECONDS (constant memory, `AuditCheckpointService.verify`) so
 * that an edit nobody asked about is found without an auditor calling `GET /audit/verify`: its verdict is
 * recorded for `/health/ready` and refuses checkpoints while the trail is invalid. Any worker may run it; the
 * recorded time of the last run (by anyone) decides whether one is due, so several workers rarely overlap (and
 * an overlap only costs a second read of the trail).
 */
@Injectable()
export class AuditVerifierScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditVerifier');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuditCheckpointService) private readonly checkpoints: AuditCheckpointService,
  ) {}

  onApplicationBootstrap(): void {
    const tickMs = Math.min(MAX_TICK_MS, this.config.audit.verifySeconds * 1000);
    this.timer = setInterval(() => void this.tick(), tickMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One check; returns whether a verification ran. */
  async tick(now = Date.now()): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    try {
      const last = await readAuditStatus(this.dataSource, 'verify');
      if (last !== null && now - Date.parse(last.at) < this.config.audit.verifySeconds * 1000) return false;
      const result = await this.checkpoints.verify();
      if (result.valid) this.logger.log(`trail verified: ${result.length} events`);
      return true;
    } catch (error) {
      this.logger.error(`trail verification failed to run: ${(error as Error).message}`);
      return false;
    } finally {
      this.running = false;
    }
  }
}
