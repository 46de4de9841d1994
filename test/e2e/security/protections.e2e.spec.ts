import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('shared request protections', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { MAX_BODY_BYTES: '4096' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a body over MAX_BODY_BYTES with 413 problem+json PAYLOAD_TOO_LARGE', async () => {
    const admin = await t.createUser(['admin']);
    const response = await t.request('POST', '/api/v1/admin/organizations', {
      token: admin.token,
      body: { name: 'x'.repeat(5000), country: 'AR', registrationNumber: 'R-1' },
    });
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    const anonymous = await t.request('POST', '/api/v1/auth/token', {
      body: { email: 'a@b.c', password: 'y'.repeat(5000) },
    });
    expect(anonymous.status).toBe(413);
    expect(anonymous.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sets helmet security headers on API answers, errors and health', async () => {
    for (const url of ['/api/v1/me', '/health/live', '/api/v1/does-not-exist']) {
      const response = await t.request('GET', url);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('never answers 500 to malformed JSON or a wrong content type', async () => {
    const malformed = await t.request('POST', '/api/v1/auth/token', { body: '{"email":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION.FAILED');
    const wrongType = await t.request('POST', '/api/v1/auth/token', {
      body: 'email=a',
      headers: { 'content-type': 'text/xml' },
    });
    expect(wrongType.status).toBe(415);
  });
});

// The sign-in limits (per account and address, per address, the account's growing delay) are tested in
// test/e2e/identity/sign-in-abuse.e2e.spec.ts.

// Each store: `memory` without Redis, `redis` (the default with REDIS_URL), and `memory` chosen with Redis there.
describe.each([
  ['the memory store (no REDIS_URL)', 'postgres', {}],
  ['the Redis store (REDIS_URL set)', 'redis', {}],
  ['RATE_LIMIT_STORE=memory beside Redis', 'redis', { RATE_LIMIT_STORE: 'memory' }],
] as const)('global rate limit (RATE_LIMIT_PER_MINUTE) with %s', (_store, queueBackend, storeEnv) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      queueBackend,
      env: { ...storeEnv, RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: 'true' },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('limits an address to RATE_LIMIT_PER_MINUTE requests a minute, then 429 with Retry-After', async () => {
    const headers = { 'x-forwarded-for': `10.9.${Math.floor(Math.random() * 200)}.1` };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await t.request('GET', '/api/v1/me', { headers })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const limited = await t.request('GET', '/api/v1/me', { headers });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another address is not affected; health probes are never limited.
    expect(
      (await t.request('GET', '/api/v1/me', { headers: { 'x-forwarded-for': '10.8.0.1' } })).status,
    ).toBe(401);
    expect((await t.request('GET', '/health/live', { headers })).status).toBe(200);
  });

  it('limits a user across addresses (counted by the token subject)', async () => {
    const user = await t.createUser(['officer']);
    for (let i = 0; i < 5; i += 1) {
      const response = await t.request('GET', '/api/v1/me', {
        token: user.token,
        headers: { 'x-forwarded-for': `10.7.${i}.${Math.floor(Math.random() * 200)}` },
      });
      expect(response.status).toBe(200);
    }
    const limited = await t.request('GET', '/api/v1/me', {
      token: user.token,
      headers: { 'x-forwarded-for': '10.7.99.1' },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    // Another user from yet another address still gets through.
    const other = await t.createUser(['officer']);
    const fine = await t.request('GET', '/api/v1/me', {
      token: other.token,
      headers: { 'x-forwarded-for': '10.7.98.1' },
    });
    expect(fine.status).toBe(200);
  });
});

/** Two API processes on one Redis and one queue prefix: two replicas behind a load balancer. */
function twoReplicas(env: Record<string, string>): TestApp[] {
  const replicas: TestApp[] = [];
  beforeAll(async () => {
    const shared = { ...env, TRUST_PROXY: 'true', QUEUE_PREFIX: `rl-${randomUUID().slice(0, 8)}` };
    replicas.push(await createTestApp({ queueBackend: 'redis', env: shared }));
    replicas.push(await createTestApp({ queueBackend: 'redis', env: shared }));
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
  });
  return replicas;
}

describe('global rate limit shared by two API replicas through Redis', () => {
  const replicas = twoReplicas({ RATE_LIMIT_PER_MINUTE: '4' });

  it('counts requests to either replica against the same allowance', async () => {
    const [first, second] = replicas as [TestApp, TestApp];
    const headers = { 'x-forwarded-for': `10.6.${Math.floor(Math.random() * 200)}.1` };
    const statuses: number[] = [];
    for (const replica of [first, second, first, second, first]) {
      statuses.push((await replica.request('GET', '/health/live')).status);
      statuses.push((await replica.request('GET', '/api/v1/me', { headers })).status);
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('RATE_LIMIT_STORE=memory with two API replicas', () => {
  const replicas = twoReplicas({ RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_STORE: 'memory' });

  it('counts in each process (why `redis` is the default whenever REDIS_URL is set)', async () => {
    const [first, second] = replicas as [TestApp, TestApp];
    const headers = { 'x-forwarded-for': `10.5.${Math.floor(Math.random() * 200)}.1` };
    const statuses: number[] = [];
    for (const replica of [first, second, first, second, first, second])
      statuses.push((await replica.request('GET', '/api/v1/me', { headers })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    expect((await first.request('GET', '/api/v1/me', { headers })).status).toBe(429);
    expect((await second.request('GET', '/api/v1/me', { headers })).status).toBe(429);
  });
});

describe('X-Forwarded-For without TRUST_PROXY', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is ignored, so a client cannot dodge the per-address limit by forging it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await t.request('GET', '/api/v1/me', {
        headers: { 'x-forwarded-for': `10.6.0.${i}` },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(-1)).toEqual([429]);
  });
});

describe('global rate limit when Redis does not answer', () => {
  let t: TestApp;
  beforeAll(async () => {
    // REDIS_URL points nowhere (the queue backend stays PostgreSQL): the limiter's store fails on every check.
    t = await createTestApp({
      queueBackend: 'postgres',
      env: { REDIS_URL: 'redis://127.0.0.1:1', QUEUE_BACKEND: 'postgres', RATE_LIMIT_PER_MINUTE: '2' },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets requests through (fail open) instead of answering 429 or 500', async () => {
    const user = await t.createUser(['officer']);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await t.request('GET', '/api/v1/me', { token: user.token })).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
  });
});

describe('RATE_LIMIT_STORE=memory when Redis does not answer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      queueBackend: 'postgres',
      env: {
        REDIS_URL: 'redis://127.0.0.1:1',
        QUEUE_BACKEND: 'postgres',
        RATE_LIMIT_STORE: 'memory',
        RATE_LIMIT_PER_MINUTE: '2',
        TRUST_PROXY: 'true',
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('still limits: the counts never go to Redis', async () => {
    const headers = { 'x-forwarded-for': `10.4.${Math.floor(Math.random() * 200)}.1` };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await t.request('GET', '/api/v1/me', { headers })).status);
    expect(statuses).toEqual([401, 401, 429]);
  });
});
