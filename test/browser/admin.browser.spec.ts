import { type Stack, startStack } from './support/harness.js';

const ROW = (ent: number, name: string, program = 'DEMO-1') =>
  `${ent},"${name}","-0-","${program}","-0-","-0-","-0-","-0-","-0-","-0-","-0-","-0-"`;

/**
 * console.md, admin journey: organisations (register one), users (create an administrator, whose grant waits for
 * a second admin under the default ROLE_GRANT_APPROVAL=admin, who approves it in their own session; disable and
 * enable an account, which the API then refuses and accepts), a sanctions list previewed (entries added, removed, changed) before it is loaded,
 * and the active scoring model. Real API, database and worker.
 */
describe('console: admin journey', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('registers an organisation, grants a role under four eyes, disables an account and previews a list', async () => {
    const [admin, second, sponsor, enrolled] = await Promise.all([
      stack.user(['admin']),
      stack.user(['admin']),
      stack.user(['sponsor']),
      stack.user(['auditor']),
    ]);
    // An account with a second factor, for the Users table's "Second factor" column.
    await stack.t.enrolTotp(enrolled);
    const base = await stack.t.request('POST', '/api/v1/admin/reference/sanctions-lists', {
      token: admin.token,
      body: {
        name: 'OFAC SDN base',
        sdnCsv: [ROW(1, 'ALPHA MINING LTD'), ROW(2, 'BETA METALS SA'), ROW(3, 'GAMMA SA')].join('\n'),
      },
    });
    expect(base.status).toBe(201);

    const journey = await stack.open();
    const { page } = journey;
    await journey.signIn(admin);
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await journey.audit('admin: users');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });

    // Organisations: register one; a refusal names the field.
    await nav.getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Minera Puna S.A.');
    await page.getByRole('combobox', { name: 'Country', exact: true }).selectOption('AR');
    await page.getByRole('textbox', { name: 'Registration number', exact: true }).fill('30-71234567-8');
    await page.getByRole('button', { name: 'Register the organisation' }).click();
    await page.getByText('Minera Puna S.A. is registered.').waitFor();
    await page
      .getByRole('table', { name: 'Organisations: kind, country, registration number and id' })
      .getByRole('rowheader', { name: 'Minera Puna S.A.' })
      .waitFor();
    await journey.audit('admin: organisations');

    // Users: an administrator account, whose grant waits for a second admin (officer and committee grants do not
    // by default: docs/identity.md, ROLE_GRANT_APPROVAL).
    await nav.getByRole('link', { name: 'Users' }).click();
    const email = `analyst-${Date.now()}@forge.test`;
    const create = page.getByRole('region', { name: 'Create an account' });
    await create.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await create.getByRole('textbox', { name: 'Name', exact: true }).fill('Valeria Quispe');
    await create.getByLabel('Initial password').fill('quarry lantern velvet 1987');
    await create.getByRole('checkbox', { name: 'Administrator' }).check();
    await create.getByRole('button', { name: 'Create the account' }).click();
    await create.getByText(`${email} is created without a role`, { exact: false }).waitFor();
    const grant = page.getByRole('group', { name: `Role grant for ${email}` });
    await grant.getByText('You asked for this grant: another admin approves it.', { exact: false }).waitFor();
    expect(await grant.getByRole('button', { name: 'Approve the grant' }).count()).toBe(0);
    await journey.audit('admin: role grant waiting');

    const other = await stack.open();
    await other.signIn(second);
    const theirs = other.page.getByRole('group', { name: `Role grant for ${email}` });
    await theirs
      .getByLabel('Note (optional)')
      .fill('Second administrator for IT operations, contract on file');
    await theirs.getByRole('button', { name: 'Approve the grant' }).click();
    await other.page.getByText('No grant is waiting.').waitFor();
    await other.audit('admin (second): grant approved');
    other.assertClean();

    // Disable the sponsor's account: the API refuses its token at once; enable it again.
    await page.reload();
    const users = page.getByRole('table', { name: 'Every account, with its roles and status' });
    // Who has a second factor (never the secret): a badge per account.
    await users
      .getByRole('row', { name: new RegExp(enrolled.email) })
      .getByText('Enrolled', { exact: true })
      .waitFor();
    await users
      .getByRole('row', { name: new RegExp(sponsor.email) })
      .getByText('Not enrolled', { exact: true })
      .waitFor();
    await users
      .getByRole('row', { name: new RegExp(email) })
      .getByText('Administrator')
      .waitFor();
    await users.getByRole('button', { name: `Manage ${sponsor.email}` }).click();
    const manage = page.getByRole('region', { name: `Manage ${sponsor.email}` });
    await manage.getByLabel('Reason for disabling').fill('Organisation asked to suspend access');
    await manage.getByRole('button', { name: 'Disable the account' }).click();
    await manage.getByText('Account disabled', { exact: false }).waitFor();
    await users
      .getByRole('row', { name: new RegExp(sponsor.email) })
      .getByText('Disabled')
      .waitFor();
    await journey.audit('admin: account disabled');
    expect((await stack.t.request('GET', '/api/v1/me', { token: sponsor.token })).status).toBe(401);
    await manage.getByLabel('Reason for enabling').fill('Suspension lifted');
    await manage.getByRole('button', { name: 'Enable the account' }).click();
    await manage.getByText('Account enabled', { exact: false }).waitFor();
    const token = await stack.t.request('POST', '/api/v1/auth/token', {
      body: { email: sponsor.email, password: sponsor.password },
    });
    expect(token.status).toBe(200);

    // Sanctions: preview the change, then load it.
    await nav.getByRole('link', { name: 'Sanctions lists' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sanctions lists' }).waitFor();
    await page.getByLabel('Name of this list').fill('OFAC SDN 2026-11-27');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'sdn.csv' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'sdn.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [ROW(1, 'ALPHA MINING LTD'), ROW(3, 'GAMMA SA', 'DEMO-2'), ROW(4, 'DELTA TRADING FZE')].join('\n'),
      ),
    });
    await page.getByRole('button', { name: 'Preview the change' }).click();
    const preview = page.getByRole('region', { name: 'What this list changes' });
    await preview.getByText('1 added · 1 removed · 1 changed · 1 unchanged').waitFor();
    await preview.getByRole('table', { name: 'Entries added' }).getByText('DELTA TRADING FZE').waitFor();
    await preview.getByRole('table', { name: 'Entries removed' }).getByText('BETA METALS SA').waitFor();
    await preview
      .getByRole('table', { name: /Entries changed/ })
      .getByText('DEMO-2')
      .waitFor();
    await preview.getByText('OFAC SDN base: 3 entries', { exact: false }).waitFor();
    await journey.audit('admin: sanctions preview');
    await journey.screenshot('admin-sanctions-preview');
    // Nothing is loaded by the preview.
    const active = async () =>
      (
        await stack.t.db.dataSource.query(
          `SELECT name FROM reference_snapshots WHERE kind = 'sanctions' AND active`,
        )
      )[0].name;
    expect(await active()).toBe('OFAC SDN base');
    await preview.getByRole('button', { name: 'Load this list' }).click();
    await page.getByText('The list is active').waitFor();
    expect(await active()).toBe('OFAC SDN 2026-11-27');
    await journey.audit('admin: sanctions loaded');

    // The scoring model in force.
    await nav.getByRole('link', { name: 'Scoring model' }).click();
    await page.getByText(/^Active: FORGE-RRS \d+\.\d+\.\d+/).waitFor();
    await page
      .getByRole('table', { name: 'Registered FORGE-RRS versions' })
      .getByText('Active', { exact: true })
      .waitFor();
    await journey.audit('admin: scoring model');
    journey.assertClean();
  });
});
