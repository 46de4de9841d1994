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
 * the first project is fully disbursed, repaid and closed as `repaid`; the second stays `disbursing`.
 */
export async function runMonitoringDemo(ctx: MonitoringDemoContext): Promise<void> {
  const projects = ctx.financed.slice(0, 2);
  if (projects.length === 0) return;
  say('After financial close (docs/monitoring.md)');
  for (const [index, project] of projects.entries()) {
    const base = `/api/v1/applications/${project.id}`;
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
