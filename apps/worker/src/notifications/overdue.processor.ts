import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DeadlineSweep } from '@forge/messaging';
import { QUEUE_NAMES, QueueBackend, workerTuning } from '@forge/queue';

export const OVERDUE_SCHEDULER_ID = 'overdue-sweep';

/**
 * The overdue job: a BullMQ job scheduler (one schedule, whatever the number of workers: upserting it is
 * idempotent) puts a job on the `deadlines` queue every OVERDUE_JOB_EVERY_MS; the processor records what fell
 * overdue or escalates (each level once, see DeadlineSweep), so a retried or duplicated job records nothing twice.
 */
@Injectable()
export class OverdueProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('OverdueProcessor');
  private readonly sweep: DeadlineSweep;

  constructor(
    @Inject(QueueBackend) private readonly queues: QueueBackend,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) dataSource: DataSource,
  ) {
    this.sweep = new DeadlineSweep(dataSource, {
      policy: config.deadlines.policy,
      amrDueMonthDay: config.deadlines.amrDueMonthDay,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.queues.worker(
      QUEUE_NAMES.deadlines,
      (job) => this.process(job),
      workerTuning(this.config.queue, { concurrency: 1 }),
    );
    try {
      await this.queues
        .queue(QUEUE_NAMES.deadlines)
        .upsertJobScheduler(
          OVERDUE_SCHEDULER_ID,
          { every: this.config.deadlines.overdueEveryMs },
          { name: 'overdue' },
        );
    } catch (error) {
      // The queue backend may be away at start: the next worker start (or restart) upserts it again.
      this.logger.warn(`could not schedule the overdue job: ${(error as Error).message}`);
    }
  }

  async process(job: Pick<Job, 'id'>): Promise<{ recorded: number }> {
    const steps = await this.sweep.run(new Date(), job.id ?? null);
    if (steps.length > 0) this.logger.log(`overdue job ${job.id}: ${steps.length} step(s) recorded`);
    return { recorded: steps.length };
  }
}
