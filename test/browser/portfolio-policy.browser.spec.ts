import { type Stack, startStack, until } from './support/harness.js';

/**
 * portfolio.md "Concentration limits" in the console: the policy is versioned data that an admin proposes and a
 * second admin approves (four eyes). Admin A proposes FORGE-PP 1.1.0 with a 30% mineral limit from the limits in
 * force and is told they cannot decide it themselves; admin B follows the inbox's link to the page, is asked for
 * a note, approves, and the new limits are in force.
 */
describe('console: the portfolio policy under four eyes', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('one admin proposes a new version, another approves it', async () => {
    const [maker, checker] = await Promise.all([stack.user(['admin']), stack.user(['admin'])]);

    const a = await stack.open();
    await a.signIn(maker);
    const page = a.page;
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await a.audit('admin: users');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Concentration limits' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Concentration limits' }).waitFor();
    const limits = page.getByRole('table', { name: 'The limits of FORGE-PP 1.0.0, in force' });
    await limits.getByRole('row').filter({ hasText: 'MINERAL' }).getByText('≤ 35.00 %').waitFor();
    await a.audit('admin: portfolio policy');

    const propose = page.getByRole('region', { name: 'Propose a new version' });
    expect(await propose.getByRole('textbox', { name: 'Version' }).inputValue()).toBe('1.1.0');
    await propose.getByRole('textbox', { name: /^MINERAL \(%\)/ }).fill('30');
    await propose.getByRole('button', { name: 'Propose the version' }).click();
    await propose.getByText('Required', { exact: true }).waitFor(); // the rationale
    await propose
      .getByRole('textbox', { name: /^Rationale/ })
      .fill('Board resolution 2026-41: no mineral above 30% of the envelope.');
    await propose.getByRole('button', { name: 'Propose the version' }).click();
    const pending = page.getByRole('region', { name: 'Proposed: FORGE-PP 1.1.0' });
    await pending
      .getByText('You proposed this version: another admin approves or rejects it (four eyes).')
      .waitFor();
    await pending
      .getByRole('table', { name: 'Each limit of 1.0.0 beside the proposed 1.1.0' })
      .getByRole('row')
      .filter({ hasText: 'MINERAL' })
      .getByText('≤ 30.00 %')
      .waitFor();
    expect(await pending.getByRole('button', { name: 'Approve 1.1.0' }).count()).toBe(0);
    await a.audit('admin: own proposal');

    // The second admin: the inbox item's link opens the page.
    const item = await until('the proposal in the other admin’s inbox', async () => {
      const inbox = await stack.t.request('GET', '/api/v1/me/inbox', { token: checker.token });
      return (inbox.body.items as Array<{ template: string; target: { path: string } }>).find(
        (i) => i.template === 'policy_approval_requested',
      );
    });
    const b = await stack.open();
    await b.signIn(checker);
    await b.page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await b.audit('admin: users (second admin)');
    await b.goto(item.target.path);
    await b.page.waitForURL('**/admin/portfolio-policies');
    const decide = b.page.getByRole('region', { name: 'Proposed: FORGE-PP 1.1.0' });
    await decide.getByRole('button', { name: 'Approve 1.1.0' }).click();
    await decide.getByText('Required', { exact: true }).waitFor(); // the note
    await decide
      .getByRole('textbox', { name: /^Note on the decision/ })
      .fill('Checked against the resolution.');
    await decide.getByRole('button', { name: 'Approve 1.1.0' }).click();
    const inForce = b.page.getByRole('table', { name: 'The limits of FORGE-PP 1.1.0, in force' });
    await inForce.getByRole('row').filter({ hasText: 'MINERAL' }).getByText('≤ 30.00 %').waitFor();
    const versions = b.page.getByRole('table', {
      name: 'Every version of the portfolio policy, with its hash and decision',
    });
    await versions.getByRole('row').filter({ hasText: 'FORGE-PP 1.1.0' }).getByText('Active').waitFor();
    await b.audit('admin: version approved');
    await b.screenshot('admin-portfolio-policy');

    const listed = await stack.t.request('GET', '/api/v1/admin/portfolio-policies', { token: maker.token });
    expect(listed.body.find((v: { active: boolean }) => v.active)).toMatchObject({
      version: '1.1.0',
      decisionNote: 'Checked against the resolution.',
    });
    a.assertClean();
    b.assertClean();
  });
});
