/** Helpers of the /metrics suites (metrics.e2e.spec.ts on the PostgreSQL queue backend, metrics-redis on Redis). */

/** Polls a condition (no fixed sleeps): resolves with its value once truthy, fails after `timeoutMs`. */
export async function until<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The value of one sample of the exposition text, or undefined. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const matches = Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`));
    if (matches) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

/**
 * Scrapes until a submission's screening job shows as completed (the worker's completion reaches the histograms),
 * checks its wait histogram and the queue's per-state gauges, and returns that scrape.
 */
export async function screeningJobShown(scrape: () => Promise<string>): Promise<string> {
  const text = await until(async () => {
    const current = await scrape();
    const done = sample(current, 'forge_queue_job_processing_seconds_count', {
      queue: 'screening',
      outcome: 'completed',
    });
    return done !== undefined && done >= 1 ? current : undefined;
  }, 'a completed screening job in /metrics');
  expect(sample(text, 'forge_queue_job_wait_seconds_count', { queue: 'screening' })).toBeGreaterThanOrEqual(
    1,
  );
  for (const state of ['waiting', 'active', 'delayed', 'failed']) {
    expect(sample(text, 'forge_queue_jobs', { queue: 'screening', state })).toBeGreaterThanOrEqual(0);
  }
  return text;
}
