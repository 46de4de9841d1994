import { randomUUID } from 'node:crypto';
import { ROLES as DOMAIN_ROLES, type Role } from '../../../libs/domain/src/index.js';
import { discoverRoutes as discover, type DiscoveredRoute } from '../../support/routes.js';
import { createTestApp, type TestApp, type TestSession, type TestUser } from '../../support/test-app.js';

const ROLES: readonly Role[] = DOMAIN_ROLES;
/** The only routes anyone may call without a token. A new public route must be added here on purpose. */
const PUBLIC_ROUTES = new Set([
  'GET /health/live',
  'GET /health/ready',
  'POST /api/v1/auth/token',
  'POST /api/v1/auth/session',
  'DELETE /api/v1/auth/session',
  'POST /api/v1/auth/password-reset',
  // The second factor's enrolment is proved by the password in the body (docs/identity.md, "Second factor").
  'POST /api/v1/auth/totp/enrolment',
  'POST /api/v1/auth/totp/enrolment/confirm',
  // Single sign-on: which methods exist, and the browser's round trip through the identity provider.
  'GET /api/v1/auth/providers',
  'GET /api/v1/auth/oidc/start',
  'GET /api/v1/auth/oidc/callback',
  // portfolio.md: the public register and IATI (rate-limited, cacheable).
  'GET /api/v1/public/projects',
  'GET /api/v1/public/projects/:reference',
  'GET /api/v1/public/projects/:reference/documents/:documentId',
  'GET /api/v1/public/iati/activities.xml',
]);
/** The routes that describe the console session itself: a cookie, any role; a bearer token is refused. */
const SESSION_ROUTES = new Set(['GET /api/v1/auth/session']);
/** The refusals of the global AuthGuard (apps/api/src/auth/auth.guard.ts), as opposed to a handler's own 403. */
const GUARD_REFUSALS = [
  'Your role may not do this',
  'Auditors have read-only access',
  'declares no access policy',
];

/** Every route the running Nest app registered, with the policy its decorators declare. */
function discoverRoutes(t: TestApp): DiscoveredRoute[] {
  return discover(t.app);
}

/** Path parameters get a random UUID: the policy check runs before any handler looks at them. */
function concrete(path: string): string {
  return path.replace(/:[A-Za-z0-9_]+\??/g, () => randomUUID()).replace(/\*/g, randomUUID());
}

describe('role × route matrix (generated from the route metadata)', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];
  const users = new Map<Role, TestUser>();
  const sessions = new Map<Role, TestSession>();

  beforeAll(async () => {
    t = await createTestApp();
    routes = discoverRoutes(t);
    for (const role of ROLES) {
      const user = await t.createUser([role]);
      users.set(role, user);
      sessions.set(role, await t.signIn(user));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  /** Calls a route with a bearer token, a console session (cookie and CSRF token), or nothing. */
  function call(route: DiscoveredRoute, credential?: string | TestSession) {
    const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
    if (typeof credential === 'object') {
      return t.request(route.method, concrete(route.path), { headers: credential.headers, body });
    }
    return t.request(route.method, concrete(route.path), { token: credential, body });
  }

  it('finds the routes of every feature module, including identity, health and the ones added later', () => {
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /health/live',
        'GET /health/ready',
        'POST /api/v1/auth/token',
        'GET /api/v1/me',
        'POST /api/v1/admin/users',
        'GET /api/v1/admin/users',
        'POST /api/v1/admin/organizations',
        'GET /api/v1/admin/organizations',
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every route declares a policy, and only the known routes are public or session-only', () => {
    const undeclared = routes
      .filter((route) => route.policy === undefined)
      .map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
    const publicRoutes = routes
      .filter((route) => route.policy?.kind === 'public')
      .map((route) => `${route.method} ${route.path}`);
    expect(publicRoutes.filter((key) => !PUBLIC_ROUTES.has(key))).toEqual([]);
    const sessionRoutes = routes
      .filter((route) => route.policy?.kind === 'session')
      .map((route) => `${route.method} ${route.path}`);
    expect(sessionRoutes.sort()).toEqual([...SESSION_ROUTES].sort());
  });

  it('every route declaring roles names at least one known role', () => {
    for (const route of routes) {
      if (route.policy?.kind !== 'roles') continue;
      expect({ route: route.handler, ok: route.policy.roles.length > 0 }).toEqual({
        route: route.handler,
        ok: true,
      });
      for (const role of route.policy.roles) expect(ROLES).toContain(role);
    }
  });

  it('without a token: 401 problem+json on every non-public route', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      if (route.policy?.kind === 'public') continue;
      const response = await call(route);
      if (response.status !== 401 || !String(response.headers['content-type']).includes('problem+json')) {
        failures.push(`${route.method} ${route.path} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  describe.each(['bearer token', 'session cookie'] as const)('with a %s', (kind) => {
    const credential = (role: Role) =>
      kind === 'bearer token' ? users.get(role)!.token : sessions.get(role)!;

    it.each(ROLES)(
      'as %s: 403 on every route the policy does not grant, never a guard refusal on the others',
      async (role) => {
        const failures: string[] = [];
        for (const route of routes) {
          if (route.policy?.kind === 'session') {
            const response = await call(route, credential(role));
            const expected = kind === 'session cookie' ? 200 : 401;
            if (response.status !== expected) {
              failures.push(`${route.method} ${route.path} → ${response.status}, expected ${expected}`);
            }
            continue;
          }
          if (route.policy?.kind !== 'roles') continue;
          const granted = route.policy.roles.includes(role) && !(role === 'auditor' && route.policy.write);
          const response = await call(route, credential(role));
          const detail = String(response.body?.detail ?? '');
          const guardRefused =
            (response.status === 403 && GUARD_REFUSALS.some((text) => detail.includes(text))) ||
            response.body?.code === 'AUTH.CSRF';
          if (!granted && !(response.status === 403 && response.body?.code === 'AUTH.FORBIDDEN')) {
            failures.push(`${route.method} ${route.path} → ${response.status}, expected 403 (not granted)`);
          }
          if (granted && (response.status === 401 || guardRefused)) {
            failures.push(
              `${route.method} ${route.path} → ${response.status} ${detail}, expected the handler to run`,
            );
          }
        }
        expect(failures).toEqual([]);
      },
    );
  });

  it('with a session cookie but no or a wrong x-csrf-token: 403 AUTH.CSRF on every write, never on reads', async () => {
    const failures: string[] = [];
    for (const role of ROLES) {
      const session = sessions.get(role)!;
      for (const route of routes) {
        if (route.policy?.kind !== 'roles' || route.method === 'GET') continue;
        if (!route.policy.roles.includes(role)) continue;
        for (const csrf of [undefined, 'x'.repeat(43)]) {
          const headers: Record<string, string> = { cookie: session.cookie };
          if (csrf) headers['x-csrf-token'] = csrf;
          const body = route.method === 'DELETE' ? undefined : {};
          const response = await t.request(route.method, concrete(route.path), { headers, body });
          if (response.status !== 403 || response.body?.code !== 'AUTH.CSRF') {
            failures.push(
              `${role} ${route.method} ${route.path} csrf=${csrf ? 'wrong' : 'none'} → ${response.status}`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('auditors get 403 on every write route, whatever roles the route names', async () => {
    const auditor = users.get('auditor')!;
    const writes = routes.filter((route) => route.policy?.kind === 'roles' && route.policy.write);
    expect(writes.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const route of writes) {
      const response = await call(route, auditor.token);
      if (response.status !== 403) failures.push(`${route.method} ${route.path} → ${response.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('an auditor who also holds a granted role is not refused as an auditor on write routes', async () => {
    const both = await t.createUser(['auditor', 'admin']);
    const response = await t.request('GET', '/api/v1/admin/users', { token: both.token });
    expect(response.status).toBe(200);
    const write = await t.request('POST', '/api/v1/admin/organizations', { token: both.token, body: {} });
    expect(write.status).toBe(400);
  });
});
