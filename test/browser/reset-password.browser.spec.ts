import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../libs/config/src/index.js';
import { runCli } from '../../scripts/cli.js';
import { recipients, type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { type Stack, startStack } from './support/harness.js';

/**
 * The password-reset email's link, end to end: the operator's CLI issues a reset (with SMTP_URL set the token leaves
 * only by email), the worker sends it to a local SMTP server, the link opens the console's /reset-password page,
 * whose errors are the server's problem+json in words, and the new password signs in.
 */
describe('console: reset-password page', () => {
  let stack: Stack;
  let smtp: SmtpSink | undefined;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    stack = await startStack({ env: { SMTP_URL: smtp.url, NOTIFICATION_POLL_MS: '50' } });
  });
  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  it('sets a new password from the emailed link, refuses a weak one and a used link, then signs in', async () => {
    const user = await stack.user(['auditor'], { name: 'reset' });
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      ['users:reset-password', '--email', user.email],
      { out: (line) => out.push(line), err: (line) => err.push(line) },
      () =>
        loadConfig({
          NODE_ENV: 'test',
          DATABASE_URL: stack.t.db.url,
          FORGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'forge-cli-')),
          SMTP_URL: smtp!.url,
          PUBLIC_URL: stack.baseUrl,
        }),
    );
    expect({ code, out }).toEqual({ code: 0, out: [`emailed to ${user.email}`] });
    // The worker sends it within a poll interval: the mailbox resolves when it arrives.
    const mail = await smtp!.received((m) => recipients(m).includes(user.email));
    const link = /(https?:\/\/\S+\/reset-password#token=\S+)/.exec(mail.text ?? '')?.[1] ?? '';
    expect(link.startsWith(`${stack.baseUrl}/reset-password#token=`)).toBe(true);

    const journey = await stack.open();
    const { page } = journey;
    await page.goto(link);
    await page.getByRole('heading', { name: 'Set a new password' }).waitFor();
    // The token leaves the address bar (and the history) once the page has read it.
    await page.waitForURL((url) => url.hash === '');
    await journey.audit('reset-password');

    // Two different passwords: said before anything is sent.
    await page.getByLabel('New password', { exact: true }).fill('first long passphrase 7');
    await page.getByLabel('Repeat the new password', { exact: true }).fill('second long passphrase 7');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('alert').getByText('The two passwords differ').waitFor();

    // A password the policy refuses: the server's problem+json, with its reason.
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Repeat the new password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('alert').getByText('The password policy refuses this password').waitFor();
    await journey.audit('reset-password refused');

    const password = 'a new and long passphrase 42';
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByLabel('Repeat the new password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('status').getByText('Your new password is set').waitFor();
    await journey.audit('reset-password done');

    // The link works once (opened again in a new tab: the same page would only change its fragment).
    const again = await stack.open();
    await again.page.goto(link);
    await again.page.getByLabel('New password', { exact: true }).fill('yet another long passphrase');
    await again.page
      .getByLabel('Repeat the new password', { exact: true })
      .fill('yet another long passphrase');
    await again.page.getByRole('button', { name: 'Set the new password' }).click();
    await again.page
      .getByRole('alert')
      .getByText('This link is unknown, used or expired: ask for a new one')
      .waitFor();
    await again.audit('reset-password link used');

    // The old password no longer works; the new one signs in.
    const signedIn = await stack.open();
    await signedIn.signIn({ email: user.email, password });
    await signedIn.page.waitForURL(/\/audit$/);
    await signedIn.audit('auditor home after a password reset');
    const old = await stack.t.request('POST', '/api/v1/auth/token', {
      body: { email: user.email, password: user.password },
    });
    expect(old.status).toBe(401);
    journey.assertClean();
    again.assertClean();
    signedIn.assertClean();
  });
});
