import { startTestIdentityProvider, type TestIdentityProvider } from '../../support/oidc-provider.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/**
 * Issue 19, single sign-on: staff sign in with a real OpenID Connect provider (`oidc-provider`, started here on a
 * loopback port) through openid-client's authorization code flow with PKCE; groups map to roles by configuration;
 * the session is the console's cookie session, without our TOTP step (the provider is responsible).
 */
describe('OpenID Connect staff sign-in', () => {
  let idp: TestIdentityProvider;
  let t: TestApp;
  beforeAll(async () => {
    idp = await startTestIdentityProvider();
    t = await createTestApp({
      env: {
        AUTH_STAFF_MFA: 'required',
        OIDC_ISSUER_URL: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        OIDC_REDIRECT_URL: idp.redirectUrl,
        OIDC_SCOPES: 'openid email profile groups',
        OIDC_ROLE_MAPPING: 'fund-officers=officer,fund-ic=committee,fund-audit=auditor,fund-admins=admin',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  function cookie(headers: Record<string, unknown>, name: string): string | undefined {
    return ([] as string[])
      .concat((headers['set-cookie'] as string[] | undefined) ?? [])
      .find((line) => line.startsWith(`${name}=`) && !line.startsWith(`${name}=;`));
  }

  /** The browser's round trip: start, sign in at the provider as `accountId`, come back to the callback. */
  async function signInAs(accountId: string, options: { flowFrom?: string } = {}) {
    const start = await t.request('GET', '/api/v1/auth/oidc/start');
    expect(start.status).toBe(302);
    const flow = cookie(start.headers, 'forge_oidc');
    expect(flow).toMatch(/HttpOnly/);
    expect(flow).toMatch(/SameSite=Lax/);
    const back = await idp.authorize(String(start.headers.location), accountId);
    const callback = await t.request('GET', `/api/v1/auth/oidc/callback${back.search}`, {
      headers: { cookie: (options.flowFrom ?? flow!).split(';')[0]! },
    });
    expect(callback.status).toBe(302);
    const session = cookie(callback.headers, 'forge_session');
    return { location: String(callback.headers.location), session: session?.split(';')[0] };
  }

  function userByEmail(email: string): Promise<Array<{ id: string; roles: string[] }>> {
    return t.db.dataSource.query(`SELECT id, roles FROM users WHERE lower(email) = lower($1)`, [email]);
  }

  function events(userId: string, action: string) {
    return t.db.dataSource.query(
      `SELECT actor_id, before, after, context FROM audit_events
        WHERE subject_type = 'user' AND subject_id = $1 AND action = $2 ORDER BY seq`,
      [userId, action],
    );
  }

  it('tells the console that single sign-on is offered, and sends the browser to the provider with PKCE', async () => {
    const providers = await t.request('GET', '/api/v1/auth/providers');
    expect(providers.status).toBe(200);
    expect(providers.body).toEqual({ oidc: true });
    const start = await t.request('GET', '/api/v1/auth/oidc/start');
    const target = new URL(String(start.headers.location));
    expect(target.origin).toBe(idp.issuer);
    expect(target.searchParams.get('client_id')).toBe(idp.clientId);
    expect(target.searchParams.get('redirect_uri')).toBe(idp.redirectUrl);
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    expect(target.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(target.searchParams.get('state')).toBeTruthy();
    expect(target.searchParams.get('nonce')).toBeTruthy();
  });

  it('signs an officer in: account created with the mapped role, a console session, no TOTP step', async () => {
    idp.accounts.set('ana', {
      email: 'ana.officer@fund.example',
      name: 'Ana Officer',
      groups: ['fund-officers', 'all-staff'],
    });
    const { location, session } = await signInAs('ana');
    expect(location).toBe('/');
    expect(session).toBeDefined();
    const current = await t.request('GET', '/api/v1/auth/session', { headers: { cookie: session! } });
    expect(current.status).toBe(200);
    expect(current.body.user).toMatchObject({
      email: 'ana.officer@fund.example',
      displayName: 'Ana Officer',
      roles: ['officer'],
      organizationId: null,
    });
    const [user] = await userByEmail('ana.officer@fund.example');
    const methods: Array<{ method: string }> = await t.db.dataSource.query(
      `SELECT method FROM user_sessions WHERE user_id = $1`,
      [user!.id],
    );
    expect(methods).toEqual([{ method: 'oidc' }]);
    const links: unknown[] = await t.db.dataSource.query(
      `SELECT issuer, subject FROM user_external_identities WHERE user_id = $1`,
      [user!.id],
    );
    expect(links).toEqual([{ issuer: idp.issuer, subject: 'ana' }]);
    expect(await events(user!.id, 'user.created')).toEqual([
      expect.objectContaining({
        actor_id: 'system',
        after: expect.objectContaining({ roles: ['officer'] }),
        context: expect.objectContaining({ source: 'oidc', subject: 'ana' }),
      }),
    ]);
    // Her session reaches officer routes.
    expect((await t.request('GET', '/api/v1/applications', { headers: { cookie: session! } })).status).toBe(
      200,
    );
  });

  it('follows the groups at every sign-in: moved to the audit group, she is an auditor (roles_changed)', async () => {
    idp.accounts.set('ana', { email: 'ana.officer@fund.example', groups: ['fund-audit'] });
    const { session } = await signInAs('ana');
    const current = await t.request('GET', '/api/v1/auth/session', { headers: { cookie: session! } });
    expect(current.body.user.roles).toEqual(['auditor']);
    const [user] = await userByEmail('ana.officer@fund.example');
    expect(await events(user!.id, 'user.roles_changed')).toEqual([
      expect.objectContaining({
        actor_id: 'system',
        before: { roles: ['officer'] },
        after: { roles: ['auditor'] },
      }),
    ]);
  });

  it('gives an unmapped group no staff role: no session, no account, the refusal audited', async () => {
    idp.accounts.set('ivo', { email: 'ivo.intern@fund.example', groups: ['fund-interns'] });
    const { location, session } = await signInAs('ivo');
    expect(location).toBe('/login?signInError=AUTH.OIDC_NO_ROLE');
    expect(session).toBeUndefined();
    expect(await userByEmail('ivo.intern@fund.example')).toEqual([]);
    const refused: unknown[] = await t.db.dataSource.query(
      `SELECT context FROM audit_events WHERE action = 'auth.failed_login' AND subject_id = 'ivo.intern@fund.example'`,
    );
    expect(refused).toEqual([
      { context: expect.objectContaining({ reason: 'oidc_no_role', groups: 'fund-interns' }) },
    ]);

    // Someone who had a role and lost every mapped group loses the role.
    idp.accounts.set('ana', { email: 'ana.officer@fund.example', groups: ['alumni'] });
    expect((await signInAs('ana')).location).toBe('/login?signInError=AUTH.OIDC_NO_ROLE');
    expect((await userByEmail('ana.officer@fund.example'))[0]!.roles).toEqual([]);
  });

  it('refuses admin combined with officer (segregation of duties)', async () => {
    idp.accounts.set('max', { email: 'max@fund.example', groups: ['fund-admins', 'fund-officers'] });
    expect((await signInAs('max')).location).toBe('/login?signInError=AUTH.OIDC_ROLES_CONFLICT');
    expect(await userByEmail('max@fund.example')).toEqual([]);
  });

  it('links an existing staff account by verified email; never a sponsor account or an unverified email', async () => {
    const committee = await t.createUser(['committee'], { email: 'cleo.ic@fund.example' });
    idp.accounts.set('cleo', { email: 'Cleo.IC@fund.example', groups: ['fund-ic'] });
    const { session } = await signInAs('cleo');
    const current = await t.request('GET', '/api/v1/auth/session', { headers: { cookie: session! } });
    expect(current.body.user).toMatchObject({ id: committee.id, roles: ['committee'] });
    expect(await events(committee.id, 'user.identity_linked')).toHaveLength(1);

    const sponsor = await t.createUser(['sponsor'], { email: 'sam.sponsor@mine.example' });
    idp.accounts.set('sam', { email: sponsor.email, groups: ['fund-officers'] });
    expect((await signInAs('sam')).location).toBe('/login?signInError=AUTH.OIDC_FAILED');
    expect((await userByEmail(sponsor.email))[0]!.roles).toEqual(['sponsor']);

    const officer = await t.createUser(['officer'], { email: 'olga@fund.example' });
    idp.accounts.set('olga', { email: officer.email, emailVerified: false, groups: ['fund-officers'] });
    expect((await signInAs('olga')).location).toBe('/login?signInError=AUTH.OIDC_FAILED');
  });

  it('refuses a callback whose flow cookie belongs to another sign-in (state and PKCE bind the round trip)', async () => {
    idp.accounts.set('eve', { email: 'eve@fund.example', groups: ['fund-officers'] });
    const other = await t.request('GET', '/api/v1/auth/oidc/start');
    const foreign = cookie(other.headers, 'forge_oidc')!;
    const { location, session } = await signInAs('eve', { flowFrom: foreign });
    expect(location).toBe('/login?signInError=AUTH.OIDC_FAILED');
    expect(session).toBeUndefined();
    const missing = await t.request('GET', '/api/v1/auth/oidc/callback?code=x&state=y');
    expect(missing.headers.location).toBe('/login?signInError=AUTH.OIDC_FAILED');
  });
});
