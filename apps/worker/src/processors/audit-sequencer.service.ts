import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditSequencer } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';

/**
 * The decision trail's sequencer (issue 18.1; docs/audit.md, "Sequencing"): every worker runs the loop, and the
 * transaction-scoped advisory lock makes one of them place each batch, so when the leader dies (even mid-batch:
 * its transaction rolls back) another takes over within AUDIT_SEQUENCER_INTERVAL_MS. Stopped before the
 * database connection closes, after the batch in progress.
 */
@Injectable()
export class AuditSequencerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditSequencer');
  private readonly sequencer: AuditSequencer;

  constructor(@Inject(DataSource) dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.sequencer = new AuditSequencer(dataSource, {
      intervalMs: config.audit.sequencer.intervalMs,
      batchSize: config.audit.sequencer.batchSize,
      logger: this.logger,
    });
  }

  onApplicationBootstrap(): void {
    this.sequencer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sequencer.stop();
  }
}
