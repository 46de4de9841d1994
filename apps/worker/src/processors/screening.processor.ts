import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { ReferenceDataLoader, ScreeningJob, type ScreeningJobOutcome } from '@forge/application';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { DomainError } from '@forge/domain';
import { QUEUE_NAMES, QueueBackend, type ScreeningJobPayload, workerTuning } from '@forge/queue';

/** Codes of inputs that can never screen: retrying would not help. */
const UNRECOVERABLE_CODES = new Set([
  'APPLICATION.INVALID_OWNERSHIP',
  'SANCTIONS.INVALID_THRESHOLD',
  'CHECKS.INVALID_PARAMS',
]);

/** Binds the `screening` queue to the screening use case (libs/application `ScreeningJob`). */
@Injectable()
export class ScreeningProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('ScreeningProcessor');

  constructor(
    @Inject(QueueBackend) private readonly queues: QueueBackend,
    @Inject(ScreeningJob) private readonly screening: ScreeningJob,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ReferenceDataLoader) private readonly reference: ReferenceDataLoader,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reference.ensureLoaded();
    this.queues.worker<ScreeningJobPayload, ScreeningJobOutcome>(
      QUEUE_NAMES.screening,
      (job) => this.process(job),
      workerTuning(this.config.queue),
    );
  }

  async process(job: Pick<Job<ScreeningJobPayload>, 'id' | 'data'>): Promise<ScreeningJobOutcome> {
    try {
      const outcome = await this.screening.run(job.data, String(job.id));
      this.logger.debug?.(`screening job ${job.id}: ${JSON.stringify(outcome)}`);
      return outcome;
    } catch (error) {
      if (error instanceof DomainError && UNRECOVERABLE_CODES.has(error.code)) {
        this.logger.warn(`screening job ${job.id} cannot succeed: ${error.message}`);
        throw new UnrecoverableError(`${error.code}: ${error.message}`);
      }
      throw error;
    }
  }
}
