import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job } from 'bullmq';
import { CommitteeCommands, type DeadlineSweepResult } from '@forge/application';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { QUEUE_NAMES, QueueBackend, workerTuning } from '@forge/queue';

export const COMMITTEE_DEADLINE_SCHEDULER_ID = 'committee-deadline-sweep';

/**
 * The committee deadline job (pipeline.md "Investment committee"): a BullMQ job scheduler (one schedule whatever
 * the number of workers: upserting it is idempotent) puts a job on `committee-deadlines` every
 * COMMITTEE_DEADLINE_EVERY_MS; the processor closes every round that is past its deadline (or fully voted but
 * held back by a guard until now) through the committee's use case. Each close locks the application and issues
 * the domain's `committee_decided`, which refuses a closed round: a duplicated or retried job, or one racing the
 * last vote, records one decision.
 */
@Injectable()
export class CommitteeDeadlineProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('CommitteeDeadlineProcessor');

  constructor(
    @Inject(QueueBackend) private readonly queues: QueueBackend,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CommitteeCommands) private readonly committee: CommitteeCommands,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queues.worker(
      QUEUE_NAMES.committeeDeadlines,
      (job) => this.process(job),
      workerTuning(this.config.queue, { concurrency: 1 }),
    );
    try {
      await this.queues
        .queue(QUEUE_NAMES.committeeDeadlines)
        .upsertJobScheduler(
          COMMITTEE_DEADLINE_SCHEDULER_ID,
          { every: this.config.pipeline.committeeDeadlineEveryMs },
          { name: 'committee-deadline' },
        );
    } catch (error) {
      // The queue backend may be away at start: the next worker start upserts the schedule again.
      this.logger.warn(`could not schedule the committee deadline job: ${(error as Error).message}`);
    }
  }

  async process(job: Pick<Job, 'id'>): Promise<DeadlineSweepResult> {
    const result = await this.committee.closeDueRounds(new Date());
    if (result.closed > 0 || result.heldBack > 0) {
      this.logger.log(
        `committee deadline job ${job.id}: ${result.closed} closed, ${result.heldBack} held back`,
      );
    }
    return result;
  }
}
