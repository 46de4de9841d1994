import { type Stack, PHONE, startStack, until } from './support/harness.js';
import { applicationInCommittee } from './support/seed.js';

/**
 * console.md, committee journey: what awaits my vote, the frozen IC pack with its hash, a vote cast by
 * keyboard alone, a recusal with a conflict-of-interest declaration on a phone-width screen, votes blind
 * until the committee decides, then the outcome with every vote. Real API, database and worker; the other
 * members vote through the API.
 */
describe('console: committee journey', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('reads the IC pack, votes by keyboard, recuses on a phone and sees the outcome', async () => {
    const sponsor = await stack.user(['sponsor']);
    const officer = await stack.user(['officer']);
    const [member, conflicted, second, third] = await Promise.all([
      stack.user(['committee']),
      stack.user(['committee']),
      stack.user(['committee']),
      stack.user(['committee']),
    ]);
    const rio = await applicationInCommittee(stack, sponsor, officer);
    const before = (await stack.t.request('GET', `/api/v1/applications/${rio.id}`, { token: officer.token }))
      .body;
    expect(before.committee.icPackHash).toMatch(/^[0-9a-f]{64}$/);

    // The member, by keyboard alone: sign in, open the application from "awaiting", read, vote.
    const journey = await stack.open();
    const { page } = journey;
    await page.goto('/login');
    await journey.audit('sign-in');
    await journey.tabTo(page.getByLabel('Email', { exact: true }));
    await page.keyboard.type(member.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(member.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Investment committee' }).waitFor();
    const awaiting = page.getByRole('table', { name: 'Applications in committee' });
    await awaiting.getByRole('link', { name: rio.reference }).waitFor();
    await page.getByText('No decision yet.').waitFor();
    await journey.audit('committee: awaiting my vote');
    await journey.tabTo(awaiting.getByRole('link', { name: rio.reference }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Rio Salado copper concentrator' }).waitFor();
    await page.getByLabel('IC pack hash (SHA-256)').getByText(before.committee.icPackHash).waitFor();
    await page.getByRole('table', { name: /Risk by factor/ }).waitFor();
    await page.getByText('Signed offtake agreement with an investment-grade buyer').waitFor();
    await page.getByText('0 cast so far, 3 needed to decide', { exact: false }).waitFor();
    await journey.audit('committee: IC pack and vote');
    await journey.tabTo(page.getByRole('radio', { name: 'Approve' }));
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Approve' }).isChecked()).toBe(true);
    await journey.tabTo(page.getByLabel('Rationale'));
    await page.keyboard.type('Water risk mitigated; political risk insured');
    await journey.tabTo(page.getByRole('button', { name: 'Cast my vote' }));
    await page.keyboard.press('Enter');
    await page.getByText('You voted: Approve.').waitFor();
    await journey.audit('committee: vote recorded');

    // A second member, on a phone: recuses with a declaration, found through the menu.
    const phone = await stack.open({ viewport: PHONE });
    await phone.signIn(conflicted);
    await phone.page.getByRole('button', { name: 'Open the menu' }).click();
    await phone.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Committee' })
      .click();
    await phone.page.getByRole('heading', { level: 1, name: 'Investment committee' }).waitFor();
    await phone.audit('committee (phone): awaiting my vote');
    await phone.page.getByRole('link', { name: rio.reference }).click();
    await phone.page.getByText('1 cast so far', { exact: false }).waitFor();
    await phone.audit('committee (phone): IC pack');
    await phone.page.getByLabel('I have a conflict of interest in this application').check();
    await phone.page.getByRole('button', { name: 'Cast my vote' }).waitFor({ state: 'detached' });
    await phone.page.getByRole('button', { name: 'Recuse myself' }).click();
    // A declaration is required: said inline, nothing sent.
    await phone.page.getByText('Describe the conflict of interest.').waitFor();
    await phone.page
      .getByLabel('Conflict-of-interest declaration')
      .fill('I sat on the board of Cobre Andino S.A.C. until 2025');
    await phone.page.getByRole('button', { name: 'Recuse myself' }).click();
    await phone.page.getByText('You recused yourself', { exact: false }).waitFor();
    await phone.audit('committee (phone): recused');
    phone.assertClean();

    // Blind: a third vote cast elsewhere is counted on the member's page, not shown.
    const vote = (user: { token: string }, rationale: string) =>
      stack.t.request('POST', `/api/v1/applications/${rio.id}/committee/votes`, {
        token: user.token,
        body: { decision: 'approve', rationale },
      });
    expect((await vote(second, 'Sound structure, strong sponsor')).status).toBe(201);
    await page.reload();
    await page.getByText('3 cast so far', { exact: false }).waitFor();
    expect(await page.getByText('Sound structure, strong sponsor').count()).toBe(0);
    await journey.audit('committee: blind count');

    // The deciding vote: the outcome with every vote, and the application among the decided.
    expect((await vote(third, 'Conditions precedent adequate')).status).toBe(201);
    await until(
      'the decision',
      async () =>
        (await stack.t.request('GET', `/api/v1/applications/${rio.id}`, { token: officer.token })).body
          .stage === 'approved',
    );
    await page.reload();
    const outcome = page.getByRole('region', { name: 'Outcome' });
    await outcome.getByText('Approved', { exact: true }).waitFor();
    await outcome.getByText('3 approve · 0 reject · 0 abstain · 1 recused').waitFor();
    await outcome.getByText('Sound structure, strong sponsor').waitFor();
    await outcome.getByText('I sat on the board of Cobre Andino S.A.C. until 2025').waitFor();
    expect(await page.getByRole('button', { name: 'Cast my vote' }).count()).toBe(0);
    await journey.audit('committee: outcome');
    await journey.screenshot('committee-application');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Committee' })
      .click();
    await page
      .getByRole('table', { name: 'Applications the committee decided' })
      .getByRole('link', { name: rio.reference })
      .waitFor();
    await page.getByText('Nothing awaits the committee’s vote.').waitFor();
    await journey.audit('committee: decided');
    journey.assertClean();
  });
});
