import { loadConfig } from '@forge/config';
import { runCli } from '../cli.js';
import { type ApiClient } from './api-client.js';

/**
 * Identity in the demo: a second admin (granting officer, committee or admin needs one, four-eyes), created the way
 * an operator creates the first admins, with the CLI against the running database.
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

/** The second admin approves a role grant the first asked for (the account has no role until then). */
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
 * The second factor (docs/identity.md): staff signing in with a password need a TOTP code. Every staff account of
 * the demo enrolled an authenticator app at its first sign-in (ApiClient.login); here one more auditor shows each
 * step: sign-in refused until enrolled, enrolment (otpauth URI for the QR code, a first code, ten recovery codes),
 * a sign-in with a code, one with a recovery code, and an admin's reset after a lost phone.
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
  const refused = await api.call<{ code: string }>('POST', '/api/v1/auth/session', {
    body: account,
    expect: [401],
  });
  say(`  ${account.email} signs in with a password alone → 401 ${refused.code}`);
  const factor = await api.enrolSecondFactor(account.email, account.password);
  say(
    `  enrolled: ${factor.otpauthUri.replace(/secret=[A-Z2-7]+/, 'secret=…')} (the console shows it as a QR code)`,
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
  say('  an admin resets it (user.totp_reset; sessions end); the next sign-in enrols a new app first\n');
}
