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
