import { type Stack, startStack } from './support/harness.js';
import { applicationInFinancing, financingToCommittee } from './support/seed.js';

/**
 * portfolio.md "Co-financing and mobilisation", in the console. The admin registers a private cofinancier (the
 * list shows its kind, sector and id) and its partner's account. The officer records a co-financing line with the
 * financing structure: the API's refusals stand at the fields they name (an amount that is not one, a sponsor
 * where a cofinancier belongs), then the line, private direct mobilisation and the ratio are on the Financing
 * tab. The partner of that cofinancier reads nothing before committee (404, as for a stranger) and no other
 * role's page (the route guard), then, from committee on, its project and its own line, commits the line
 * (audited) and sees mobilisation follow, in Spanish too.
 */
describe('console: co-financing lines and the partner', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('records co-financing on the structure; the partner reads its project and commits its line', async () => {
    const [admin, sponsor, officer] = await Promise.all([
      stack.user(['admin']),
      stack.user(['sponsor']),
      stack.user(['officer']),
    ]);
    const rio = await applicationInFinancing(stack, sponsor, officer);

    // The admin registers the bank as a private cofinancier and its partner user; the list shows its id.
    const desk = await stack.open();
    await desk.signIn(admin);
    await desk.page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await desk.audit('admin: users');
    await desk.goto('/admin/organizations');
    const a = desk.page;
    await a.getByRole('textbox', { name: 'Name', exact: true }).fill('Banco Andino de Inversión');
    await a.getByRole('combobox', { name: 'Country', exact: true }).selectOption('PE');
    await a.getByRole('textbox', { name: 'Registration number', exact: true }).fill('20100047218');
    await a.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('cofinancier');
    await a.getByRole('combobox', { name: 'Sector', exact: true }).selectOption('private');
    await a.getByRole('button', { name: 'Register the organisation' }).click();
    const bankRow = a
      .getByRole('table', { name: 'Organisations: kind, country, registration number and id' })
      .getByRole('row')
      .filter({ hasText: 'Banco Andino de Inversión' });
    await bankRow.getByText('Cofinancier · Private').waitFor();
    expect(await bankRow.locator('code').textContent()).toMatch(/^[0-9a-f-]{36}$/);
    await desk.audit('admin: organisations with a cofinancier');
    await desk.goto('/admin/users');
    const partner = {
      email: `partner-${Date.now().toString(36)}@forge.test`,
      password: 'Quebrada-azul-lines-2026',
    };
    const create = a.getByRole('region', { name: 'Create an account' });
    await create.getByRole('textbox', { name: /^Email/ }).fill(partner.email);
    await create.getByRole('textbox', { name: 'Name', exact: true }).fill('Bank partner');
    await create.getByLabel('Initial password').fill(partner.password);
    await create.getByRole('checkbox', { name: 'Co-financing partner' }).check();
    await create
      .getByRole('combobox', { name: /^Organisation/ })
      .selectOption({ label: 'Banco Andino de Inversión' });
    await create.getByRole('button', { name: 'Create the account' }).click();
    await create.getByRole('status').waitFor();
    await desk.audit('admin: partner created');

    // The officer: the Financing tab's editor, one co-financing line.
    const office = await stack.open();
    await office.signIn(officer);
    const page = office.page;
    await page.getByRole('heading', { level: 1, name: 'Work queue' }).waitFor();
    await office.audit('work queue');
    await office.goto(`/officer/applications/${rio.id}?tab=financing`);
    await page.getByRole('button', { name: 'Record the structure and reassess' }).waitFor();
    await page.getByRole('button', { name: 'Add a co-financing line' }).click();
    const line = page.getByRole('group', { name: 'Co-financing line 1' });
    await line
      .getByRole('combobox', { name: /^Organisation/ })
      .selectOption({ label: 'Another cofinancier (by its organisation id)' });
    await line.getByLabel('Organisation id').fill(sponsor.organizationId as string);
    await office.audit('financing editor with a co-financing line');
    const amount = line.getByLabel('Co-financed amount (US$)');
    const organizationId = line.getByLabel('Organisation id');
    const save = page.getByRole('button', { name: 'Record the structure and reassess' });

    // No amount: the request's validation names cofinancing.0.amountUsd, shown at the amount.
    await save.click();
    await line.locator('input[aria-invalid="true"]').first().waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await organizationId.getAttribute('aria-invalid')).not.toBe('true');

    // A sponsor where a cofinancier belongs: the domain names cofinancing[0].organizationId.
    await amount.fill('45000000');
    await save.click();
    await line.getByText(/is a sponsor, not a cofinancier/).waitFor();
    expect(await organizationId.getAttribute('aria-invalid')).toBe('true');
    expect(await amount.getAttribute('aria-invalid')).not.toBe('true');
    await office.audit('financing editor: refused co-financing line');

    // Every cofinancier is offered by name (GET /cofinanciers): the bank, picked from the list.
    await line
      .getByRole('combobox', { name: /^Organisation/ })
      .selectOption({ label: 'Banco Andino de Inversión' });
    await organizationId.waitFor({ state: 'detached' });
    await save.click();
    const cofinancing = page.getByRole('region', { name: 'Co-financing', exact: true });
    const row = cofinancing.getByRole('row').filter({ hasText: 'Banco Andino de Inversión' });
    await row.getByText('Indicated').waitFor();
    await row.getByText('Private').waitFor();
    await row.getByText('$45,000,000').waitFor();
    // Indicated lines are not mobilised yet.
    await cofinancing.getByText('0.00×').waitFor();
    await office.audit('financing tab: co-financing on record');
    await office.screenshot('officer-cofinancing');

    // The partner, before committee: nothing (the API answers 404 as for a stranger).
    const bank = await stack.open();
    await bank.signIn(partner);
    const p = bank.page;
    await p.getByRole('heading', { level: 1, name: 'Co-financed projects' }).waitFor();
    await p
      .getByText('Your organisation co-finances no project that has reached the investment committee.')
      .waitFor();
    const nav = p.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Co-financed projects', 'Inbox']);
    await bank.audit('partner home (nothing yet)');
    await bank.goto(`/partner/projects/${rio.id}`);
    await p.getByRole('heading', { level: 1, name: 'Co-financed project' }).waitFor();
    await p.getByRole('alert').waitFor();
    await bank.audit('partner project before committee (404)');
    // Another role's pages are not the partner's (the route guard).
    await bank.goto('/officer');
    await p.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await bank.audit('officer page as a partner');

    // From committee on: its project, its line, and the commitment.
    await financingToCommittee(stack, officer, rio.id);
    await bank.goto('/partner');
    const projects = p.getByRole('table', { name: 'Projects your organisation co-finances, with its lines' });
    await projects.getByRole('link', { name: rio.reference }).click();
    await p.getByRole('heading', { level: 1, name: 'Rio Salado copper concentrator' }).waitFor();
    // Where it stands: the sponsor view the API serves a partner (no deliberation).
    await p.getByRole('region', { name: 'Where it stands' }).getByRole('list').waitFor();
    const lines = p.getByRole('table', { name: "Your organisation's co-financing lines" });
    await lines.getByText('Indicated').waitFor();
    await bank.audit('partner project');
    await lines.getByRole('button', { name: 'Commit the Senior loan line' }).click();
    await p.getByRole('status').filter({ hasText: 'The Senior loan line is committed.' }).waitFor();
    await lines.getByText('Committed').waitFor();
    const mobilisation = p.getByRole('region', { name: 'Co-financing', exact: true });
    // 45,000,000 ÷ 120,000,000 = 0.375, in hundredths half-even: 0.38×.
    await mobilisation.getByText('0.38×').waitFor();
    expect(await lines.getByRole('button').count()).toBe(0);
    await bank.audit('partner project: line committed');
    await bank.screenshot('partner-project');

    const trail = await stack.t.request('GET', `/api/v1/applications/${rio.id}/audit-trail`, {
      token: officer.token,
    });
    expect(JSON.stringify(trail.body)).toContain('cofinancing.committed');

    // Spanish: the same page, its labels and numbers for the language.
    await p.getByLabel('Language').selectOption('es');
    await p
      .getByRole('table', { name: 'Las líneas de cofinanciamiento de su organización' })
      .getByText('Comprometida')
      .waitFor();
    await p.getByRole('region', { name: 'Cofinanciamiento', exact: true }).getByText('0,38×').waitFor();
    await bank.audit('partner project (es)');

    desk.assertClean();
    office.assertClean();
    bank.assertClean();
  });
});
