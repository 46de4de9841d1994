import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, UnrecoverableError, type Worker } from 'bullmq';
import { RiskScoringJob, type RiskScoringOutcome } from '@forge/application';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { QUEUE_NAMES, QueueBackend, type RiskScoringJobPayload, workerTuning } from '@forge/queue';

/**
 * Binds QUEUE_NAMES.riskScoring to the risk-scoring use case (libs/application `RiskScoringJob`). Payloads carry
 * ids only; the job re-reads the state. Unscorable input → UnrecoverableError (no retries, failure recorded);
 * other errors are retried with the default exponential backoff, and the final failure is recorded in
 * scoring_job_failures.
 */
@Injectable()
export class RiskScoringProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(RiskScoringProcessor.name);
  private worker?: Worker<RiskScoringJobPayload, RiskScoringOutcome>;

  constructor(
    @Inject(RiskScoringJob) private readonly scoring: RiskScoringJob,
    @Inject(QueueBackend) private readonly queues: QueueBackend,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The registry must hold the models before the first job (idempotent, advisory-locked).
    await this.scoring.registerModels();
    this.worker = this.queues.worker<RiskScoringJobPayload, RiskScoringOutcome>(
      QUEUE_NAMES.riskScoring,
      (job) => this.process(job),
      workerTuning(this.config.queue),
    );
    this.worker.on('failed', (job, error) => {
      if (!job || error instanceof UnrecoverableError) return;
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade < attempts) return;
      void this.recordFinalFailure(job, error).catch((recordError: unknown) =>
        this.logger.error(`could not record the failure of ${job.id}: ${String(recordError)}`),
      );
    });
  }

  async process(job: Job<RiskScoringJobPayload>): Promise<RiskScoringOutcome> {
    const outcome = await this.scoring.run({
      jobId: String(job.id),
      applicationId: job.data.applicationId,
      attempt: job.attemptsMade + 1,
    });
    if (outcome.status === 'unscorable') throw new UnrecoverableError(outcome.reason);
    return outcome;
  }

  private async recordFinalFailure(job: Job<RiskScoringJobPayload>, error: Error): Promise<void> {
    await this.scoring.recordFailure({
      jobId: String(job.id),
      applicationId: job.data.applicationId,
      reason: `${error.name}: ${error.message}`,
      attempts: job.attemptsMade,
    });
  }
}
