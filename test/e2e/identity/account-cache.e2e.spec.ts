import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../../apps/api/src/api.bootstrap.js';
import { AccountStateCache } from '../../../apps/api/src/auth/account-state.cache.js';
import { HttpClient } from '../../support/http.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';

/**
 * The account check is cached per API process (AccountStateCache, invalidated through LISTEN/NOTIFY, each cached
 * answer behind a fence on the listening connection): a disabled or demoted user's next request is still refused
 * at once, on every instance, and a lost LISTEN connection means no cache, never a stale one.
 */
describe('the account check across two API instances', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let b: HttpClient;
  let cacheB: AccountStateCache;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createUser(['admin']);
    second = await createApiApp(t.runtime);
    await second.init();
    await second.getHttpAdapter().getInstance().ready();
    b = new HttpClient(second.getHttpServer());
    b.contract = t.contract;
    cacheB = second.get(AccountStateCache);
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  /** A user instance B has answered once, so B holds its account in its cache. */
  async function cachedOnB(roles: TestUser['roles']): Promise<TestUser> {
    const user = await t.createUser(roles);
    expect((await b.request('GET', '/api/v1/me', { token: user.token })).status).toBe(200);
    expect(cacheB.listening).toBe(true);
    expect(cacheB.holds(user.id)).toBe(true);
    // The second answer comes from the cache.
    expect((await b.request('GET', '/api/v1/me', { token: user.token })).status).toBe(200);
    return user;
  }

  it('a user disabled through instance A is refused by instance B at its next request', async () => {
    const user = await cachedOnB(['officer']);
    const disabled = await t.request('POST', `/api/v1/admin/users/${user.id}/disable`, {
      token: admin.token,
      body: { reason: 'left the fund' },
    });
    expect(disabled.status).toBe(200);
    const next = await b.request('GET', '/api/v1/me', { token: user.token });
    expect(next.status).toBe(401);
    expect(next.body.code).toBe('AUTH.INVALID_TOKEN');
  });

  it('a user demoted through instance A is refused by instance B with the old token', async () => {
    const officer = await cachedOnB(['officer']);
    expect((await b.request('GET', '/api/v1/approvals', { token: officer.token })).status).toBe(200);
    const demoted = await t.request('PUT', `/api/v1/admin/users/${officer.id}/roles`, {
      token: admin.token,
      body: { roles: ['auditor'], reason: 'moves to internal audit' },
    });
    expect(demoted.status).toBe(200);
    const next = await b.request('GET', '/api/v1/approvals', { token: officer.token });
    expect(next.status).toBe(401);
  });

  it('a change written straight to the database, by no API at all, reaches every instance', async () => {
    const user = await cachedOnB(['officer']);
    await t.db.dataSource.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
    expect((await b.request('GET', '/api/v1/me', { token: user.token })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/me', { token: user.token })).status).toBe(401);
  });

  it('without its LISTEN connection an instance reads the row every time, and caches again once it is back', async () => {
    const user = await cachedOnB(['officer']);
    // Cut every instance's listening connection, then change the account: its notification reaches nobody.
    await t.db.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'forge-api-account-cache' AND datname = current_database()`,
    );
    await t.db.dataSource.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
    expect((await b.request('GET', '/api/v1/me', { token: user.token })).status).toBe(401);

    // The instance listens again by itself (reconnecting with a backoff); from then on it caches again.
    const deadline = Date.now() + 30_000;
    while (!cacheB.listening && Date.now() < deadline) {
      await new Promise((resolve) => setImmediate(resolve));
      await t.db.dataSource.query('SELECT 1');
    }
    expect(cacheB.listening).toBe(true);
    const other = await cachedOnB(['officer']);
    await t.db.dataSource.query('UPDATE users SET disabled = true WHERE id = $1', [other.id]);
    expect((await b.request('GET', '/api/v1/me', { token: other.token })).status).toBe(401);
  });
});
