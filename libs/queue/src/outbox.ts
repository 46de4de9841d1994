import pg from 'pg';
import { type DataSource, type EntityManager } from 'typeorm';
import { type QueueBackend } from './queue-backend.js';

export interface OutboxMessage {
  queue: string;
  jobName: string;
  /** Deterministic: the same logical job always gets the same id (see deterministicJobId). */
  jobId: string;
  payload: object;
}

const NOTIFY_CHANNEL = 'forge_outbox';

/**
 * Writes outbox rows inside the caller's transaction: the job exists if and only if the command committed.
 * The NOTIFY is delivered on commit only, so the relay wakes up without polling delay.
 */
export async function addToOutbox(
  manager: EntityManager,
  messages: OutboxMessage | OutboxMessage[],
): Promise<void> {
  const list = Array.isArray(messages) ? messages : [messages];
  if (list.length === 0) return;
  const values: unknown[] = [];
  const rows = list.map((message, index) => {
    values.push(message.queue, message.jobName, message.jobId, JSON.stringify(message.payload));
    const base = index * 4;
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::jsonb)`;
  });
  await manager.query(
    `INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ${rows.join(', ')}`,
    values,
  );
  await manager.query(`SELECT pg_notify('${NOTIFY_CHANNEL}', '')`);
}

export interface RelayResult {
  sent: number;
  failed: number;
}

interface OutboxRow {
  id: string;
  queue: string;
  job_name: string;
  job_id: string;
  payload: object;
}

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

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueBackend,
    private readonly options: { batchSize?: number; pollIntervalMs?: number; databaseUrl?: string } = {},
  ) {}

  /** Relays one batch; returns how many rows were sent. Used by the loop and directly by tests. */
  async relayOnce(): Promise<RelayResult> {
    const batchSize = this.options.batchSize ?? 200;
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, queue, job_name, job_id, payload FROM outbox
          WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      const sentIds: string[] = [];
      let failed = 0;
      for (const row of rows) {
        try {
          await this.queues.queue(row.queue).add(row.job_name, row.payload, { jobId: row.job_id });
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
      client.on('error', () => {
        // A lost LISTEN connection only costs latency: polling continues.
        this.listener = undefined;
      });
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      client.on('notification', () => this.wake?.());
      this.listener = client;
    } catch {
      this.listener = undefined;
    }
  }

  private async run(): Promise<void> {
    const idleMs = this.options.pollIntervalMs ?? 200;
    let backoffMs = idleMs;
    while (this.running) {
      const outcome = await this.relayOnce().catch(() => ({ sent: 0, failed: 1 }));
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
