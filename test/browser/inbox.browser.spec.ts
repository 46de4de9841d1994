import { type Stack, startStack, until } from './support/harness.js';
import { screenedApplication } from './support/seed.js';

/**
 * monitoring.md "Inbox" in the console: what awaits me now, each item with its link target, marked read. A sponsor
 * (in Spanish) finds the fund's question in the inbox, marks it read (it stays listed: the answer still waits),
 * and follows it to the application's page; a link as an email carries it (`/applications/:id/…`, role-neutral)
 * opens the page of the reader's role, for the sponsor and for the officer alike.
 */
describe('console: the inbox and link targets', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('a sponsor reads the fund’s question in the inbox and follows it; email links open each role’s page', async () => {
    const [sponsor, officer] = await Promise.all([stack.user(['sponsor']), stack.user(['officer'])]);
    const app = await screenedApplication(stack, sponsor);
    const asked = await stack.t.request('POST', `/api/v1/applications/${app.id}/information-requests`, {
      token: officer.token,
      body: { question: 'Send the water extraction permit, please.' },
    });
    expect(asked.status).toBe(201);
    const item = await until('the question in the sponsor’s inbox', async () => {
      const inbox = await stack.t.request('GET', '/api/v1/me/inbox', { token: sponsor.token });
      return (inbox.body.items as Array<{ template: string; target: { path: string } }>).find(
        (i) => i.template === 'information_requested',
      );
    });

    const journey = await stack.open({ locale: 'es-AR' });
    const page = journey.page;
    await page.goto('/login');
    await journey.audit('inicio de sesión');
    await page.getByLabel('Correo electrónico', { exact: true }).fill(sponsor.email);
    await page.getByLabel('Contraseña', { exact: true }).fill(sponsor.password);
    await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mis solicitudes' }).waitFor();
    await journey.audit('sponsor: home');
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Bandeja de entrada' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Bandeja de entrada' }).waitFor();
    const table = page.getByRole('table', { name: /^Mi bandeja/ });
    const row = table.getByRole('row').filter({ hasText: 'El fondo hizo una pregunta' });
    await row.getByText(app.reference).waitFor();
    await row.getByText('Le espera').waitFor();
    await page.getByRole('status').filter({ hasText: '1 sin leer' }).waitFor();
    await journey.audit('sponsor: inbox');

    // Read, still awaiting the answer: the item stays, without its unread mark.
    await row.getByRole('button', { name: 'Marcar como leído: El fondo hizo una pregunta' }).click();
    await page.getByRole('status').filter({ hasText: '0 sin leer' }).waitFor();
    expect(await row.getByText('Sin leer', { exact: true }).count()).toBe(0);
    await row.getByText('Le espera').waitFor();
    await journey.audit('sponsor: inbox, read');

    // The item's link opens the sponsor's own page of the application.
    await row.getByRole('link', { name: 'El fondo hizo una pregunta' }).click();
    await page.waitForURL(`**/sponsor/applications/${app.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await journey.audit('sponsor: the application from the inbox');

    // The same target as an email's link: role-neutral, resolved for each reader.
    expect(item.target.path).toMatch(new RegExp(`^/applications/${app.id}/information-requests/`));
    await journey.goto(item.target.path);
    await page.waitForURL(`**/sponsor/applications/${app.id}`);
    const office = await stack.open();
    await office.signIn(officer);
    await office.page.getByRole('heading', { level: 1, name: 'Work queue' }).waitFor();
    await office.audit('officer: work queue');
    await office.goto(item.target.path);
    await office.page.waitForURL(`**/officer/applications/${app.id}?tab=requests`);
    await office.page.getByRole('tab', { name: /^Requests/, selected: true }).waitFor();
    await office.audit('officer: the requests tab from an email link');
    journey.assertClean();
    office.assertClean();
  });
});
