import { type Redis } from 'ioredis';

/**
 * What one hit on a counter answers. The shape of @nestjs/throttler's `ThrottlerStorageRecord` (seconds), so a
 * storage here is a drop-in `ThrottlerStorage` should the package become loadable under our test runner.
 */
export interface ThrottlerRecord {
  totalHits: number;
  /** Seconds until the window ends. */
  timeToExpire: number;
  isBlocked: boolean;
  /** Seconds until a blocked caller may try again (0 when not blocked). */
  timeToBlockExpire: number;
}

/** The `ThrottlerStorage` interface of @nestjs/throttler v6. */
export interface ThrottlerStorageLike {
  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    name: string,
  ): Promise<ThrottlerRecord>;
}

function record(totalHits: number, remainingMs: number, limit: number): ThrottlerRecord {
  const timeToExpire = Math.max(1, Math.ceil(remainingMs / 1000));
  const isBlocked = totalHits > limit;
  return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
}

/**
 * A fixed-window counter in Redis, shared by every API replica: `INCR` and `PEXPIRE … NX` (the window starts
 * with the first hit; Redis 7+) in one MULTI, then `PTTL` for the time left. A caller over the limit is
 * refused until the window ends (blockDuration = ttl).
 */
export class RedisThrottlerStorage implements ThrottlerStorageLike {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    name: string,
  ): Promise<ThrottlerRecord> {
    const redisKey = `${this.prefix}:throttle:${name}:${key}`;
    const results = await this.redis
      .multi()
      .incr(redisKey)
      .pexpire(redisKey, ttl, 'NX')
      .pttl(redisKey)
      .exec();
    if (!results) throw new Error('Redis MULTI was aborted');
    for (const [error] of results) if (error) throw error;
    const totalHits = Number(results[0]?.[1] ?? 0);
    const pttl = Number(results[2]?.[1] ?? ttl);
    return record(totalHits, pttl > 0 ? pttl : ttl, limit);
  }
}

/** The same fixed window in process memory (one replica, or a laptop). Expired windows are swept lazily. */
export class MemoryThrottlerStorage implements ThrottlerStorageLike {
  private readonly windows = new Map<string, { hits: number; endsAt: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    name: string,
  ): Promise<ThrottlerRecord> {
    const now = this.now();
    this.sweep(now);
    const id = `${name}:${key}`;
    let window = this.windows.get(id);
    if (!window || window.endsAt <= now) {
      window = { hits: 0, endsAt: now + ttl };
      this.windows.set(id, window);
    }
    window.hits += 1;
    return record(window.hits, window.endsAt - now, limit);
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 10_000) return;
    this.lastSweep = now;
    for (const [id, window] of this.windows) if (window.endsAt <= now) this.windows.delete(id);
  }
}
