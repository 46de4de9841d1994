import { type Stack, startStack, until } from './support/harness.js';
import { apiOk, financedProject, uploadPdf } from './support/seed.js';

const DAY_MS = 86_400_000;

/**
 * console.md + monitoring.md, the officer after close. First the financing structure's post-close parts: the
 * tranches split (one waiting on an ESAP item) and the covenants recorded, each first refused by the API with its
 * message beside the field; then a write-off proposed by one officer and approved by another in the four-eyes
 * inbox. Then the life of a project: the sponsor's disbursement request proposed under four eyes (the maker
 * cannot approve; a second officer does) and a repayment recorded; an ESAP item verified and a new one added; the
 * annual report with its covenant results and risk at approval beside risk now; a late tailings incident followed
 * up and closed; the watchlist with its reasons, one cleared. Real API, database and worker; the sponsor's side is
 * set through the API (its own journey is sponsor-monitoring).
 */
describe('console: officer after close', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('splits the tranches and records covenants (the API’s refusals at their fields), then writes off under four eyes', async () => {
    const sponsor = await stack.user(['sponsor']);
    const maker = await stack.user(['officer']);
    const checker = await stack.user(['officer']);
    const rio = await financedProject(stack, sponsor, maker);
    const base = `/api/v1/applications/${rio.id}`;
    const dueDate = new Date(Date.now() + 60 * DAY_MS).toISOString().slice(0, 10);
    await apiOk(stack, 'esap', 'POST', `${base}/esap`, maker.token, {
      description: 'Install tailings seepage monitoring wells',
      standard: 'PS3',
      dueDate,
    });

    const journey = await stack.open();
    const { page } = journey;
    await journey.signIn(maker);
    await page.getByRole('heading', { level: 1, name: 'Work queue' }).waitFor();
    await journey.audit('work queue');

    // The financing structure: T1 of the whole amount on the condition precedent becomes T1 + T2, T2 waiting
    // on the ESAP item. A sum short of the FORGE amount is refused, and the API's message stands in the form.
    await journey.goto(`/officer/applications/${rio.id}?tab=financing`);
    await page.getByRole('heading', { level: 1, name: 'Rio Salado copper concentrator' }).waitFor();
    const tranchesForm = page.getByRole('form', { name: 'Tranches' });
    const first = tranchesForm.getByRole('group', { name: 'Tranche 1', exact: true });
    expect(await first.getByLabel('Condition precedent: Security package perfected').isChecked()).toBe(true);
    await first.getByLabel('Amount (US$)').fill('60000000');
    await tranchesForm.getByRole('button', { name: 'Add a tranche' }).click();
    const second = tranchesForm.getByRole('group', { name: 'Tranche 2', exact: true });
    await second.getByLabel('Tranche id').fill('T2');
    await second.getByLabel('Amount (US$)').fill('30000000');
    await second.getByLabel('ESAP PS3: Install tailings seepage monitoring wells').check();
    await tranchesForm.getByRole('button', { name: 'Record the tranches' }).click();
    await tranchesForm
      .getByText('tranches sum to US$90000000, not the FORGE amount US$100000000', { exact: true })
      .waitFor();
    await journey.audit('officer: tranches refused');
    await second.getByLabel('Amount (US$)').fill('40000000');
    await tranchesForm.getByRole('button', { name: 'Record the tranches' }).click();
    await tranchesForm.getByRole('status').getByText('Tranches recorded.').waitFor();

    // Covenants: the fund's defaults to start from, one added; a code the API refuses is named at its field.
    const covenantsForm = page.getByRole('form', { name: 'Covenants' });
    expect(await covenantsForm.getByRole('group', { name: /^Covenant \d+$/ }).count()).toBe(3);
    await covenantsForm.getByRole('button', { name: 'Add a covenant' }).click();
    const local = covenantsForm.getByRole('group', { name: 'Covenant 4', exact: true });
    await local.getByLabel('Code').fill('local jobs');
    await local.getByLabel('Rule').selectOption('min_local_employment_pct');
    await local.getByLabel('Local employment (%), at least').fill('60');
    await covenantsForm.getByRole('button', { name: 'Record the covenants' }).click();
    await local.getByText('must be 2–40 upper-case letters, digits or _').waitFor();
    expect(await local.getByLabel('Code').getAttribute('aria-invalid')).toBe('true');
    await journey.audit('officer: covenants refused');
    await local.getByLabel('Code').fill('LOCAL_JOBS');
    await covenantsForm.getByRole('button', { name: 'Record the covenants' }).click();
    await covenantsForm.getByRole('status').getByText('Covenants recorded.').waitFor();
    const recorded = (await stack.t.request('GET', `${base}/covenants`, { token: maker.token })).body;
    expect(recorded.source).toBe('financing');
    expect(recorded.covenants).toContainEqual({
      code: 'LOCAL_JOBS',
      kind: 'es',
      rule: { type: 'min_local_employment_pct', minPct: 60 },
    });

    // The money and the covenants as the other tabs show them.
    await page.getByRole('tab', { name: 'Disbursements' }).click();
    const tranches = page.getByRole('table', { name: /^Tranches/ });
    await tranches
      .getByRole('row')
      .filter({ hasText: 'Security package perfected' })
      .getByText('T1')
      .waitFor();
    await tranches
      .getByRole('row')
      .filter({ hasText: 'Install tailings seepage monitoring wells' })
      .getByText('T2')
      .waitFor();
    await page.getByRole('tab', { name: 'Monitoring' }).click();
    await page
      .getByRole('table', { name: 'Covenants each annual report is tested against' })
      .getByText('Local employment (%), at least: 60')
      .waitFor();
    await journey.audit('officer: monitoring with recorded covenants');

    // Write-off: proposed with its reason, it waits for a second officer, who approves it in the four-eyes
    // inbox; the project ends written off.
    await page.getByRole('tab', { name: 'Disbursements' }).click();
    const writeOff = page.getByRole('form', { name: 'Propose the write-off' });
    await writeOff
      .getByLabel('Why the project is written off')
      .fill('The concentrator closed after the tailings failure; recovery is not expected');
    await writeOff.getByRole('button', { name: 'Propose the write-off' }).click();
    const proposed = page.getByRole('region', { name: 'Write-off' });
    await proposed.getByText('You proposed this item').waitFor();
    await journey.audit('officer: write-off proposed');
    journey.assertClean();

    const other = await stack.open();
    await other.signIn(checker);
    await other.page.getByRole('heading', { level: 1, name: 'Work queue' }).waitFor();
    await other.audit('work queue (checker)');
    await other.goto('/officer/approvals');
    const inbox = other.page.locator('[data-approval]').filter({ hasText: 'Write the project off' });
    await inbox.getByText('recovery is not expected', { exact: false }).waitFor();
    await other.audit('approvals: write-off');
    await inbox.getByLabel('Note for the decision').fill('Recovery analysis reviewed');
    await inbox.getByRole('button', { name: 'Approve', exact: true }).click();
    await other.page.getByText('No four-eyes item is pending.').waitFor();
    await other.goto(`/officer/applications/${rio.id}`);
    await other.page.locator('[data-stage="written_off"]').first().waitFor();
    await other.audit('officer: written off');
    other.assertClean();
    const after = (await stack.t.request('GET', base, { token: maker.token })).body;
    expect(after.stage).toBe('written_off');
  });

  it('proposes a disbursement, verifies the ESAP, reads covenants and risk now, follows incidents and the watchlist', async () => {
    const sponsor = await stack.user(['sponsor']);
    const maker = await stack.user(['officer']);
    const checker = await stack.user(['officer']);
    const rio = await financedProject(stack, sponsor, maker);
    const base = `/api/v1/applications/${rio.id}`;
    const approvedOn = (await stack.t.request('GET', base, { token: maker.token })).body.riskAtApproval
      .id as string;

    // The sponsor's side, through the API: a disbursement request, an ESAP item done with evidence, an annual
    // report whose DSCR breaches its covenant, and a tailings incident reported 5 days after it happened.
    await apiOk(stack, 'request', 'POST', `${base}/disbursements`, sponsor.token, { amountUsd: 40_000_000 });
    const dueDate = new Date(Date.now() + 60 * DAY_MS).toISOString().slice(0, 10);
    const item = await apiOk(stack, 'esap', 'POST', `${base}/esap`, maker.token, {
      description: 'Install tailings seepage monitoring wells',
      standard: 'PS3',
      dueDate,
    });
    const evidence = await uploadPdf(stack, sponsor.token, rio.id, 'wells-installed.pdf');
    await apiOk(stack, 'esap done', 'PATCH', `${base}/esap/${item.id}`, sponsor.token, {
      status: 'done',
      evidenceDocumentIds: [evidence],
    });
    const report = await uploadPdf(stack, sponsor.token, rio.id, 'amr.pdf');
    const year = new Date().getUTCFullYear();
    await apiOk(stack, 'amr', 'POST', `${base}/monitoring-reports`, sponsor.token, {
      documentId: report,
      figures: {
        year,
        dscrActual: 105,
        fatalities: 0,
        lostTimeInjuryFrequency: 45,
        waterWithdrawalM3: 1_200_000,
        ghgScope12Tonnes: 80_000,
        grievancesReceived: 12,
        grievancesResolved: 11,
        localEmploymentPct: 72.5,
        localProcurementPct: 31,
      },
    });
    await apiOk(stack, 'incident', 'POST', `${base}/incidents`, sponsor.token, {
      occurredAt: new Date(Date.now() - 5 * DAY_MS).toISOString(),
      kind: 'tailings',
      severity: 2,
      description: 'Seepage below the north cell of the tailings facility',
    });
    // Risk now: the worker re-scores with the report's actual DSCR (and again for the serious incident).
    await until('the re-assessment after the report', async () => {
      const view = (await stack.t.request('GET', base, { token: maker.token })).body;
      return view.latestRiskAssessment?.id !== approvedOn && view.latestRiskAssessment?.current;
    });

    const journey = await stack.open();
    const { page } = journey;
    await journey.signIn(maker);
    await page.getByRole('heading', { level: 1, name: 'Work queue' }).waitFor();
    await journey.audit('work queue');

    // Money: the request proposed; the maker may not approve it.
    await journey.goto(`/officer/applications/${rio.id}?tab=disbursements`);
    await page.getByRole('heading', { level: 1, name: 'Rio Salado copper concentrator' }).waitFor();
    // A carried project is no longer assigned (the API refuses after close): no "Assign to me".
    expect(await page.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);
    const tranches = page.getByRole('table', { name: /^Tranches/ });
    await tranches.getByText('Security package perfected').waitFor();
    const disbursements = page.getByRole('table', { name: 'Disbursements, newest first' });
    await disbursements.getByText('Requested', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Propose the disbursement of tranche T1' }).click();
    await disbursements.getByText('Proposed', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Awaiting a second officer' }).waitFor();
    await page.getByText('You proposed this item').waitFor();
    await journey.audit('officer: disbursement proposed');
    const pending = await stack.t.request('GET', `/api/v1/approvals?status=pending&applicationId=${rio.id}`, {
      token: checker.token,
    });
    const release = pending.body.items.find((i: { action: string }) => i.action === 'disbursement.release');
    await apiOk(stack, 'approve', 'POST', `/api/v1/approvals/${release.id}/approve`, checker.token, {
      note: 'Conditions checked',
    });

    // ESAP: the done item verified with a note; a new item added.
    await page.getByRole('tab', { name: 'ESAP' }).click();
    const review = page.getByRole('group', { name: 'Review: Install tailings seepage monitoring wells' });
    await review.getByLabel('Review note').fill('Wells and first readings on file');
    await review.getByRole('button', { name: 'Verify' }).click();
    const esap = page.getByRole('table', { name: 'ESAP items by due date' });
    await esap.getByText('Verified', { exact: true }).waitFor();
    await page
      .getByRole('textbox', { name: 'Action', exact: true })
      .fill('Publish the grievance mechanism in Quechua');
    await page.getByLabel('Standard').selectOption('PS7');
    await page.getByLabel('Due date').fill(dueDate);
    await page.getByRole('button', { name: 'Add the item' }).click();
    await esap.getByText('Publish the grievance mechanism in Quechua').waitFor();
    await journey.audit('officer: ESAP');

    // Back to the money: approved by the second officer, then a repayment.
    await page.getByRole('tab', { name: 'Disbursements' }).click();
    await disbursements.getByText('Disbursed', { exact: true }).waitFor();
    await page.getByLabel('Amount repaid (US$)').fill('10000000');
    await page.getByRole('button', { name: 'Record a repayment' }).click();
    await page.getByRole('table', { name: 'Repayments received' }).getByText('$10,000,000').waitFor();
    await page.getByRole('region', { name: 'Money' }).getByText('$30,000,000').waitFor();

    // Monitoring: the covenant breached, risk at approval beside risk now.
    await page.getByRole('tab', { name: 'Monitoring' }).click();
    const results = page.getByRole('table', { name: `Covenants tested against the ${year} report` });
    await results.getByRole('row').filter({ hasText: 'DSCR_MIN' }).getByText('Breached').waitFor();
    await page.getByRole('article', { name: 'At approval' }).getByText(approvedOn.slice(0, 8)).waitFor();
    const riskNow = page.getByRole('article', { name: 'Now' });
    await riskNow.getByText(/^FORGE-RRS /).waitFor();
    expect(await riskNow.getByText(approvedOn.slice(0, 8)).count()).toBe(0);
    await journey.audit('officer: monitoring');
    await journey.screenshot('officer-monitoring');

    // Incidents: late, followed up, closed.
    await page.getByRole('tab', { name: 'Incidents' }).click();
    await page.getByText('Reported late').waitFor();
    const followUp = page.getByRole('group', { name: 'Follow up' });
    const note = followUp.getByLabel('Text (or closing note)');
    await note.fill('Liner tear at the north cell');
    await followUp.getByRole('button', { name: 'Add the update' }).click();
    await page.getByText('Liner tear at the north cell').waitFor();
    // The incident list can show the update before the command's refresh is done; the form clears only then (the
    // view, with the application's new version, refreshed too). Typing earlier raced that clear, or closed with the
    // old version (409).
    await page.waitForFunction(
      (input) => (input as HTMLInputElement | null)?.value === '',
      await note.elementHandle(),
    );
    await note.fill('Liner repaired; wells show no seepage');
    await followUp.getByRole('button', { name: 'Close the incident' }).click();
    await page.getByText('Liner repaired; wells show no seepage', { exact: false }).waitFor();
    await journey.audit('officer: incidents');

    // Watchlist: the breach and the incident, the breach cleared with a note.
    await page.getByRole('tab', { name: 'Watchlist' }).click();
    const reasons = page.getByRole('table', { name: 'Why the project is or was on the watchlist' });
    await reasons.getByText('Serious incident').waitFor();
    const breach = page.getByRole('group', { name: `Clear covenant_breach:${year}:DSCR_MIN#1` });
    await breach.getByLabel('Why it can be cleared').fill('Waiver granted; DSCR back above 1.20x');
    await breach.getByRole('button', { name: 'Clear' }).click();
    await reasons.getByText(/Waiver granted; DSCR back above 1.20x/).waitFor();
    await page.getByText('On the watchlist', { exact: true }).waitFor();
    await journey.audit('officer: watchlist');
    journey.assertClean();
  });
});
