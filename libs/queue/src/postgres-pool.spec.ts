import { CONNECT_BACKOFF, connectBackoffMs } from './postgres-pool.js';

describe('connectBackoffMs (PostgreSQL "too many clients" backoff)', () => {
  it('doubles a window from the base, capped, and waits between half of it and all of it', () => {
    const windows = [100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000];
    windows.forEach((window, attempt) => {
      expect(connectBackoffMs(attempt, CONNECT_BACKOFF, () => 0)).toBe(window / 2);
      expect(connectBackoffMs(attempt, CONNECT_BACKOFF, () => 1)).toBe(window);
    });
  });

  it('stays bounded however long the streak', () => {
    expect(connectBackoffMs(10_000, CONNECT_BACKOFF, () => 0.999)).toBeLessThanOrEqual(CONNECT_BACKOFF.maxMs);
  });
});
