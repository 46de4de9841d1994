import { loadConfig } from '@forge/config';
import { runCli } from '../cli.js';
import { type ApiClient } from './api-client.js';
import type { IdentityProvider } from './oidc-provider.js';

/**
 * Identity in the demo: a second admin (granting admin, and whatever else ROLE_GRANT_APPROVAL names, needs one:
 * four-eyes), created the way an operator creates the first admins, with the CLI against the running database.
 */
export async function createAdminWithCli(
  databaseUrl: string,
  env: Record<string, string | undefined>,
  account: { email: string; password: string; displayName: string },
): Promise<void> {
  const errors: string[] = [];
  const code = await runCli(
    [
      'users:create',
      '--email',
      account.email,
      '--password',
      account.password,
      '--role',
      'admin',
      '--display-name',
      account.displayName,
    ],
    { out: () => {}, err: (line) => errors.push(line) },
    () => loadConfig({ ...env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }),
  );
  if (code !== 0) throw new Error(`npm run cli -- users:create failed: ${errors.join(' ')}`);
}

/** The second admin approves a role grant the first asked for (the account holds none of the roles until then). */
export async function approveRoleRequest(
  api: ApiClient,
  approverToken: string,
  requestId: string,
): Promise<void> {
  await api.call('POST', `/api/v1/admin/role-requests/${requestId}/approve`, {
    token: approverToken,
    body: { note: 'demo: checked by the second admin' },
  });
}

/**
 * The second factor (docs/identity.md): staff signing in with a password need a TOTP code, after an enrolment grace
 * period (AUTH_STAFF_MFA_GRACE_HOURS, 72 h from the account's creation). Every staff account of the demo enrolled an
 * authenticator app at its first sign-in, as the answer invited it to (ApiClient.login); here one more auditor shows
 * each step: a password alone is accepted within the grace, with the due time, enrolment (otpauth URI for the QR
 * code, a first code, ten recovery codes), a sign-in with a code, one with a recovery code, and an admin's reset
 * after a lost phone.
 */
export async function runSecondFactorDemo(
  api: ApiClient,
  adminToken: string,
  account: { email: string; password: string },
  say: (line: string) => void,
): Promise<void> {
  say('Second factor (TOTP)');
  const created = await api.call<{ id: string }>('POST', '/api/v1/admin/users', {
    token: adminToken,
    body: { ...account, displayName: 'Second-factor auditor', roles: ['auditor'] },
  });
  const due = await api.call<{ secondFactor?: { status: string; dueAt: string } }>(
    'POST',
    '/api/v1/auth/token',
    { body: account },
  );
  say(
    `  ${account.email} signs in with a password alone → 200 (api.md's answer) with secondFactor ` +
      `${JSON.stringify(due.secondFactor)}: enrol before then, or from then on 401 AUTH.TOTP_ENROLMENT_REQUIRED`,
  );
  const factor = await api.enrolSecondFactor(account.email, account.password);
  say(
    `  enrolled: ${factor.otpauthUri.replace(/secret=[A-Z2-7]+/, 'secret=…')} (the console shows the secret and this link, no QR image: docs/identity.md)`,
  );
  say(
    `  confirmed with a first code; ${factor.recoveryCodes.length} recovery codes shown once, stored as Argon2id hashes`,
  );
  const code = await api.nextCode(factor);
  await api.call('POST', '/api/v1/auth/session', { body: { ...account, code } });
  say(`  signs in with the code ${code} → 200 (the same code again: 401 AUTH.TOTP_INVALID)`);
  await api.call('POST', '/api/v1/auth/session', { body: { ...account, code }, expect: [401] });
  await api.call('POST', '/api/v1/auth/session', { body: { ...account, code: factor.recoveryCodes[0] } });
  say('  signs in with a recovery code → 200 (single use; user.recovery_code_used, 9 left)');
  await api.call('POST', `/api/v1/admin/users/${created.id}/totp/reset`, {
    token: adminToken,
    body: { reason: 'demo: lost phone, identity checked by video call' },
  });
  api.secondFactors.delete(account.email);
  await api.login(account.email, account.password);
  say(
    '  an admin resets it (user.totp_reset; sessions end); the next sign-in needs a new app (enrolled at once here;' +
      ' the grace counts from the account creation, not from the reset)\n',
  );
}

/** The demo's group → role mapping (OIDC_ROLE_MAPPING), as a fund's IT would configure it. */
const DEMO_ROLE_MAPPING = 'fund-officers=officer,fund-ic=committee,fund-audit=auditor,fund-admins=admin';

export interface DemoSingleSignOn {
  provider: IdentityProvider;
  /** The OIDC_* variables the API starts with. */
  env: Record<string, string>;
}

/**
 * Starts a local OpenID Connect provider (`oidc-provider`, scripts/demo/oidc-provider.ts) before the API, so the
 * API starts with single sign-on configured. Optional: null, with the reason said, when the operator configured a
 * provider of their own (OIDC_ISSUER_URL) or when `oidc-provider`, a development dependency, is not installed
 * (`npm ci` installs it; `npm ci --omit=dev` does not).
 */
export async function startDemoSingleSignOn(
  baseUrl: string,
  env: Record<string, string | undefined>,
  say: (line: string) => void,
): Promise<DemoSingleSignOn | null> {
  if (env.OIDC_ISSUER_URL) {
    say('  single sign-on: OIDC_ISSUER_URL is set, so the demo skips its own provider and its SSO step');
    return null;
  }
  // oidc-provider warns about its development defaults (keys, in-memory store, login pages, Node 20), which are
  // the point of a local demo provider: the SSO step says so in one line instead.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('oidc-provider WARNING')) warn(...args);
  };
  let provider: IdentityProvider;
  try {
    const { startIdentityProvider } = await import('./oidc-provider.js');
    provider = await startIdentityProvider({ redirectUrl: `${baseUrl}/api/v1/auth/oidc/callback` });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    say(
      '  single sign-on step skipped: oidc-provider (a development dependency) is not installed; npm ci installs it',
    );
    return null;
  } finally {
    console.warn = warn;
  }
  return {
    provider,
    env: {
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URL: provider.redirectUrl,
      OIDC_SCOPES: 'openid email profile groups',
      OIDC_ROLE_MAPPING: DEMO_ROLE_MAPPING,
    },
  };
}

/** One cookie (`name=value`) of an answer's Set-Cookie headers, or undefined. */
function cookieFrom(response: Response, name: string): string | undefined {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .find((pair) => pair.startsWith(`${name}=`) && pair !== `${name}=`);
}

/**
 * Issue 19, single sign-on (docs/identity.md): a staff member signs in through the provider with the authorization
 * code flow and PKCE, as a browser would (the demo follows the redirects itself); the provider's groups map to a
 * FORGE role; the session needs no TOTP step (the provider is responsible). A person whose groups map to no role
 * is refused, and no account is created.
 */
export async function runSingleSignOnDemo(
  api: ApiClient,
  sso: DemoSingleSignOn,
  runId: string,
  say: (line: string) => void,
): Promise<void> {
  say('Single sign-on for staff (OpenID Connect)');
  say(
    `  a local oidc-provider at ${sso.provider.issuer} (development keys, store and login pages: demo only); ` +
      `OIDC_ROLE_MAPPING=${DEMO_ROLE_MAPPING}`,
  );
  const providers = await api.call<{ oidc: boolean }>('GET', '/api/v1/auth/providers');
  const signIn = async (accountId: string) => {
    const start = await fetch(`${api.baseUrl}/api/v1/auth/oidc/start`, { redirect: 'manual' });
    const flow = cookieFrom(start, 'forge_oidc');
    const target = new URL(start.headers.get('location') ?? '');
    if (start.status !== 302 || !flow) throw new Error(`GET /auth/oidc/start → ${start.status}`);
    const back = await sso.provider.authorize(target.href, accountId);
    const callback = await fetch(`${api.baseUrl}/api/v1/auth/oidc/callback${back.search}`, {
      redirect: 'manual',
      headers: { cookie: flow },
    });
    return {
      target,
      location: callback.headers.get('location'),
      session: cookieFrom(callback, 'forge_session'),
    };
  };

  const email = `ana.sso+${runId}@fund.example`;
  sso.provider.accounts.set('ana', { email, name: 'Ana Ibarra', groups: ['fund-officers', 'all-staff'] });
  const ana = await signIn('ana');
  say(
    `  the console offers it (GET /auth/providers → oidc ${providers.oidc}); GET /auth/oidc/start → 302 to the ` +
      `provider: code flow, PKCE ${ana.target.searchParams.get('code_challenge_method')}, state and nonce`,
  );
  if (!ana.session) throw new Error(`single sign-on of ${email} gave no session (→ ${ana.location})`);
  const current = await fetch(`${api.baseUrl}/api/v1/auth/session`, { headers: { cookie: ana.session } });
  const { user } = (await current.json()) as { user: { displayName: string; roles: string[] } };
  say(
    `  ${email} (groups fund-officers, all-staff) signs in at the provider → callback 302 ${ana.location} with a ` +
      `console session: ${user.displayName}, roles [${user.roles.join(', ')}]`,
  );
  say('  account created on first sign-in (user.created, source oidc); no TOTP step: the provider does MFA');
  sso.provider.accounts.set('ivo', { email: `ivo.sso+${runId}@fund.example`, groups: ['fund-interns'] });
  const ivo = await signIn('ivo');
  say(
    `  someone in an unmapped group (fund-interns) → ${ivo.location}: no session, no account, auth.failed_login\n`,
  );
  if (ivo.session) throw new Error('an unmapped group was given a session');
}
