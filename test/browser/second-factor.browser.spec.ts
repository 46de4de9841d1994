import { generate } from 'otplib';
import { type Page } from 'playwright-core';
import { type Stack, startStack } from './support/harness.js';

/** The password step of the sign-in page (what follows depends on the account's second factor). */
async function submitPassword(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * The console's second-factor step (docs/identity.md, "Second factor"), with AUTH_STAFF_MFA=required as in
 * production. Past the account's grace period (AUTH_STAFF_MFA_GRACE_HOURS after its creation: the test moves
 * `created_at` back), a staff member's sign-in enrols an authenticator app first (the secret shown as text), shows
 * the ten recovery codes once, then signs in with the next code. Within it, the person is signed in and told by
 * when to enrol, with the enrolment offered now or later.
 */
describe('console: second factor at sign-in', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { AUTH_STAFF_MFA: 'required' } });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('past the grace period, enrols an authenticator app at sign-in, then signs in with a code', async () => {
    const officer = await stack.user(['officer']);
    await stack.t.db.dataSource.query(
      `UPDATE users SET created_at = now() - interval '73 hours' WHERE id = $1`,
      [officer.id],
    );
    const journey = await stack.open();
    const { page } = journey;
    await submitPassword(page, officer);

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

  it('within the grace period, signs in and says by when to enrol; the enrolment is offered now or later', async () => {
    const officer = await stack.user(['officer']);
    const journey = await stack.open();
    const { page } = journey;
    await submitPassword(page, officer);

    await page.getByRole('heading', { name: 'Set up your second factor' }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'Staff accounts need an authenticator app' });
    expect(await notice.innerText()).toMatch(/Set one up before .*20\d\d/);
    await journey.audit('second factor: enrolment due');
    await page.getByRole('button', { name: 'Later: continue to the console', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await page.waitForURL(/\/officer$/);
    await journey.audit('officer home, second factor not enrolled yet');

    // The next sign-in (another browser) offers it again; "Set up now" goes to the enrolment.
    const again = await stack.open();
    await submitPassword(again.page, officer);
    await again.page.getByRole('button', { name: 'Set up now', exact: true }).click();
    await again.page.getByRole('heading', { name: 'Set up your authenticator app' }).waitFor();
    expect((await again.page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '')).toMatch(
      /^[A-Z2-7]{32}$/,
    );
    await again.audit('second factor: enrolment from the notice');
    journey.assertClean();
    again.assertClean();
  });
});
