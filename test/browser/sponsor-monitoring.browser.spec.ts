import { type Stack, startStack } from './support/harness.js';
import { pdf } from './support/files.js';
import { apiOk, financedProject } from './support/seed.js';

const DAY_MS = 86_400_000;

/**
 * console.md + monitoring.md, the sponsor after close, on its own financed project: request a disbursement,
 * move an ESAP item to done with evidence, file the annual monitoring report (document and figures; the
 * covenant results come back), report an incident and follow it up with a corrective action. Real API, database and worker.
 */
describe('console: sponsor after close', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('requests a disbursement, updates the ESAP, files the annual report and reports an incident', async () => {
    const sponsor = await stack.user(['sponsor']);
    const officer = await stack.user(['officer']);
    const rio = await financedProject(stack, sponsor, officer);
    await apiOk(stack, 'esap', 'POST', `/api/v1/applications/${rio.id}/esap`, officer.token, {
      description: 'Install tailings seepage monitoring wells',
      standard: 'PS3',
      dueDate: new Date(Date.now() + 60 * DAY_MS).toISOString().slice(0, 10),
    });

    const journey = await stack.open();
    const { page } = journey;
    await journey.signIn(sponsor);
    await page.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
    await journey.audit('sponsor: my applications');
    await page.getByRole('link', { name: rio.reference }).click();
    await page.getByRole('heading', { level: 1, name: 'Rio Salado copper concentrator' }).waitFor();

    // Money: one tranche of the whole amount; ask for part of it.
    const money = page.getByRole('region', { name: 'Money' });
    await money.getByRole('option', { name: 'T1 · $100,000,000 available' }).waitFor({ state: 'attached' });
    await money.getByLabel('Amount (US$)').fill('25000000');
    await money.getByRole('button', { name: 'Request the disbursement' }).click();
    await money.getByText('Requested: an officer checks the conditions and proposes it.').waitFor();
    await money
      .getByRole('table', { name: 'Disbursements, newest first' })
      .getByText('Requested', { exact: true })
      .waitFor();

    // ESAP: done, with evidence uploaded here.
    const item = page.getByRole('form', { name: 'Update: Install tailings seepage monitoring wells' });
    await item.getByLabel('Status').selectOption('done');
    const evidence = page.waitForEvent('filechooser');
    await item.getByRole('button', { name: 'Evidence (a document)' }).click();
    await (await evidence).setFiles(pdf('Wells installed'));
    await item.getByLabel('Note').fill('Four wells installed in March');
    await item.getByRole('button', { name: 'Save' }).click();
    const esap = page.getByRole('table', { name: 'ESAP items by due date' });
    await esap.getByText('wells-installed.pdf').waitFor();
    await esap.getByTitle('done', { exact: true }).waitFor();

    // The annual monitoring report: figures and the report; every covenant met.
    const amr = page.getByRole('form', { name: 'File an annual monitoring report' });
    const figures: Array<[string, string]> = [
      ['DSCR (actual)', '1.35'],
      ['Fatalities', '0'],
      ['Lost-time injury frequency', '0.45'],
      ['Water withdrawal (m³)', '1200000'],
      ['GHG scope 1 and 2 (t CO₂e)', '80000'],
      ['Grievances received', '12'],
      ['Grievances resolved', '11'],
      ['Local employment (%)', '72.5'],
      ['Local procurement (%)', '31'],
    ];
    for (const [label, value] of figures) await amr.getByLabel(label).fill(value);
    const document = page.waitForEvent('filechooser');
    await amr.getByRole('button', { name: 'The report (a document)' }).click();
    await (await document).setFiles(pdf('Annual monitoring report'));
    await amr.getByRole('button', { name: 'File the report' }).click();
    await amr.getByText('Filed: every covenant met.').waitFor();
    const year = new Date().getUTCFullYear();
    const filed = page.getByRole('article', { name: `Report ${year}` });
    await filed.getByText('Every covenant met').waitFor();
    await filed.getByRole('cell', { name: '1.35×' }).waitFor();

    // An incident, reported the day after it happened.
    const incident = page.getByRole('form', { name: 'Report an incident' });
    const yesterday = new Date(Date.now() - DAY_MS);
    const local = new Date(yesterday.getTime() - yesterday.getTimezoneOffset() * 60_000)
      .toISOString()
      .slice(0, 16);
    await incident.getByLabel('When it happened').fill(local);
    await incident.getByLabel('Kind').selectOption('spill');
    await incident.getByLabel('What happened').fill('Diesel spill at the haul road workshop, contained');
    await incident.getByRole('button', { name: 'Report the incident' }).click();
    const spill = page.getByRole('article', { name: /^Spill · / });
    // Its follow-up: the sponsor adds a corrective action (closing it is the officer's).
    const followUp = spill.getByRole('group', { name: 'Follow up' });
    await followUp.getByLabel('Update', { exact: true }).selectOption('corrective_action');
    await followUp.getByRole('button', { name: 'Add the update' }).click();
    await followUp.getByText('Required').waitFor();
    await followUp.getByLabel('Text of the update').fill('Spill kit restocked; workshop drivers retrained');
    await followUp.getByRole('button', { name: 'Add the update' }).click();
    await spill.getByText('Spill kit restocked; workshop drivers retrained').waitFor();
    expect(await followUp.getByRole('button', { name: 'Close the incident' }).count()).toBe(0);
    await journey.audit('sponsor: after close');
    await money.scrollIntoViewIfNeeded();
    await journey.screenshot('sponsor-monitoring');

    const view = (
      await stack.t.request('GET', `/api/v1/applications/${rio.id}/esap`, { token: officer.token })
    ).body;
    expect(view[0]).toMatchObject({ status: 'done', note: 'Four wells installed in March' });
    journey.assertClean();
  });
});
