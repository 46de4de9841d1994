import { type Stack, PHONE, startStack } from './support/harness.js';

/**
 * The console's front door, in a real browser against the real API: served at `/` with client routes that
 * survive a reload, the sign-in form by its accessible names, wrong credentials said in words, the language
 * picked from the browser and remembered, keyboard-only and phone-width use.
 */
describe('console: sign-in page', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('opens on the sign-in form; a deep link comes back after sign-in', async () => {
    const journey = await stack.open();
    const { page } = journey;
    await page.goto('/officer/applications/00000000-0000-4000-8000-000000000000');
    await page.waitForURL(/\/login\?next=%2Fofficer%2Fapplications%2F/);
    await page.getByLabel('Email', { exact: true }).waitFor();
    await page.getByLabel('Password', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await journey.audit('sign-in');
    journey.assertClean();
  });

  it('says in words that the credentials were not recognised, by keyboard alone', async () => {
    const journey = await stack.open();
    const { page } = journey;
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).waitFor();
    // Tab from the top of the page to the Email field, then through the form to the button.
    const email = page.getByLabel('Email', { exact: true });
    for (
      let step = 0;
      step < 10 && !(await email.evaluate((el) => el === document.activeElement));
      step += 1
    ) {
      await page.keyboard.press('Tab');
    }
    expect(await email.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('nobody@forge.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the right password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe('nobody@forge.test');
    await journey.audit('sign-in refused');
    journey.assertClean();
  });

  it('signs in with a session cookie the page cannot read, and signs out on the server', async () => {
    const officer = await stack.user(['officer']);
    const journey = await stack.open();
    const { page } = journey;
    await journey.signIn(officer);
    await page.waitForURL(/\/officer$/);
    await journey.audit('officer home after sign-in');
    // The session is an HttpOnly cookie: invisible to scripts, and nothing but the language in storage.
    expect(await page.evaluate(() => document.cookie)).not.toContain('forge_session');
    const cookies = await journey.context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'forge_session')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto('/officer');
    await page.waitForURL(/\/login\?next=%2Fofficer/);
    await journey.audit('sign-in after sign-out');
    journey.assertClean();
  });

  it('speaks the browser’s language, remembers a choice and sets <html lang>', async () => {
    const journey = await stack.open({ locale: 'es-AR' });
    const { page } = journey;
    await page.goto('/login');
    await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await journey.audit('sign-in (es)');
    await page.getByLabel('Idioma').selectOption('pt-BR');
    await page.getByRole('button', { name: 'Entrar', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('pt-BR');
    await page.reload();
    await page.getByLabel('Senha', { exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('pt-BR');
    await journey.audit('sign-in (pt-BR)');
    journey.assertClean();
  });

  it('fits a 390 px wide phone without sideways scrolling', async () => {
    const journey = await stack.open({ viewport: PHONE });
    const { page } = journey;
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await journey.audit('sign-in (phone)');
    journey.assertClean();
  });
});
