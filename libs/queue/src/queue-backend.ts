import {
  createPostgresBackend,
  runMigrations as runQueueSchemaMigrations,
  type Job,
  type JobsOptions,
  Queue,
  type Processor,
  Worker,
  type WorkerOptions,
  withBackend,
} from 'bullmq';
import { Logger } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { contextFromCarrier, inSpan, observeJob, SpanKind } from '@forge/observability';
import { BackoffPool } from './postgres-pool.js';

export interface QueueBackendOptions {
  backend: 'redis' | 'postgres';
  redisUrl?: string;
  databaseUrl: string;
  prefix: string;
  /** Where connection errors are reported (default: a Nest logger named QueueBackend, as warnings). */
  logger?: Pick<Logger, 'warn'>;
}

/** BullMQ's tables live in this schema of the application's database. */
const QUEUE_SCHEMA = 'bullmq';

/** A repeated error (the same source and message) is reported once per this window, with the count. */
export const ERROR_REPORT_WINDOW_MS = 60_000;

/**
 * Reports the 'error' events of queues, workers and the ping client: each distinct error once, then at most
 * once a window with how many were not repeated (a lost Redis emits one per reconnect attempt). Listening is
 * required either way: an 'error' event without a listener crashes the process.
 */
export class QueueErrorReporter {
  private readonly seen = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly now: () => number = Date.now,
  ) {}

  report(source: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${source}\u0000${message}`;
    const previous = this.seen.get(key);
    const now = this.now();
    if (previous && now - previous.at < ERROR_REPORT_WINDOW_MS) {
      previous.suppressed += 1;
      return;
    }
    const repeated = previous?.suppressed ? ` (${previous.suppressed} more since the last report)` : '';
    this.seen.set(key, { at: now, suppressed: 0 });
    this.logger.warn(`${source}: ${message}${repeated}`);
  }
}

export interface WorkerTuning {
  concurrency?: number;
  lockDuration?: number;
  stalledInterval?: number;
  maxStalledCount?: number;
}

/** The worker tuning the configuration asks for (WORKER_CONCURRENCY, WORKER_LOCK_DURATION_MS, …). */
export function workerTuning(
  queue: { concurrency: number; lockDurationMs: number; stalledIntervalMs: number; maxStalledCount: number },
  overrides: WorkerTuning = {},
): WorkerTuning {
  return {
    concurrency: queue.concurrency,
    lockDuration: queue.lockDurationMs,
    stalledInterval: queue.stalledIntervalMs,
    // Processors are idempotent, so a job whose worker died may safely run again; BullMQ's default (1) fails a
    // job the second time its worker dies under it, which a crash-looping deployment must not turn into loss.
    maxStalledCount: queue.maxStalledCount,
    ...overrides,
  };
}

/** Retries with exponential backoff for transient failures; completed jobs are kept a while so ids deduplicate. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

export function redisConnectionOptions(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers block on Redis; ioredis must retry forever rather than fail their commands.
    maxRetriesPerRequest: null,
  };
}

/**
 * The one place that knows which BullMQ backend runs: Redis (ioredis) or BullMQ 6's PostgreSQL backend
 * in the application's own database (schema `bullmq`). Everything else asks this class for queues and workers.
 */
export class QueueBackend {
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private pingClient?: Redis;
  private readonly classes;
  private readonly connection: unknown;
  private readonly logger: Pick<Logger, 'warn'>;
  private readonly errors: QueueErrorReporter;
  /** The pools of the PostgreSQL backend, one per queue and worker (BullMQ does not end a pool it was given). */
  private readonly pools: BackoffPool[] = [];
  /** BullMQ's schema migrations, once for all the pools (forgotten when they fail, so a later client retries). */
  private schemaReady: Promise<void> | undefined;

  constructor(readonly options: QueueBackendOptions) {
    this.logger = options.logger ?? new Logger('QueueBackend');
    this.errors = new QueueErrorReporter(this.logger);
    if (options.backend === 'redis') {
      if (!options.redisUrl) throw new Error('REDIS_URL is required for the redis queue backend');
      this.classes = { Queue, Worker };
      this.connection = redisConnectionOptions(options.redisUrl);
    } else {
      this.classes = withBackend(createPostgresBackend) as unknown as {
        Queue: typeof Queue;
        Worker: typeof Worker;
      };
      this.connection = undefined;
    }
  }

  /**
   * What a queue or worker connects with: Redis options, or (PostgreSQL) a pool of its own whose connections back
   * off when the server has no slot left (`BackoffPool`), and whose first client applies BullMQ's schema
   * migrations (under BullMQ's advisory lock), once per backend.
   */
  private connectionFor(name: string): unknown {
    if (this.options.backend === 'redis') return this.connection;
    const pool = new BackoffPool(
      {
        connectionString: this.options.databaseUrl,
        max: 4,
        options: `-c search_path="${QUEUE_SCHEMA}"`,
      },
      {
        prepare: (client) =>
          (this.schemaReady ??= runQueueSchemaMigrations(client, QUEUE_SCHEMA).then(
            () => undefined,
            (error: unknown) => {
              this.schemaReady = undefined;
              throw error;
            },
          )),
        waiting: (attempt, delayMs, error) => {
          // Logged at the first refusal and then at each doubling of the streak: a few lines, not one per try.
          if ((attempt & (attempt - 1)) !== 0) return;
          this.logger.warn(
            `queue ${name}: ${error.message} (SQLSTATE 53300); connecting again in ${delayMs} ms (attempt ${attempt + 1})`,
          );
        },
      },
    );
    this.pools.push(pool);
    return pool;
  }

  get kind(): 'redis' | 'postgres' {
    return this.options.backend;
  }

  /** A shared producer-side Queue per name. */
  queue<T = unknown>(name: string): Queue<T> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new this.classes.Queue(name, {
        // Producers fail fast when Redis is away (the outbox keeps the job); only workers wait forever.
        connection: (this.options.backend === 'redis'
          ? { ...(this.connection as RedisOptions), enableOfflineQueue: false }
          : this.connectionFor(name)) as never,
        prefix: this.options.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      // Connection errors also surface through ping() and job failures; they are logged (rate-limited) here.
      queue.on('error', (error) => this.errors.report(`queue ${name}`, error));
      this.queues.set(name, queue);
    }
    return queue as Queue<T>;
  }

  worker<T = unknown, R = unknown>(
    name: string,
    processor: Processor<T, R>,
    tuning: WorkerTuning = {},
  ): Worker<T, R> {
    const options: WorkerOptions = {
      connection: this.connectionFor(name) as never,
      prefix: this.options.prefix,
      concurrency: tuning.concurrency ?? 1,
      autorun: true,
    };
    // BullMQ rejects explicit undefined for these: only pass what the caller tuned.
    if (tuning.lockDuration !== undefined) options.lockDuration = tuning.lockDuration;
    if (tuning.stalledInterval !== undefined) options.stalledInterval = tuning.stalledInterval;
    if (tuning.maxStalledCount !== undefined) options.maxStalledCount = tuning.maxStalledCount;
    const worker = new this.classes.Worker(name, traced(name, processor as Processor), options) as Worker<
      T,
      R
    >;
    worker.on('error', (error) => this.errors.report(`worker ${name}`, error));
    // Job wait and processing time per queue (/metrics).
    worker.on('completed', (job) => observeJob(name, 'completed', job));
    worker.on('failed', (job) => observeJob(name, 'failed', job));
    this.workers.push(worker as Worker);
    return worker;
  }

  /** Reachability of the backend, for /health/ready. Resolves false instead of hanging. */
  async ping(timeoutMs = 1500): Promise<boolean> {
    const attempt = async (): Promise<boolean> => {
      if (this.options.backend === 'redis') {
        if (!this.pingClient) {
          this.pingClient = new Redis({
            ...redisConnectionOptions(this.options.redisUrl!),
            maxRetriesPerRequest: 1,
            enableOfflineQueue: false,
            lazyConnect: true,
            retryStrategy: () => 500,
          });
          // Once, on creation (a listener per ping would pile up).
          this.pingClient.on('error', (error) => this.errors.report('health ping', error));
        }
        if (this.pingClient.status === 'wait') await this.pingClient.connect();
        return (await this.pingClient.ping()) === 'PONG';
      }
      const queue = this.queue('health');
      await queue.getJobCounts('waiting');
      return true;
    };
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        attempt(),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops workers first (they finish or hand back in-flight jobs), then producers. */
  async close(): Promise<void> {
    await Promise.allSettled(this.workers.map((worker) => worker.close()));
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    await Promise.allSettled(this.pools.splice(0).map((pool) => pool.end()));
    this.pingClient?.disconnect();
    this.workers.length = 0;
    this.queues.clear();
  }
}

/**
 * Runs each attempt in a `process <queue>` span whose parent is the trace context the outbox relay put in the
 * job's data (`traceContext`): the job continues the trace of the request that caused it. Without one (a job
 * queued untraced), the span starts a trace of its own.
 */
function traced(queue: string, processor: Processor): Processor {
  return (job, token, signal) =>
    inSpan(
      `process ${queue}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextFromCarrier((job.data as Record<string, unknown> | undefined)?.traceContext),
        attributes: {
          'messaging.system': 'bullmq',
          'messaging.operation.type': 'process',
          'messaging.destination.name': queue,
          'messaging.message.id': String(job.id),
          'forge.job.name': job.name,
          'forge.job.attempt': job.attemptsMade + 1,
        },
      },
      () => processor(job, token, signal),
    );
}

export type { Job };
