import { type Locator } from 'playwright-core';
import { type Stack, startStack, until } from './support/harness.js';
import { categoryBProject, screenedApplication, uploadPdf } from './support/seed.js';

/**
 * console.md, officer journey: the work queue (assigned to me, unassigned, waiting on me, overdue, filters,
 * search), the application page (summary, checks, screening parties, category, risk by factor, financing
 * editor, requests, documents, audit trail), four eyes with two officers (the maker cannot approve and the
 * page says why) and stage moves refused with the unmet guards in words. Real API, database and worker.
 */
describe('console: officer journey', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('works the queue and an application through review, four eyes and financing', async () => {
    const sponsorPe = await stack.user(['sponsor']);
    const sponsorBr = await stack.user(['sponsor']);
    const maker = await stack.user(['officer']);
    const checker = await stack.user(['officer']);
    const rio = await screenedApplication(stack, sponsorPe);
    const other = await screenedApplication(
      stack,
      sponsorBr,
      categoryBProject({
        title: 'Itabira nickel sulphate refinery',
        country: 'BR',
        region: 'Minas Gerais',
        mineral: 'nickel',
      }),
    );

    const journey = await stack.open();
    const { page } = journey;
    await journey.signIn(maker);
    await page.getByRole('heading', { level: 1, name: 'Work queue' }).waitFor();
    await page.getByText('No application matches.').waitFor();
    await journey.audit('work queue: assigned to me');

    // Unassigned: both; filters and search narrow it down.
    await page.getByRole('tab', { name: 'Unassigned' }).click();
    const table = page.getByRole('table', { name: 'Applications nobody is assigned to' });
    await table.getByRole('link', { name: rio.reference }).waitFor();
    await table.getByRole('link', { name: other.reference }).waitFor();
    await page.getByLabel('Country', { exact: true }).selectOption('BR');
    await table.getByRole('link', { name: rio.reference }).waitFor({ state: 'detached' });
    await table.getByRole('link', { name: other.reference }).waitFor();
    await page.getByLabel('Country', { exact: true }).selectOption('');
    await page.getByLabel('Mineral', { exact: true }).selectOption('copper');
    await page.getByLabel('Stage', { exact: true }).selectOption('screening');
    await page.getByLabel('Search by reference or title').fill(rio.reference);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=FORGE/);
    await table.getByRole('link', { name: other.reference }).waitFor({ state: 'detached' });
    await journey.audit('work queue: unassigned, filtered');
    await table.getByRole('link', { name: rio.reference }).click();

    // The application: assign it, move it to ESG review.
    await page.getByRole('heading', { level: 1, name: 'Rio Salado copper concentrator' }).waitFor();
    await journey.audit('application: summary');
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByText('Assigned to me', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Move to ESG review' }).click();
    await page.getByRole('button', { name: 'Move to Financing' }).waitFor();

    // Screening: every party with its ownership path and effective share.
    await page.getByRole('tab', { name: 'Screening' }).click();
    const parties = page.getByRole('table', { name: 'Parties screened, with their ownership path' });
    await parties
      .getByRole('row', { name: /Lucia Mamani Huaman/ })
      .getByText('Cobre Andino S.A.C. › Lucia Mamani Huaman')
      .waitFor();
    await journey.audit('application: screening');

    // Moving on now is refused, and the page says what is missing, in words.
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByRole('button', { name: 'Move to Financing' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'This move is not possible yet' });
    await refusal.getByText('The E&S category is confirmed', { exact: false }).waitFor();
    await journey.audit('application: move refused with guards');

    // Category, then the water check waived: a four-eyes item its maker cannot approve.
    await page.getByRole('tab', { name: 'Category' }).click();
    await page.getByRole('button', { name: 'Confirm category B' }).click();
    await page
      .getByText('Confirmed as proposed', { exact: false })
      .or(page.getByText('Not confirmed yet'))
      .first()
      .waitFor();
    await until(
      'category confirmed',
      async () =>
        (await stack.t.request('GET', `/api/v1/applications/${rio.id}`, { token: maker.token })).body
          .category === 'B',
    );
    await journey.audit('application: category');
    await page.getByRole('tab', { name: 'Checks' }).click();
    const water = page.getByRole('row').filter({ has: page.getByText('ESG.WATER', { exact: true }) });
    await water.getByLabel('Outcome for ESG.WATER').selectOption('waived');
    await water.getByLabel('Note for ESG.WATER').fill('Desalinated supply contracted; water study on file');
    await water.getByRole('button', { name: 'Resolve ESG.WATER' }).click();
    await page
      .getByRole('tab', { name: /Four eyes/ })
      .getByText('1')
      .waitFor();
    await journey.audit('application: checks');
    await page.getByRole('tab', { name: /Four eyes/ }).click();
    await page.getByText('You proposed this item').waitFor();
    expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
    await journey.audit('application: four eyes (maker)');

    // The second officer finds it waiting on them and approves it.
    const second = await stack.open();
    await second.signIn(checker);
    await second.page.getByRole('tab', { name: 'Waiting on me' }).click();
    await second.page.getByRole('table', { name: /Four-eyes items proposed by other officers/ }).waitFor();
    await second.audit('work queue: waiting on me');
    await second.page.getByRole('link', { name: rio.reference }).click();
    await second.page.getByText('Proposed by another officer', { exact: false }).waitFor();
    await second.audit('application: four eyes (checker)');
    await second.page.getByLabel('Note for the decision').fill('Water study reviewed: supply secured');
    await second.page.getByRole('button', { name: 'Approve', exact: true }).click();
    await second.page.getByText('No four-eyes item is pending.').waitFor();
    await second.audit('application: four eyes approved');
    second.assertClean();

    // FORGE-RRS 1.1.0 credits a mitigant only with its evidence on file (scoring.md): the PRI policy is uploaded
    // before the structure names the insurance.
    await uploadPdf(stack, maker.token, rio.id, 'pri-policy.pdf', 'pri_policy');
    // The maker moves it to financing and records the structure; the worker reassesses the risk.
    await page.reload();
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByRole('button', { name: 'Move to Financing' }).click();
    await page.getByRole('button', { name: 'Move to Investment committee' }).waitFor();
    await page.getByRole('tab', { name: 'Financing' }).click();
    await journey.audit('application: financing editor');
    await page.getByLabel('Amount (US$)').fill('120000000');
    await page.getByLabel('Tenor (years)').fill('10');
    await page.getByRole('button', { name: 'Add a mitigant' }).click();
    const mitigant: Locator = page.getByRole('group', { name: 'Mitigant 1' });
    await mitigant.getByLabel('Type of mitigant').selectOption('political_risk_insurance');
    for (const cover of ['Transfer and convertibility', 'Expropriation', 'War and civil disturbance']) {
      await mitigant.getByLabel(cover).check();
    }
    await page
      .getByLabel('Conditions precedent')
      .fill('Signed offtake agreement with an investment-grade buyer');
    await page.getByRole('button', { name: 'Record the structure and reassess' }).click();
    await page
      .getByRole('region', { name: 'Financing structure on record' })
      .getByText('Political risk insurance')
      .waitFor();
    await page.getByRole('tab', { name: 'Risk' }).click();
    await page.getByText('Current', { exact: true }).waitFor({ timeout: 60_000 });
    const factors = page.getByRole('table', { name: /Risk by factor/ });
    await factors.getByRole('rowheader', { name: /F1_COUNTRY/ }).waitFor();
    await factors.getByText('Political risk insurance (−1)').first().waitFor();
    await page.getByText(/^FORGE-RRS \d/).waitFor();
    await journey.audit('application: risk');
    await journey.screenshot('officer-application-risk');

    // A question to the sponsor holds the next move: the refusal names it.
    await page.getByRole('tab', { name: /Requests/ }).click();
    await page.getByLabel('Question to the sponsor').fill('Please confirm the offtake buyer’s rating.');
    await page.getByRole('button', { name: 'Send the question' }).click();
    await page.getByText('Please confirm the offtake buyer’s rating.', { exact: true }).waitFor();
    await journey.audit('application: requests');
    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.getByText('pri-policy.pdf').first().waitFor();
    await journey.audit('application: documents');
    await page.getByRole('tab', { name: 'Audit trail' }).click();
    await page.getByText('Four-eyes item approved').waitFor();
    await journey.audit('application: audit trail');
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByLabel('Reason (optional)').fill('Ready for the committee');
    await page.getByRole('button', { name: 'Move to Investment committee' }).click();
    await page.getByRole('alert').filter({ hasText: 'This move is not possible yet' }).waitFor();
    await journey.audit('application: move refused (open request)');

    // Back in the queue, it is assigned to me; the four-eyes inbox is empty.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Work queue' })
      .click();
    await page
      .getByRole('table', { name: 'Applications assigned to me' })
      .getByRole('link', { name: rio.reference })
      .waitFor();
    await page.getByRole('tab', { name: 'Overdue' }).click();
    await page.getByText('Nothing is overdue.').waitFor();
    await journey.audit('work queue: overdue');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Four-eyes approvals' })
      .click();
    await page.getByText('No four-eyes item is pending.').waitFor();
    await journey.audit('four-eyes inbox');
    journey.assertClean();
  });
});
