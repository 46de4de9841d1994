import { createHash } from 'node:crypto';
import { jest } from '@jest/globals';
import { ModulesContainer } from '@nestjs/core';
import { TokenService } from '../../../apps/api/src/auth/token.service.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** The console's cookie session (COORDINATION.md, "Session API contract") and the per-request account check. */
describe('console session: POST/GET/DELETE /auth/session, CSRF, account state on every request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SESSION_IDLE_SECONDS: '600', SESSION_TTL_SECONDS: '3600' } });
  });
  afterAll(async () => {
    await t.close();
  });

  function sessionRow(cookie: string) {
    const id = cookie.replace(/^forge_session=/, '');
    return t.db.dataSource
      .query(`SELECT user_id, method, revoked_at, csrf_token FROM user_sessions WHERE id_hash = $1`, [
        createHash('sha256').update(id).digest(),
      ])
      .then((rows: Array<Record<string, unknown>>) => rows[0]);
  }

  it('signs in with the right password: the cookie is HttpOnly, Secure, SameSite=Strict, the id stored hashed', async () => {
    const user = await t.createUser(['sponsor'], { password: 'a sponsor password 1' });
    const response = await fetch(`${t.baseUrl}/api/v1/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email.toUpperCase(), password: 'a sponsor password 1' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: unknown; csrfToken: string };
    expect(body).toEqual({
      user: {
        id: user.id,
        email: user.email,
        displayName: 'Test sponsor',
        roles: ['sponsor'],
        organizationId: user.organizationId,
      },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const [setCookie] = response.headers.getSetCookie();
    expect(setCookie).toMatch(/^forge_session=[A-Za-z0-9_-]{43};/);
    const attributes = setCookie
      .split(';')
      .slice(1)
      .map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(
      expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/', 'max-age=3600']),
    );
    const cookie = setCookie.split(';')[0];
    const row = await sessionRow(cookie);
    expect(row).toEqual({
      user_id: user.id,
      method: 'password',
      revoked_at: null,
      csrf_token: body.csrfToken,
    });
    const plain = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM user_sessions WHERE encode(id_hash, 'escape') LIKE '%' || $1 || '%'`,
      [cookie.slice('forge_session='.length)],
    );
    expect(plain[0].n).toBe(0);
  });

  it('GET /auth/session answers the user and the same CSRF token with the cookie, 401 without it', async () => {
    const user = await t.createUser(['officer']);
    const session = await t.signIn(user);
    const current = await t.request('GET', '/api/v1/auth/session', { headers: { cookie: session.cookie } });
    expect(current.status).toBe(200);
    expect(current.body).toEqual({
      user: expect.objectContaining({ id: user.id, roles: ['officer'] }),
      csrfToken: session.csrfToken,
    });
    const none = await t.request('GET', '/api/v1/auth/session');
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    const bearer = await t.request('GET', '/api/v1/auth/session', { token: user.token });
    expect(bearer.status).toBe(401);
    const forged = await t.request('GET', '/api/v1/auth/session', {
      headers: { cookie: `forge_session=${'A'.repeat(43)}` },
    });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('AUTH.INVALID_SESSION');
    const malformed = await t.request('GET', '/api/v1/me', { headers: { cookie: 'forge_session=%00%%' } });
    expect(malformed.status).toBe(401);
  });

  it('refuses a wrong password with 401 and no cookie', async () => {
    const user = await t.createUser(['officer']);
    const response = await fetch(`${t.baseUrl}/api/v1/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: 'not the password at all' }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: string }).code).toBe('AUTH.INVALID_CREDENTIALS');
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('requires x-csrf-token on cookie-authenticated writes, not on reads, not with a bearer token', async () => {
    const admin = await t.createUser(['admin']);
    const session = await t.signIn(admin);
    const organization = (registrationNumber: string) => ({
      name: 'Lithium Andes S.A.',
      country: 'AR',
      registrationNumber,
    });
    const without = await t.request('POST', '/api/v1/admin/organizations', {
      headers: { cookie: session.cookie },
      body: organization('CSRF-1'),
    });
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('AUTH.CSRF');
    const wrong = await t.request('POST', '/api/v1/admin/organizations', {
      headers: { cookie: session.cookie, 'x-csrf-token': 'B'.repeat(43) },
      body: organization('CSRF-2'),
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('AUTH.CSRF');
    const right = await t.request('POST', '/api/v1/admin/organizations', {
      headers: session.headers,
      body: organization('CSRF-3'),
    });
    expect(right.status).toBe(201);
    const read = await t.request('GET', '/api/v1/admin/organizations', {
      headers: { cookie: session.cookie },
    });
    expect(read.status).toBe(200);
    // A bearer token wins over a cookie and needs no CSRF header.
    const bearer = await t.request('POST', '/api/v1/admin/organizations', {
      token: admin.token,
      headers: { cookie: session.cookie },
      body: organization('CSRF-4'),
    });
    expect(bearer.status).toBe(201);
    const [{ n }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM organizations WHERE registration_number LIKE 'CSRF-%'`,
    );
    expect(n).toBe(2);
  });

  it('DELETE /auth/session ends the session on the server (CSRF required) and clears the cookie', async () => {
    const user = await t.createUser(['auditor']);
    const session = await t.signIn(user);
    const refused = await t.request('DELETE', '/api/v1/auth/session', {
      headers: { cookie: session.cookie },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTH.CSRF');
    expect((await t.request('GET', '/api/v1/me', { headers: { cookie: session.cookie } })).status).toBe(200);

    const response = await fetch(`${t.baseUrl}/api/v1/auth/session`, {
      method: 'DELETE',
      headers: session.headers,
    });
    expect(response.status).toBe(204);
    const [cleared] = response.headers.getSetCookie();
    expect(cleared).toMatch(/^forge_session=;/);
    expect(cleared.toLowerCase()).toContain('expires=thu, 01 jan 1970');
    expect((await sessionRow(session.cookie)).revoked_at).not.toBeNull();
    const after = await t.request('GET', '/api/v1/me', { headers: { cookie: session.cookie } });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH.INVALID_SESSION');
    // Signing out again (or without a session) is harmless.
    expect((await t.request('DELETE', '/api/v1/auth/session', { headers: session.headers })).status).toBe(
      204,
    );
    expect((await t.request('DELETE', '/api/v1/auth/session')).status).toBe(204);
  });

  it('signing in again from the same browser ends the previous session', async () => {
    const user = await t.createUser(['committee']);
    const first = await t.signIn(user);
    const response = await fetch(`${t.baseUrl}/api/v1/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: first.cookie },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(response.status).toBe(200);
    expect((await sessionRow(first.cookie)).revoked_at).not.toBeNull();
  });

  it('ends sessions that were idle too long or reached their absolute expiry', async () => {
    const user = await t.createUser(['officer']);
    const idle = await t.signIn(user);
    const expired = await t.signIn(user);
    const hash = (cookie: string) =>
      createHash('sha256')
        .update(cookie.replace(/^forge_session=/, ''))
        .digest();
    await t.db.dataSource.query(
      `UPDATE user_sessions SET last_seen_at = now() - interval '601 seconds' WHERE id_hash = $1`,
      [hash(idle.cookie)],
    );
    await t.db.dataSource.query(
      `UPDATE user_sessions SET expires_at = now() - interval '1 second' WHERE id_hash = $1`,
      [hash(expired.cookie)],
    );
    for (const session of [idle, expired]) {
      const response = await t.request('GET', '/api/v1/me', { headers: { cookie: session.cookie } });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('AUTH.INVALID_SESSION');
    }
  });

  describe('the account as it is now, on every request (session and bearer)', () => {
    it('a disabled user is refused at the next request', async () => {
      const user = await t.createUser(['officer']);
      const session = await t.signIn(user);
      expect((await t.request('GET', '/api/v1/me', { token: user.token })).status).toBe(200);
      await t.db.dataSource.query(`UPDATE users SET disabled = true WHERE id = $1`, [user.id]);
      const bearer = await t.request('GET', '/api/v1/me', { token: user.token });
      expect(bearer.status).toBe(401);
      expect(bearer.body.code).toBe('AUTH.INVALID_TOKEN');
      const cookie = await t.request('GET', '/api/v1/me', { headers: { cookie: session.cookie } });
      expect(cookie.status).toBe(401);
      expect(cookie.body.code).toBe('AUTH.INVALID_SESSION');
    });

    it('a token or session of an older account version is refused', async () => {
      const user = await t.createUser(['officer']);
      const session = await t.signIn(user);
      await t.db.dataSource.query(`UPDATE users SET auth_version = auth_version + 1 WHERE id = $1`, [
        user.id,
      ]);
      expect((await t.request('GET', '/api/v1/me', { token: user.token })).status).toBe(401);
      expect((await t.request('GET', '/api/v1/me', { headers: { cookie: session.cookie } })).status).toBe(
        401,
      );
      // The refused session is ended for good, even if the version went back.
      await t.db.dataSource.query(`UPDATE users SET auth_version = 1 WHERE id = $1`, [user.id]);
      expect((await sessionRow(session.cookie)).revoked_at).not.toBeNull();
    });

    it('roles come from the database, not from the token', async () => {
      const user = await t.createUser(['admin']);
      expect((await t.request('GET', '/api/v1/admin/users', { token: user.token })).status).toBe(200);
      await t.db.dataSource.query(`UPDATE users SET roles = '{auditor}' WHERE id = $1`, [user.id]);
      const demoted = await t.request('GET', '/api/v1/admin/users', { token: user.token });
      expect(demoted.status).toBe(403);
      const me = await t.request('GET', '/api/v1/me', { token: user.token });
      expect(me.body.roles).toEqual(['auditor']);
    });
  });

  describe('one authentication per request, one token service', () => {
    it('verifies a bearer token once per request (not again in the rate limiter or the guard)', async () => {
      const user = await t.createUser(['officer']);
      const tokens = t.app.get(TokenService);
      const verify = jest.spyOn(tokens, 'verify');
      try {
        expect((await t.request('GET', '/api/v1/me', { token: user.token })).status).toBe(200);
        expect(verify).toHaveBeenCalledTimes(1);
      } finally {
        verify.mockRestore();
      }
    });

    it('provides TokenService in exactly one module', () => {
      const providers = [...t.app.get(ModulesContainer).values()].filter((module) =>
        [...module.providers.values()].some((wrapper) => wrapper.metatype === TokenService),
      );
      expect(providers.map((module) => module.metatype.name)).toEqual(['AuthModule']);
    });
  });
});
