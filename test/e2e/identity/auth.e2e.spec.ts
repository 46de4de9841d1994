import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function claims(userId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: userId,
    email: 'x@forge.test',
    roles: ['officer'],
    org: null,
    ver: 1,
    iss: 'forge-pipeline',
    aud: 'forge-api',
    iat: now,
    exp: now + 600,
    ...overrides,
  };
}

function signHs256(payload: Record<string, unknown>, secret = SECRET): string {
  const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('POST /auth/token and GET /me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function failedLogins(email: string) {
    return t.db.dataSource.query(
      `SELECT actor_id, actor_role, subject_type, subject_id, context FROM audit_events
        WHERE action = 'auth.failed_login' AND context->>'email' = lower($1) ORDER BY entry`,
      [email],
    );
  }

  it('issues a working bearer token for the right password', async () => {
    const user = await t.createUser(['officer'], { password: 'a very long password 1' });
    const response = await t.request('POST', '/api/v1/auth/token', {
      body: { email: user.email.toUpperCase(), password: 'a very long password 1' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });
    const me = await t.request('GET', '/api/v1/me', { token: response.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: user.id,
      email: user.email,
      displayName: 'Test officer',
      roles: ['officer'],
      organizationId: null,
      locale: 'en',
    });
    const [attempt] = await t.db.dataSource.query(
      `SELECT succeeded FROM login_attempts WHERE email = lower($1)`,
      [user.email],
    );
    expect(attempt).toEqual({ succeeded: true });
  });

  it('answers 401 AUTH.INVALID_CREDENTIALS for a wrong password, with an audit event and a login attempt', async () => {
    const user = await t.createUser(['officer']);
    const response = await t.request('POST', '/api/v1/auth/token', {
      body: { email: user.email, password: 'definitely not the password' },
      headers: { 'x-request-id': 'req-wrong-password' },
    });
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    const events = await failedLogins(user.email);
    expect(events).toEqual([
      {
        actor_id: 'anonymous',
        actor_role: 'anonymous',
        subject_type: 'user',
        subject_id: user.id,
        context: expect.objectContaining({ ip: '127.0.0.1', requestId: 'req-wrong-password' }),
      },
    ]);
    const attempts = await t.db.dataSource.query(
      `SELECT ip, succeeded FROM login_attempts WHERE email = lower($1)`,
      [user.email],
    );
    expect(attempts).toEqual([{ ip: '127.0.0.1', succeeded: false }]);
  });

  it('answers an unknown email exactly like a wrong password, audited under the lower-cased email', async () => {
    const email = `Nobody-${randomUUID().slice(0, 8)}@Forge.test`;
    const response = await t.request('POST', '/api/v1/auth/token', {
      body: { email, password: 'whatever whatever' },
    });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    expect(response.body.detail).toBe('The email or the password is wrong');
    const events = await failedLogins(email);
    expect(events).toHaveLength(1);
    expect(events[0].subject_id).toBe(email.toLowerCase());
  });

  it('refuses a disabled account at sign-in and on /me', async () => {
    const user = await t.createUser(['officer']);
    await t.db.dataSource.query(`UPDATE users SET disabled = true WHERE id = $1`, [user.id]);
    const login = await t.request('POST', '/api/v1/auth/token', {
      body: { email: user.email, password: user.password },
    });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    const me = await t.request('GET', '/api/v1/me', { token: user.token });
    expect(me.status).toBe(401);
  });

  it('answers 401 on /me for a user that no longer exists', async () => {
    const token = signHs256(claims(randomUUID()));
    const me = await t.request('GET', '/api/v1/me', { token });
    expect(me.status).toBe(401);
  });

  it('validates the token body (400 with field errors, unknown fields refused)', async () => {
    const missing = await t.request('POST', '/api/v1/auth/token', { body: { email: 'a@b.c' } });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION.FAILED');
    const extra = await t.request('POST', '/api/v1/auth/token', {
      body: { email: 'a@b.c', password: 'x'.repeat(12), roles: ['admin'] },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'roles' })]));
    const malformed = await t.request('POST', '/api/v1/auth/token', { body: '{"email": ' });
    expect(malformed.status).toBe(400);
  });

  describe('refuses bad tokens with 401', () => {
    let userId: string;
    beforeAll(async () => {
      userId = (await t.createUser(['officer'])).id;
    });

    async function meWith(token: string) {
      const response = await t.request('GET', '/api/v1/me', { token });
      return { status: response.status, code: response.body?.code };
    }

    it('accepts the control token', async () => {
      expect(await meWith(signHs256(claims(userId)))).toEqual({ status: 200, code: undefined });
    });

    it('expired', async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;
      expect(await meWith(signHs256(claims(userId, { iat: past - 900, exp: past })))).toEqual({
        status: 401,
        code: 'AUTH.INVALID_TOKEN',
      });
    });

    it('tampered (payload edited after signing)', async () => {
      const [head, , signature] = signHs256(claims(userId)).split('.');
      const edited = `${head}.${b64url(claims(userId, { roles: ['admin'] }))}.${signature}`;
      expect(await meWith(edited)).toEqual({ status: 401, code: 'AUTH.INVALID_TOKEN' });
    });

    it('alg: none', async () => {
      const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims(userId))}.`;
      expect(await meWith(token)).toEqual({ status: 401, code: 'AUTH.INVALID_TOKEN' });
    });

    it('signed with another key (HS256 and RS256)', async () => {
      expect(
        await meWith(signHs256(claims(userId), 'another-secret-of-sufficient-length-0123456789')),
      ).toEqual({ status: 401, code: 'AUTH.INVALID_TOKEN' });
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const rs256 = await new SignJWT(claims(userId)).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
      expect(await meWith(rs256)).toEqual({ status: 401, code: 'AUTH.INVALID_TOKEN' });
    });

    it('wrong audience or issuer', async () => {
      expect(await meWith(signHs256(claims(userId, { aud: 'another-api' })))).toEqual({
        status: 401,
        code: 'AUTH.INVALID_TOKEN',
      });
      expect(await meWith(signHs256(claims(userId, { iss: 'somebody-else' })))).toEqual({
        status: 401,
        code: 'AUTH.INVALID_TOKEN',
      });
    });

    it('no token, or not a bearer token', async () => {
      expect((await t.request('GET', '/api/v1/me')).status).toBe(401);
      const basic = await t.request('GET', '/api/v1/me', { headers: { authorization: 'Basic YTpi' } });
      expect(basic.status).toBe(401);
      expect(basic.body.code).toBe('AUTH.UNAUTHENTICATED');
      expect(await meWith('not.a.jwt')).toEqual({ status: 401, code: 'AUTH.INVALID_TOKEN' });
    });
  });
});
