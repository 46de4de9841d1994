import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/**
 * Sign-in abuse (issue 19): counters that a burst cannot slip past, limits per (account, address) and per address,
 * and an account that slows down progressively instead of locking its owner out. Real PostgreSQL, parallel requests.
 */
function address(): string {
  return `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
}

describe('sign-in abuse', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        TRUST_PROXY: 'true',
        LOGIN_RATE_LIMIT_PER_MINUTE: '10',
        LOGIN_IP_RATE_LIMIT_PER_MINUTE: '12',
        LOGIN_FREE_FAILURES: '5',
        LOGIN_MAX_DELAY_SECONDS: '8',
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  function signIn(email: string, password: string, ip: string) {
    return t.request('POST', '/api/v1/auth/token', {
      body: { email, password },
      headers: { 'x-forwarded-for': ip },
    });
  }

  /** The account's delay is over (instead of waiting for it). */
  async function skipDelay(email: string) {
    await t.db.dataSource.query(
      `UPDATE login_throttles SET next_attempt_at = now() WHERE scope = 'account' AND key LIKE lower($1) || '|%'`,
      [email],
    );
  }

  it('the (account, address) counter alone: a burst of 40 lets exactly LOGIN_RATE_LIMIT_PER_MINUTE through', async () => {
    const local = await createTestApp({
      env: { TRUST_PROXY: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '10', LOGIN_FREE_FAILURES: '100' },
    });
    try {
      const user = await local.createUser(['sponsor']);
      const ip = address();
      const answers = await Promise.all(
        Array.from({ length: 40 }, () =>
          local.request('POST', '/api/v1/auth/token', {
            body: { email: user.email, password: 'wrong password!!' },
            headers: { 'x-forwarded-for': ip },
          }),
        ),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401).length).toBe(10);
      expect(statuses.filter((status) => status === 429).length).toBe(30);
      // Refused attempts are neither verified, recorded nor audited.
      const [{ attempts }] = await local.db.dataSource.query(
        `SELECT count(*)::int AS attempts FROM login_attempts WHERE email = lower($1)`,
        [user.email],
      );
      const [{ events }] = await local.db.dataSource.query(
        `SELECT count(*)::int AS events FROM audit_events WHERE action = 'auth.failed_login' AND subject_id = $1`,
        [user.id],
      );
      expect({ attempts, events }).toEqual({ attempts: 10, events: 10 });
    } finally {
      await local.close();
    }
  });

  it('a burst from one address across many accounts stops at LOGIN_IP_RATE_LIMIT_PER_MINUTE', async () => {
    const ip = address();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => signIn(`nobody-${randomUUID()}@forge.test`, 'wrong password!!', ip)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBe(12);
    expect(statuses.filter((status) => status === 429).length).toBe(18);
  });

  it('a burst from 40 addresses at one account: the account lets at most LOGIN_FREE_FAILURES + 1 through', async () => {
    const user = await t.createUser(['sponsor']);
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => signIn(user.email, 'wrong password!!', address())),
    );
    const statuses = answers.map((answer) => answer.status);
    // LOGIN_FREE_FAILURES + 1 at once; a burst lasting longer than the growing delays (1 s, then 2 s) lets one
    // more through after each, hence the margin on a loaded machine.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(8);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(32);
  });

  it('slows an account down progressively (1, 2, 4, 8 s, capped) instead of locking it', async () => {
    const user = await t.createUser(['sponsor']);
    for (let i = 0; i < 5; i += 1)
      expect((await signIn(user.email, 'wrong password!!', address())).status).toBe(401);
    const delays: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      expect((await signIn(user.email, 'wrong password!!', address())).status).toBe(401);
      // The delay this failure set (next_attempt_at and updated_at are written by the same statement).
      const [row] = await t.db.dataSource.query(
        `SELECT round(extract(epoch FROM next_attempt_at - updated_at))::int AS delay FROM login_throttles
          WHERE scope = 'account' AND key = lower($1) || '|other'`,
        [user.email],
      );
      delays.push(row.delay);
      await skipDelay(user.email);
    }
    expect(delays).toEqual([1, 2, 4, 8, 8]);
    // Within the delay, any attempt (the right password too) answers 429 with the time left.
    await t.db.dataSource.query(
      `UPDATE login_throttles SET next_attempt_at = now() + interval '8 seconds'
        WHERE scope = 'account' AND key = lower($1) || '|other'`,
      [user.email],
    );
    const refused = await signIn(user.email, user.password, address());
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(8);
    // The owner, once the delay is over, signs in from anywhere; that clears the account's failures.
    await skipDelay(user.email);
    expect((await signIn(user.email, user.password, address())).status).toBe(200);
    expect((await signIn(user.email, 'wrong password!!', address())).status).toBe(401);
    expect((await signIn(user.email, 'wrong password!!', address())).status).toBe(401);
  });

  it("a stranger's wrong passwords never refuse the owner's right password at a familiar address", async () => {
    const user = await t.createUser(['sponsor']);
    const home = address();
    expect((await signIn(user.email, user.password, home)).status).toBe(200);
    const attacker = address();
    const attack = await Promise.all(
      Array.from({ length: 15 }, () => signIn(user.email, 'wrong password!!', attacker)),
    );
    expect(attack.every((answer) => [401, 429].includes(answer.status))).toBe(true);
    expect((await signIn(user.email, 'wrong password!!', attacker)).status).toBe(429);
    // The owner at home: not slowed down.
    expect((await signIn(user.email, user.password, home)).status).toBe(200);
    // From a new address, the owner waits for the delay the stranger caused (Retry-After), then gets in: slowed,
    // never locked out. (The delay is pinned so that a slow machine cannot let it lapse before the request.)
    await t.db.dataSource.query(
      `UPDATE login_throttles SET next_attempt_at = now() + interval '8 seconds'
        WHERE scope = 'account' AND key = lower($1) || '|other'`,
      [user.email],
    );
    const travelling = address();
    const slowed = await signIn(user.email, user.password, travelling);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(8);
    await skipDelay(user.email);
    expect((await signIn(user.email, user.password, travelling)).status).toBe(200);
  });

  it('counts the last minute only, and a right password takes its attempt back', async () => {
    const user = await t.createUser(['sponsor']);
    const ip = address();
    for (let i = 0; i < 3; i += 1) {
      expect((await signIn(user.email, user.password, ip)).status).toBe(200);
    }
    const [pair] = await t.db.dataSource.query(
      `SELECT count FROM login_throttles WHERE scope = 'account_address' AND key = lower($1) || '|' || $2`,
      [user.email, ip],
    );
    expect(pair.count).toBe(0);
    await t.db.dataSource.query(
      `UPDATE login_throttles SET count = 10, window_start = now() - interval '61 seconds'
        WHERE scope = 'account_address' AND key = lower($1) || '|' || $2`,
      [user.email, ip],
    );
    expect((await signIn(user.email, user.password, ip)).status).toBe(200);
  });
});
