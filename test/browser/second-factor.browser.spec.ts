import { generate } from 'otplib';
import { type Stack, startStack } from './support/harness.js';

/**
 * The console's second-factor step (docs/identity.md, "Second factor"), with AUTH_STAFF_MFA=required as in
 * production: a staff member's first sign-in enrols an authenticator app (the secret shown as text), shows the ten
 * recovery codes once, then signs in with the next code; the next sign-in asks only for a code.
 */
describe('console: second factor at sign-in', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { AUTH_STAFF_MFA: 'required' } });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('enrols an authenticator app at the first sign-in, then signs in with a code', async () => {
    const officer = await stack.user(['officer']);
    const journey = await stack.open();
    const { page } = journey;
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill(officer.email);
    await page.getByLabel('Password', { exact: true }).fill(officer.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await page.getByRole('heading', { name: 'Set up your authenticator app' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(
      await page.getByRole('link', { name: 'Open in an authenticator app' }).getAttribute('href'),
    ).toMatch(/^otpauth:\/\/totp\//);
    await journey.audit('second factor: enrolment');
    const now = Math.floor(Date.now() / 1000);
    await page
      .getByLabel('Authentication code', { exact: true })
      .fill(await generate({ secret, epoch: now }));
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();

    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    expect(await page.getByRole('listitem').count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved them: continue', exact: true }).click();

    await page.getByRole('heading', { name: 'Second factor' }).waitFor();
    await page
      .getByLabel('Authentication code', { exact: true })
      .fill(await generate({ secret, epoch: now + 30 }));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await page.waitForURL(/\/officer$/);
    await journey.audit('officer home after the second factor');
    journey.assertClean();
  });
});
