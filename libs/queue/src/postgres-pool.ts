import { setTimeout as wait } from 'node:timers/promises';
import pg from 'pg';

/** SQLSTATE 53300 `too_many_connections`: the server, the database or the role has no connection slot left. */
export const TOO_MANY_CONNECTIONS = '53300';

/** The backoff of a connection attempt refused with 53300: a doubling window from `baseMs`, capped at `maxMs`. */
export const CONNECT_BACKOFF = { baseMs: 100, maxMs: 5_000 } as const;

/**
 * The wait before connection retry `attempt` (0-based): "equal jitter", half the window plus a random part of the
 * other half, so processes refused together do not come back together and no wait exceeds `maxMs`.
 */
export function connectBackoffMs(
  attempt: number,
  backoff: { baseMs: number; maxMs: number } = CONNECT_BACKOFF,
  random: () => number = Math.random,
): number {
  const window = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(window / 2 + (random() * window) / 2);
}

export interface BackoffPoolHooks {
  /** Told of each wait (attempt, milliseconds, the refusal), before it starts. */
  waiting(attempt: number, delayMs: number, error: Error): void;
  /**
   * Awaited before each client is handed out: BullMQ's schema migrations, which the backend runs on the first
   * client of any of its pools and then answers at once (`QueueBackend` memoises them, once per backend).
   */
  prepare(client: pg.PoolClient): Promise<void>;
}

/**
 * The `pg.Pool` a BullMQ PostgreSQL backend gets (issue 12): a connection refused with 53300 ("too many clients")
 * is tried again after a bounded exponential backoff with jitter instead of failing at once. BullMQ's own pool would
 * hand the refusal to its worker loop, which retries at once, without end, and (when it is the first connection,
 * whose failure BullMQ memoises) spins without yielding to the event loop. Other errors fail as before.
 */
export class BackoffPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly hooks: BackoffPoolHooks,
  ) {
    super(config);
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (
      err: Error | undefined,
      client: pg.PoolClient | undefined,
      done: (release?: unknown) => void,
    ) => void,
  ): void;
  override connect(
    callback?: (
      err: Error | undefined,
      client: pg.PoolClient | undefined,
      done: (release?: unknown) => void,
    ) => void,
  ): Promise<pg.PoolClient> | void {
    const acquired = this.acquire();
    if (!callback) return acquired;
    // pg.Pool#query takes its client through the callback form.
    acquired.then(
      (client) =>
        callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => {}),
    );
  }

  private async acquire(): Promise<pg.PoolClient> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const client = await super.connect();
        try {
          await this.hooks.prepare(client);
        } catch (error) {
          client.release(true);
          throw error;
        }
        return client;
      } catch (error) {
        if ((error as { code?: string }).code !== TOO_MANY_CONNECTIONS || this.ending) throw error;
        const delayMs = connectBackoffMs(attempt);
        this.hooks.waiting(attempt, delayMs, error as Error);
        await wait(delayMs);
      }
    }
  }
}
