import pg from 'pg';
import { type DataSource, type EntityManager } from 'typeorm';
import { contextFromCarrier, currentTraceCarrier, inSpan, SpanKind } from '@forge/observability';
import type { OutboxRow } from '@forge/persistence';
import { Logger } from '@nestjs/common';
import { type QueueBackend, QueueErrorReporter } from './queue-backend.js';

export interface OutboxMessage {
  queue: string;
  jobName: string;
  /** Deterministic: the same logical job always gets the same id (see deterministicJobId). */
  jobId: string;
  payload: object;
}

const NOTIFY_CHANNEL = 'forge_outbox';

/** The key of a job's data that carries the W3C trace context of the span that queued it (docs/operations.md). */
export const TRACE_CONTEXT_KEY = 'traceContext';

/**
 * Writes outbox rows inside the caller's transaction: the job exists if and only if the command committed.
 * The NOTIFY is delivered on commit only, so the relay wakes up without polling delay. Each row keeps the
 * active span's W3C trace context (the HTTP request's command, when traced), so the job continues its trace.
 */
export async function addToOutbox(
  manager: EntityManager,
  messages: OutboxMessage | OutboxMessage[],
): Promise<void> {
  const list = Array.isArray(messages) ? messages : [messages];
  if (list.length === 0) return;
  const carrier = currentTraceCarrier();
  const traceContext = carrier ? JSON.stringify(carrier) : null;
  const values: unknown[] = [];
  const rows = list.map((message, index) => {
    values.push(message.queue, message.jobName, message.jobId, JSON.stringify(message.payload), traceContext);
    const base = index * 5;
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::jsonb, $${base + 5}::jsonb)`;
  });
  // The rows and the NOTIFY in one statement (one round trip in the command's transaction, issue 18.4).
  await manager.query(
    `WITH queued AS (
       INSERT INTO outbox (queue, job_name, job_id, payload, trace_context) VALUES ${rows.join(', ')} RETURNING 1)
     SELECT pg_notify('${NOTIFY_CHANNEL}', '')`,
    values,
  );
}

export interface RelayResult {
  sent: number;
  failed: number;
}

/** A row the relay hands to BullMQ. */
type RelayRow = Pick<OutboxRow, 'id' | 'queue' | 'job_name' | 'job_id' | 'payload' | 'trace_context'>;

/**
 * Moves committed outbox rows to BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED so any number of
 * relays (one per worker process) share the work; a row is marked sent only after BullMQ accepted the job.
 * A crash between the two re-sends the row later with the same jobId, which BullMQ deduplicates, and the
 * processors are idempotent for the case where the first job already completed and was cleaned up.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private listener?: pg.Client;
  private readonly errors: QueueErrorReporter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueBackend,
    private readonly options: {
      batchSize?: number;
      pollIntervalMs?: number;
      databaseUrl?: string;
      /** Where a failed batch or a lost LISTEN connection is reported (default: a Nest logger named OutboxRelay). */
      logger?: Pick<Logger, 'warn'>;
    } = {},
  ) {
    this.errors = new QueueErrorReporter(options.logger ?? new Logger('OutboxRelay'));
  }

  /** Relays one batch; returns how many rows were sent. Used by the loop and directly by tests. */
  async relayOnce(): Promise<RelayResult> {
    const batchSize = this.options.batchSize ?? 200;
    return this.dataSource.transaction(async (manager) => {
      const rows: RelayRow[] = await manager.query(
        `SELECT id, queue, job_name, job_id, payload, trace_context FROM outbox
          WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      const sentIds: string[] = [];
      let failed = 0;
      for (const row of rows) {
        try {
          await this.send(row);
          sentIds.push(row.id);
        } catch (error) {
          failed += 1;
          await manager.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
            row.id,
            String((error as Error).message).slice(0, 500),
          ]);
          // The backend is likely down: stop this batch, keep order, try again on the next tick.
          break;
        }
      }
      if (sentIds.length > 0) {
        await manager.query(
          `UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`,
          [sentIds],
        );
      }
      return { sent: sentIds.length, failed };
    });
  }

  /**
   * Hands one row to BullMQ in a `send <queue>` span, child of the trace context stored with the row (a root span
   * when the row has none); that span's context travels in the job's data under `traceContext`, so the worker's
   * `process <queue>` span continues the trace.
   */
  private send(row: RelayRow): Promise<unknown> {
    return inSpan(
      `send ${row.queue}`,
      {
        kind: SpanKind.PRODUCER,
        parent: contextFromCarrier(row.trace_context),
        attributes: {
          'messaging.system': 'bullmq',
          'messaging.operation.type': 'send',
          'messaging.destination.name': row.queue,
          'messaging.message.id': row.job_id,
          'forge.job.name': row.job_name,
          'forge.outbox.id': row.id,
        },
      },
      async () => {
        const carrier = currentTraceCarrier();
        const data = carrier ? { ...row.payload, [TRACE_CONTEXT_KEY]: carrier } : row.payload;
        return this.queues.queue(row.queue).add(row.job_name, data, { jobId: row.job_id });
      },
    );
  }

  /** Relays until nothing is left (tests and the demo use it to flush). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { sent, failed } = await this.relayOnce();
      total += sent;
      if (sent === 0 || failed > 0) return total;
    }
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (this.options.databaseUrl) await this.listen(this.options.databaseUrl);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => {});
    this.listener = undefined;
  }

  private async listen(databaseUrl: string): Promise<void> {
    try {
      const client = new pg.Client({ connectionString: databaseUrl });
      client.on('error', (error) => {
        // A lost LISTEN connection only costs latency: polling continues.
        this.errors.report('outbox LISTEN', error);
        this.listener = undefined;
      });
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      client.on('notification', () => this.wake?.());
      this.listener = client;
    } catch (error) {
      this.errors.report('outbox LISTEN', error);
      this.listener = undefined;
    }
  }

  private async run(): Promise<void> {
    const idleMs = this.options.pollIntervalMs ?? 200;
    let backoffMs = idleMs;
    while (this.running) {
      const outcome = await this.relayOnce().catch((error: unknown) => {
        // The database is away or the batch failed: reported (rate-limited), tried again after the backoff.
        this.errors.report('outbox relay', error);
        return { sent: 0, failed: 1 };
      });
      backoffMs = outcome.failed > 0 ? Math.min(backoffMs * 2, 5000) : idleMs;
      // Rows were sent: more may be waiting, so go again at once.
      if (outcome.sent > 0 && outcome.failed === 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoffMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
