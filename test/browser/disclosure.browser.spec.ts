import { type Stack, startStack } from './support/harness.js';
import { applicationInFinancing, uploadPdf } from './support/seed.js';

/**
 * portfolio.md "Disclosure before decision", in the console: an officer publishes an application's disclosure
 * package from its page (no curl): the summary is asked for inline, the API's refusal (a category B package
 * without its E&S review summary) is said in words at the field, ownership evidence is never offered for
 * publication, then version 1 is public with the ESIA it cites, and an amendment is version 2. The public register
 * (no sign-in) shows exactly what the latest version says.
 */
describe('console: the disclosure package', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('an officer publishes and amends the package; the public register shows the latest version', async () => {
    const [sponsor, officer] = await Promise.all([stack.user(['sponsor']), stack.user(['officer'])]);
    const app = await applicationInFinancing(stack, sponsor, officer);
    await uploadPdf(stack, officer.token, app.id, 'esia.pdf', 'esia');
    await uploadPdf(stack, officer.token, app.id, 'owners.pdf', 'ownership_evidence');

    const journey = await stack.open();
    await journey.signIn(officer);
    const page = journey.page;
    await page.getByRole('heading', { level: 1, name: 'Work queue' }).waitFor();
    await journey.audit('work queue');
    await journey.goto(`/officer/applications/${app.id}`);
    await page.getByRole('tab', { name: 'Disclosure' }).click();
    const publish = page.getByRole('region', { name: 'Publish the package' });
    await publish.waitFor();
    await page.getByText('Not disclosed yet.').waitFor();
    await journey.audit('officer: disclosure, nothing published');

    // Nothing typed: the summary is asked for at the field, nothing is sent.
    await publish.getByRole('button', { name: 'Publish the package' }).click();
    await publish.getByText('Required', { exact: true }).waitFor();
    // Ownership evidence names the beneficial owners: never offered for publication.
    await publish.getByRole('checkbox', { name: /esia\.pdf/ }).waitFor();
    expect(await publish.getByRole('checkbox', { name: /owners\.pdf/ }).count()).toBe(0);

    // Category B needs its E&S review summary: the API refuses, and the page says so in words.
    await publish
      .getByRole('textbox', { name: /^Summary for the public/ })
      .fill('A copper concentrator expansion in Arequipa, with dry-stack tailings.');
    await publish.getByRole('checkbox', { name: /esia\.pdf/ }).check();
    await publish.getByRole('button', { name: 'Publish the package' }).click();
    const refusal = publish.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/E&S review summary/);
    await journey.audit('officer: disclosure refused');

    await publish
      .getByRole('textbox', { name: /^E&S review summary/ })
      .fill('Water use and community engagement reviewed under PS1, PS3 and PS4.');
    await publish.getByRole('button', { name: 'Publish the package' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 1 is public.' }).waitFor();
    const amend = page.getByRole('region', { name: 'Amend the package' });
    await amend.waitFor();
    await journey.audit('officer: disclosure version 1');

    // An amendment is a new version; the summary typed is what the register shows.
    await amend
      .getByRole('textbox', { name: /^Summary for the public/ })
      .fill(
        'A copper concentrator expansion in Arequipa (amended: dry-stack tailings, no new water rights).',
      );
    await amend.getByRole('button', { name: 'Publish the amendment' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 2 is public.' }).waitFor();
    const versions = page.getByRole('table', { name: 'Every version of the package, oldest first' });
    expect(await versions.getByRole('row').count()).toBe(3); // the header and two versions
    await journey.audit('officer: disclosure amended');
    await journey.screenshot('officer-disclosure');

    const register = await fetch(`${stack.baseUrl}/api/v1/public/projects/${app.reference}`);
    expect(register.status).toBe(200);
    const project = (await register.json()) as {
      summary: string;
      esReviewSummary: string;
      documents: { kind: string }[];
      disclosure: { version: number };
    };
    expect(project).toMatchObject({
      summary:
        'A copper concentrator expansion in Arequipa (amended: dry-stack tailings, no new water rights).',
      esReviewSummary: 'Water use and community engagement reviewed under PS1, PS3 and PS4.',
      disclosure: { version: 2 },
    });
    expect(project.documents.map((d) => d.kind)).toEqual(['esia']);
    journey.assertClean();
  });
});
