import { type ApiClient } from './api-client.js';

/** What the monitoring demo needs from the main demo run. */
export interface MonitoringDemoContext {
  api: ApiClient;
  maker: { token: string };
  checker: { token: string };
  auditor: { token: string };
  financed: { id: string; reference: string; sponsorToken: string }[];
}

const say = (line = '') => process.stdout.write(`${line}\n`);
const usd = (n: number) => `US$${n.toLocaleString('en-US')}`;

/**
 * Issue 16 in the demo: two financed projects carried on after close. The sponsor requests disbursements,
 * an officer proposes each (tranche conditions checked), a second officer approves (four eyes, value date);
 * the first project is fully disbursed, repaid and closed as `repaid`; the second, its structure split into two
 * tranches and given its own covenants, stays `disbursing`, and a write-off proposed on it is refused by the
 * second officer.
 */
export async function runMonitoringDemo(ctx: MonitoringDemoContext): Promise<void> {
  const projects = ctx.financed.slice(0, 2);
  if (projects.length === 0) return;
  say('After financial close (docs/monitoring.md)');
  for (const [index, project] of projects.entries()) {
    const base = `/api/v1/applications/${project.id}`;
    if (index === 1) await structure(ctx, project);
    const view = await ctx.api.call<any>('GET', `${base}/disbursements`, { token: ctx.maker.token });
    const amount: number = view.forgeAmountUsd;
    const parts =
      index === 0 ? [Math.floor(amount * 0.6), amount - Math.floor(amount * 0.6)] : [Math.floor(amount / 4)];
    for (const part of parts) {
      const requested = await ctx.api.call<any>('POST', `${base}/disbursements`, {
        token: project.sponsorToken,
        body: { amountUsd: part },
      });
      const proposed = await ctx.api.call<any>('POST', `${base}/disbursements/${requested.id}/propose`, {
        token: ctx.maker.token,
      });
      await ctx.api.call('POST', `/api/v1/approvals/${proposed.approvalId}/approve`, {
        token: ctx.checker.token,
        body: { note: 'Conditions of the tranche verified; payment instruction matches the account on file' },
      });
      say(
        `  ${project.reference}: ${usd(part)} from tranche ${requested.trancheId}: requested by the sponsor, proposed, approved by a second officer`,
      );
    }
    if (index === 0) {
      const today = new Date().toISOString().slice(0, 10);
      await ctx.api.call('POST', `${base}/repayments`, {
        token: ctx.maker.token,
        body: { amountUsd: amount, valueDate: today, note: 'Prepayment in full' },
      });
      const application = await ctx.api.call<any>('GET', base, { token: ctx.maker.token });
      await ctx.api.call('POST', `${base}/transitions`, {
        token: ctx.maker.token,
        body: { to: 'repaid', reason: 'Loan prepaid in full', expectedVersion: application.version },
      });
      say(`  ${project.reference}: repaid in full (${usd(amount)}) and closed as repaid`);
    }
  }
  if (projects[1]) await carriedProject(ctx, projects[1]);
  say('');
  const header = ['reference', 'stage', 'FORGE amount', 'disbursed', 'repaid', 'outstanding'];
  const rows: string[][] = [];
  for (const project of projects) {
    const view = await ctx.api.call<any>('GET', `/api/v1/applications/${project.id}/disbursements`, {
      token: ctx.auditor.token,
    });
    rows.push([
      project.reference,
      view.stage,
      usd(view.forgeAmountUsd),
      usd(view.disbursedUsd),
      usd(view.repaidUsd),
      usd(view.outstandingUsd),
    ]);
  }
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `  ${cells.map((cell, c) => cell.padEnd(widths[c])).join('  ')}`;
  say(line(header));
  say(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) say(line(row));
  say('');
}

const pdf = (what: string) => {
  const form = new FormData();
  form.append('kind', 'other');
  const body = `%PDF-1.4\n% ${what}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  form.append('file', new Blob([body], { type: 'application/pdf' }), `${what.replaceAll(' ', '-')}.pdf`);
  return form;
};

/**
 * The financing structure's post-close parts (the console's Financing tab): two tranches, each on the
 * conditions precedent, and the fund's covenants plus a local-employment one.
 */
async function structure(
  ctx: MonitoringDemoContext,
  project: MonitoringDemoContext['financed'][number],
): Promise<void> {
  const base = `/api/v1/applications/${project.id}`;
  const view = await ctx.api.call<any>('GET', base, { token: ctx.maker.token });
  const amount: number = view.financing.amountUsd;
  const conditionIds = (view.conditionsPrecedent as Array<{ id: string }>).map((c) => c.id);
  const first = Math.floor(amount / 2);
  await ctx.api.call('PUT', `${base}/tranches`, {
    token: ctx.maker.token,
    body: {
      tranches: [
        { id: 'T1', amountUsd: first, conditionIds },
        { id: 'T2', amountUsd: amount - first, conditionIds },
      ],
    },
  });
  say(
    `  ${project.reference}: tranches T1 ${usd(first)} and T2 ${usd(amount - first)}, each on the conditions precedent`,
  );
  const recorded = await ctx.api.call<any>('PUT', `${base}/covenants`, {
    token: ctx.maker.token,
    body: {
      covenants: [
        { code: 'DSCR_MIN', kind: 'financial', rule: { type: 'min_dscr', min: 120 } },
        { code: 'ZERO_FATALITIES', kind: 'es', rule: { type: 'max_fatalities', max: 0 } },
        { code: 'AMR_ON_TIME', kind: 'reporting', rule: { type: 'amr_on_time', graceDays: 30 } },
        { code: 'LOCAL_JOBS', kind: 'es', rule: { type: 'min_local_employment_pct', minPct: 60 } },
      ],
    },
  });
  say(`  ${project.reference}: covenants recorded: ${recorded.covenants.map((c: any) => c.code).join(', ')}`);
}

/**
 * Issue 16, the rest of a carried project's life: an ESAP item worked and verified; an annual report whose
 * DSCR of 1.05x breaches the DSCR covenant, putting the project on the watchlist and re-scoring it from the
 * actual figure (risk at approval beside risk now); a tailings incident reported five days late.
 */
async function carriedProject(
  ctx: MonitoringDemoContext,
  project: MonitoringDemoContext['financed'][number],
): Promise<void> {
  const base = `/api/v1/applications/${project.id}`;
  const sponsor = project.sponsorToken;
  say('');
  say(`  ${project.reference}: the sponsor's obligations after close`);

  const due = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  const item = await ctx.api.call<any>('POST', `${base}/esap`, {
    token: ctx.maker.token,
    body: {
      description: 'Install groundwater monitoring wells around the tailings facility',
      standard: 'PS3',
      dueDate: due,
    },
  });
  const evidence = await ctx.api.call<any>('POST', `${base}/documents`, {
    token: sponsor,
    body: pdf('well survey'),
  });
  await ctx.api.call('PATCH', `${base}/esap/${item.id}`, {
    token: sponsor,
    body: {
      status: 'done',
      evidenceDocumentIds: [evidence.id],
      note: 'Six wells installed; survey attached',
    },
  });
  await ctx.api.call('POST', `${base}/esap/${item.id}/review`, {
    token: ctx.checker.token,
    body: { decision: 'verify', note: 'Survey and first readings on file' },
  });
  say(`    ESAP ${item.standard} item due ${due}: done by the sponsor with evidence, verified by an officer`);

  const before = await ctx.api.call<any>('GET', base, { token: ctx.maker.token });
  const report = await ctx.api.call<any>('POST', `${base}/documents`, {
    token: sponsor,
    body: pdf('annual report'),
  });
  const year = new Date().getUTCFullYear();
  const filed = await ctx.api.call<any>('POST', `${base}/monitoring-reports`, {
    token: sponsor,
    body: {
      documentId: report.id,
      figures: {
        year,
        dscrActual: 105,
        fatalities: 0,
        lostTimeInjuryFrequency: 38,
        waterWithdrawalM3: 1_450_000,
        ghgScope12Tonnes: 61_000,
        grievancesReceived: 9,
        grievancesResolved: 8,
        localEmploymentPct: 68.5,
        localProcurementPct: 27,
      },
    },
  });
  for (const result of filed.report.covenantResults) {
    say(
      `    AMR ${year}: ${result.code.padEnd(16)} ${result.met ? 'met     ' : 'BREACHED'} ${result.message}`,
    );
  }
  const rescored = await ctx.api.waitFor('the re-assessment from the annual report', async () => {
    const view = await ctx.api.call<any>('GET', base, { token: ctx.maker.token });
    return view.latestRiskAssessment && view.latestRiskAssessment.id !== before.latestRiskAssessment?.id
      ? view
      : undefined;
  });
  const risk = (a: any) =>
    a
      ? `gross ${a.gross.band} (${a.gross.score}), residual ${a.residual.band} (${a.residual.score})`
      : 'none';
  say(
    `    risk at approval: ${risk(rescored.riskAtApproval)}  [replay: POST /api/v1/risk-assessments/${rescored.riskAtApproval?.id ?? '-'}/replay]`,
  );
  say(`    risk now (DSCR ${(105 / 100).toFixed(2)}x): ${risk(rescored.latestRiskAssessment)}`);

  const occurredAt = new Date(Date.now() - 5 * 86_400_000).toISOString();
  const incident = await ctx.api.call<any>('POST', `${base}/incidents`, {
    token: sponsor,
    body: {
      occurredAt,
      kind: 'tailings',
      severity: 2,
      description: 'Seepage from the north cell of the tailings storage facility reached the creek',
    },
  });
  say(
    `    incident: tailings on ${occurredAt.slice(0, 10)}, reported ${incident.incident.late ? 'LATE (over 3 days)' : 'on time'}; serious: watchlist and re-assessment`,
  );
  await ctx.api.call('POST', `${base}/incidents/${incident.incident.id}/updates`, {
    token: sponsor,
    body: { kind: 'root_cause', text: 'Liner tear at a weld seam of the north cell' },
  });
  const watchlist = await ctx.api.call<any>('GET', `${base}/watchlist`, { token: ctx.auditor.token });
  say(`    watchlist: ${watchlist.onWatchlist ? 'ON' : 'off'}`);
  for (const reason of watchlist.reasons) say(`      - ${reason.id}: ${reason.detail}`);

  // A write-off goes through four eyes: proposed by one officer, refused here by the second (the project stays).
  const writeOff = await ctx.api.call<any>('POST', `${base}/write-off`, {
    token: ctx.maker.token,
    body: { reason: 'Tailings failure: recovery of the loan is doubtful' },
  });
  await ctx.api.call('POST', `/api/v1/approvals/${writeOff.approvalId}/reject`, {
    token: ctx.checker.token,
    body: { note: 'A recovery plan with the sponsor is agreed; the project stays in the portfolio' },
  });
  say('    write-off proposed by an officer, rejected by a second officer (four eyes): the project stays');
}
