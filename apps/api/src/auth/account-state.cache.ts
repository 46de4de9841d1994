import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import pg from 'pg';
import { AccountAdminService, type UserRecord } from '@forge/application';
import { DATABASE_URL } from '@forge/config';

/** The channel the `users` triggers notify (migration 1796002722055-users-changed-notify): a user id, or `*`. */
export const USERS_CHANGED_CHANNEL = 'forge_users_changed';

/** Entries kept at most (the oldest go first); an API serves far fewer active accounts. */
const MAX_ENTRIES = 10_000;
/** A fence that takes longer than this counts as a lost connection: the request reads the row instead. */
const FENCE_TIMEOUT_MS = 1_000;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

/**
 * The account check of a bearer request (the user's row: deleted, disabled, or an outdated `auth_version` is
 * refused) without a read of `users` per request, and without ever answering from a stale "enabled".
 *
 * Why a cache with LISTEN/NOTIFY rather than folding the check into each route's statement: the check decides the
 * roles the guard applies before any handler runs, on every route; folding it into one route's SQL would leave a
 * second copy of the rule there and every other route paying the read. Here the rule stays where it is
 * (Authenticator), and only where the row comes from changes.
 *
 * How a cached row is never stale: every UPDATE, DELETE or TRUNCATE of `users` notifies `forge_users_changed` at
 * COMMIT (trigger). One dedicated connection per process LISTENs and drops the user's entry (all of them for `*`).
 * A notification travels on its own connection, so by itself it could arrive after a request that was sent once the
 * change had committed (another API instance, or this one under CPU pressure). A cached row is therefore served
 * only after a **fence**: a `SELECT 1` on the listening connection sent after the request arrived. PostgreSQL
 * signals listening sessions during COMMIT, before the committing client is answered, and a listening session
 * delivers pending notifications before it runs its next statement, so once the fence returns, every change that
 * committed before the request arrived has been applied to the cache. Concurrent requests share one fence (one
 * `SELECT 1` for all waiting requests), which is what makes it cheaper than a row read per request; it costs a
 * round trip of latency on a connection that does nothing else.
 *
 * When the listening connection is not there (not yet connected, lost, or a fence timed out), the cache is
 * emptied and bypassed: every request reads the row, exactly as without a cache, until LISTEN is back. A row read
 * while a change was being applied is not stored (a generation counter), so a fill can never put back what a
 * notification removed. Console sessions (cookies) do not use it: their one read also keeps the session's idle time.
 */
@Injectable()
export class AccountStateCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AccountStateCache');
  private readonly entries = new Map<string, UserRecord>();
  /** Bumped by every notification and every loss of the connection: a fill begun before is not stored. */
  private generation = 0;
  /** The listening connection, only while LISTEN is in force. */
  private listener: pg.Client | undefined;
  private waiting: Waiter[] = [];
  private fenceRunning = false;
  private stopped = false;
  private reconnectMs = RECONNECT_MIN_MS;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(AccountAdminService) private readonly accounts: AccountAdminService,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.lose(new Error('shutting down'));
    await listener?.end().catch(() => {});
  }

  /** Whether the cache is in use (LISTEN in force). */
  get listening(): boolean {
    return this.listener !== undefined;
  }

  /** Whether a row is cached for this user (for tests and diagnostics). */
  holds(userId: string): boolean {
    return this.entries.has(userId);
  }

  /** The account's current row, or null when there is no such account. */
  async findUser(userId: string): Promise<UserRecord | null> {
    const listener = this.listener;
    if (listener === undefined) return this.accounts.findUser(userId);
    const cached = this.entries.get(userId);
    if (cached !== undefined) {
      const fenced = await this.fence(listener).then(
        () => true,
        () => false,
      );
      // Served only if nothing removed it while the fence ran and the connection is still the one fenced.
      if (fenced && this.listener === listener && this.entries.get(userId) === cached) return cached;
    }
    const generation = this.generation;
    const user = await this.accounts.findUser(userId);
    if (user !== null && this.listener === listener && this.generation === generation) this.store(user);
    return user;
  }

  private store(user: UserRecord): void {
    this.entries.delete(user.id);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(user.id, user);
  }

  /** Resolves once a `SELECT 1` sent on the listening connection after this call has returned. */
  private fence(listener: pg.Client): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.runFence(listener);
    });
  }

  private runFence(listener: pg.Client): void {
    if (this.fenceRunning || this.waiting.length === 0) return;
    // Everyone waiting now registered before this statement is sent: one fence serves them all.
    const batch = this.waiting;
    this.waiting = [];
    this.fenceRunning = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('fence timed out')), FENCE_TIMEOUT_MS);
    });
    Promise.race([listener.query('SELECT 1'), timeout])
      .then(
        () => batch.forEach((waiter) => waiter.resolve()),
        (error: Error) => {
          batch.forEach((waiter) => waiter.reject(error));
          if (this.listener === listener) this.lose(error);
        },
      )
      .finally(() => {
        clearTimeout(timer);
        this.fenceRunning = false;
        if (this.listener !== undefined) this.runFence(this.listener);
        else this.rejectWaiting(new Error('listening connection lost'));
      });
  }

  private rejectWaiting(error: Error): void {
    const batch = this.waiting;
    this.waiting = [];
    batch.forEach((waiter) => waiter.reject(error));
  }

  private onNotification(payload: string | undefined): void {
    this.generation++;
    if (payload === undefined || payload === '*') this.entries.clear();
    else this.entries.delete(payload);
  }

  /** Stops using the cache (emptied, bypassed) until a new connection LISTENs again. */
  private lose(error: Error): void {
    const listener = this.listener;
    this.listener = undefined;
    this.generation++;
    this.entries.clear();
    if (!this.fenceRunning) this.rejectWaiting(error);
    if (listener !== undefined) {
      listener.removeAllListeners('notification');
      void listener.end().catch(() => {});
      if (!this.stopped) {
        this.logger.warn(`account cache bypassed, LISTEN connection lost: ${error.message}`);
        this.scheduleReconnect();
      }
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer !== undefined) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, this.reconnectMs);
    this.reconnectMs = Math.min(this.reconnectMs * 2, RECONNECT_MAX_MS);
  }

  private async connect(): Promise<void> {
    if (this.stopped || this.listener !== undefined) return;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: 'forge-api-account-cache',
    });
    // Until LISTEN is in force nothing is cached; an error afterwards drops the cache (lose).
    client.on('error', (error: Error) => {
      if (this.listener === client) this.lose(error);
    });
    client.on('end', () => {
      if (this.listener === client) this.lose(new Error('connection ended'));
    });
    try {
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === USERS_CHANGED_CHANNEL && this.listener === client) {
          this.onNotification(message.payload);
        }
      });
      await client.query(`LISTEN ${USERS_CHANGED_CHANNEL}`);
      if (this.stopped) {
        await client.end().catch(() => {});
        return;
      }
      this.generation++;
      this.entries.clear();
      this.listener = client;
      this.reconnectMs = RECONNECT_MIN_MS;
    } catch (error) {
      await client.end().catch(() => {});
      if (!this.stopped) {
        this.logger.warn(`account cache bypassed, cannot LISTEN: ${(error as Error).message}`);
        this.scheduleReconnect();
      }
    }
  }
}
