import { createApiApp } from '../../../apps/api/src/api.bootstrap.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const EMAIL = 'Root@Fund.example';
const PASSWORD = 'bootstrap admin passphrase';

describe('bootstrap admin (FORGE_BOOTSTRAP_ADMIN_EMAIL / _PASSWORD)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { FORGE_BOOTSTRAP_ADMIN_EMAIL: EMAIL, FORGE_BOOTSTRAP_ADMIN_PASSWORD: PASSWORD },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the admin on start, who can sign in and administer; audited as the system', async () => {
    const login = await t.request('POST', '/api/v1/auth/token', {
      body: { email: EMAIL, password: PASSWORD },
    });
    expect(login.status).toBe(200);
    const me = await t.request('GET', '/api/v1/me', { token: login.body.accessToken });
    expect(me.body).toMatchObject({ email: EMAIL, roles: ['admin'], organizationId: null });
    const events = await t.db.dataSource.query(
      `SELECT actor_id, actor_role FROM audit_events WHERE action = 'user.created' AND subject_id = $1`,
      [me.body.id],
    );
    expect(events).toEqual([{ actor_id: 'system', actor_role: 'system' }]);
    const users = await t.request('GET', '/api/v1/admin/users', { token: login.body.accessToken });
    expect(users.status).toBe(200);
  });

  it('is idempotent: a second start (another replica) neither duplicates nor changes the admin', async () => {
    const before = await t.db.dataSource.query(
      `SELECT id, password_hash FROM users WHERE lower(email) = lower($1)`,
      [EMAIL],
    );
    const secondReplica = await createApiApp(t.runtime);
    await secondReplica.init();
    await secondReplica.close();
    const after = await t.db.dataSource.query(
      `SELECT id, password_hash FROM users WHERE lower(email) = lower($1)`,
      [EMAIL],
    );
    expect(after).toEqual(before);
    const [{ count }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_events WHERE action = 'user.created' AND subject_id = $1`,
      [before[0].id],
    );
    expect(count).toBe(1);
  });
});
