import { MemoryThrottlerStorage } from './redis-throttler.storage.js';

describe('MemoryThrottlerStorage (fixed one-minute window)', () => {
  it('counts hits per key, blocks over the limit until the window ends, then starts afresh', async () => {
    let now = 1_000_000;
    const storage = new MemoryThrottlerStorage(() => now);
    const hits = [];
    for (let i = 0; i < 3; i += 1) hits.push(await storage.increment('10.0.0.1', 60_000, 2, 60_000, 'ip'));
    expect(hits.map((hit) => [hit.totalHits, hit.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(hits[2].timeToBlockExpire).toBe(60);
    now += 45_500;
    expect((await storage.increment('10.0.0.1', 60_000, 2, 60_000, 'ip')).timeToBlockExpire).toBe(15);
    expect((await storage.increment('10.0.0.2', 60_000, 2, 60_000, 'ip')).isBlocked).toBe(false);
    expect((await storage.increment('10.0.0.1', 60_000, 2, 60_000, 'user')).isBlocked).toBe(false);
    now += 15_000;
    expect(await storage.increment('10.0.0.1', 60_000, 2, 60_000, 'ip')).toEqual({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });
});
