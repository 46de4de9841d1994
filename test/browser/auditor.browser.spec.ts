import { readFileSync } from 'node:fs';
import { runAuditVerifyCli, verifyAuditExport } from '../../libs/audit/src/index.js';
import { type Stack, startStack } from './support/harness.js';
import { applicationInCommittee } from './support/seed.js';

/**
 * console.md, auditor journey (read-only): the chain's verification status and the latest signed checkpoint,
 * the whole log filtered by action and actor, an application's trail, its proof bundle downloaded and
 * verified offline alone with the downloaded signing key (the command the page shows, through the CLI's
 * entry point) and against the downloaded export, and a risk assessment replayed with
 * its diff. Nothing on any page is editable. Real API, database and worker.
 */
describe('console: auditor journey', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('verifies the trail, filters the log, downloads a proof bundle and replays an assessment', async () => {
    const sponsor = await stack.user(['sponsor']);
    const officer = await stack.user(['officer']);
    const auditor = await stack.user(['auditor']);
    // Members eligible to vote, so the round the move opens stays open (a round nobody can vote in lapses).
    await Promise.all([stack.user(['committee']), stack.user(['committee']), stack.user(['committee'])]);
    const rio = await applicationInCommittee(stack, sponsor, officer);
    const signed = await stack.t.request('POST', '/api/v1/audit/checkpoints', { token: officer.token });
    expect(signed.status).toBe(201);

    const journey = await stack.open();
    const { page } = journey;
    await journey.signIn(auditor);
    await page.getByRole('heading', { level: 1, name: 'Verification of the decision trail' }).waitFor();
    await page.getByText('The chain verifies', { exact: true }).waitFor();
    await page.getByText(`Reproduced from the events (tree size ${signed.body.treeSize})`).waitFor();
    await page.getByText(signed.body.rootHash, { exact: true }).waitFor();
    await journey.audit('auditor: verification and checkpoint');

    // The whole log, filtered by action, then by actor.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Audit log' }).click();
    const events = page.getByRole('table', { name: 'Events of the decision trail, in order' });
    await events.getByText('application.created', { exact: true }).first().waitFor();
    await page.getByLabel('Action', { exact: true }).fill('application.stage_changed');
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await page.waitForURL(/action=application.stage_changed/);
    await events.getByText('application.created', { exact: true }).first().waitFor({ state: 'detached' });
    // The filtered page renders after the old rows go: wait for a matching row rather than counting mid-render.
    await events.getByText('application.stage_changed', { exact: true }).first().waitFor();
    await page.getByLabel('Actor id', { exact: true }).fill(sponsor.id);
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await page.getByText('No event matches.').waitFor();
    await page.getByLabel('Action', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Apply the filters' }).click();
    await events.getByText('application.submitted', { exact: true }).waitFor();
    await journey.audit('auditor: audit log filtered');

    // One application: its trail, the proof bundle and the export, verified offline as the page says.
    await nav.getByRole('link', { name: 'Applications' }).click();
    await page.getByRole('heading', { level: 1, name: 'Applications' }).waitFor();
    await journey.audit('auditor: applications');
    await page.getByRole('link', { name: rio.reference }).click();
    await page.getByRole('heading', { level: 1, name: 'Rio Salado copper concentrator' }).waitFor();
    const trail = page.getByRole('table', { name: 'Events of this application, in order' });
    await trail.getByText('application.stage_changed', { exact: true }).first().waitFor();
    await journey.audit('auditor: application trail');
    const [bundleDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the proof bundle' }).click(),
    ]);
    const bundlePath = await bundleDownload.path();
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    expect(bundle.format).toBe('forge.proof-bundle/1');
    expect(bundle.applicationId).toBe(rio.id);
    expect(bundle.events.length).toBeGreaterThan(0);
    // The bundle alone, with the signing key saved from the page: the command the page shows.
    const proofBundle = page.getByRole('region', { name: 'Proof bundle' });
    const [keyDownload] = await Promise.all([
      page.waitForEvent('download'),
      proofBundle.getByRole('link', { name: 'Download the signing key (PEM)' }).click(),
    ]);
    expect(keyDownload.suggestedFilename()).toBe('forge-audit-key.pem');
    const command = await proofBundle.getByText(/^npm run audit:verify -- --bundle /).textContent();
    expect(command).toBe(
      `npm run audit:verify -- --bundle proof-bundle-${rio.reference}.json --public-key forge-audit-key.pem`,
    );
    const output: string[] = [];
    const code = await runAuditVerifyCli(['--bundle', bundlePath, '--public-key', await keyDownload.path()], {
      out: (text) => output.push(text),
      err: (text) => output.push(text),
    });
    expect({ code, output }).toMatchObject({ code: 0 });
    const [exportDownload] = await Promise.all([
      page.waitForEvent('download'),
      proofBundle.getByRole('link', { name: 'Download the trail (JSON Lines)' }).click(),
    ]);
    const lines = readFileSync(await exportDownload.path(), 'utf8').split('\n');
    const report = await verifyAuditExport({ lines, bundle });
    expect(report.ok).toBe(true);
    expect(report.checkpointRootMatched).toBe(true);

    // Replay the assessment the IC pack was built on: reproduced, same under the active model.
    const view = (await stack.t.request('GET', `/api/v1/applications/${rio.id}`, { token: auditor.token }))
      .body;
    const assessmentId: string = view.committee.icAssessmentId;
    await page.getByRole('button', { name: `Replay assessment ${assessmentId.slice(0, 8)}` }).click();
    await page.getByText('Reproduced exactly from the stored inputs').waitFor();
    await page.getByText('The active model gives the same result.').first().waitFor();
    await journey.audit('auditor: replay');
    await journey.screenshot('auditor-application');

    // Read-only: no field and no command anywhere on the application page.
    expect(await page.locator('main input, main textarea, main select').count()).toBe(0);
    expect(
      await page.getByRole('button', { name: /Move to|Assign|Approve|Reject|Save|Record|Send/ }).count(),
    ).toBe(0);
    journey.assertClean();
  });
});
