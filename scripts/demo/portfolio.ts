import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ApiClient, ApiError } from './api-client.js';

/**
 * The fund as a whole in the demo (issue 15, docs/portfolio.md): disclosure before decision, the envelope and
 * exposures, a Category A application waiting on its disclosure period, a concentration breach decided under a
 * waiver with unanimity (after two admins change the portfolio policy), co-financing with a partner's commitment
 * and mobilisation, the public register and the IATI file written to disk.
 */

const DAY_MS = 86_400_000;

/** The demo's view of the API process's clock (an in-process API: the demo may move it; never sleeps). */
export interface DemoClock {
  now(): Date;
  set(moment: Date | null): void;
}

export interface DisclosureDemoContext {
  api: ApiClient;
  clock: DemoClock;
  officerToken: string;
  step: (key: string, line: string) => void;
}

/**
 * Publishes an application's disclosure package before its committee (portfolio.md `disclosure.period`: category A
 * 60 days, the others 30). The demo compresses time: the package is published with the API clock moved back
 * `daysAgo` days, then the clock is put back. The E&S review summary is included for A, B and FI.
 */
export async function discloseBeforeDecision(
  ctx: DisclosureDemoContext,
  key: string,
  id: string,
  summary: string,
  daysAgo = 61,
): Promise<any> {
  const now = ctx.clock.now();
  ctx.clock.set(new Date(now.getTime() - daysAgo * DAY_MS));
  try {
    const published = await ctx.api.call<any>('POST', `/api/v1/applications/${id}/disclosure`, {
      token: ctx.officerToken,
      body: {
        summary,
        esReviewSummary:
          'The E&S review found the impacts manageable under the IFC Performance Standards, with the ESAP as conditions.',
      },
    });
    return published;
  } finally {
    ctx.clock.set(null);
  }
}

export interface PortfolioDemoContext {
  api: ApiClient;
  clock: DemoClock;
  outputDir: string;
  say: (line: string) => void;
  step: (key: string, line: string) => void;
  officer: { id: string; token: string };
  checker: { id: string; token: string };
  admin: string;
  secondAdmin: string;
  members: Array<{ id: string; token: string }>;
  /** Creates a sponsor organisation with a sponsor user; returns the sponsor's token. */
  newSponsor: (key: string, name: string, country: string) => Promise<string>;
  /** Drives a new application of `input` to `financing` with its structure recorded and assessed; returns its id. */
  toFinancing: (
    key: string,
    sponsorToken: string,
    input: Record<string, any>,
    financing: Record<string, any>,
  ) => Promise<string>;
  sample: (key: string) => { input: Record<string, any>; financing: Record<string, any> };
}

const usd = (amount: number) => `US$${amount.toLocaleString('en-US')}`;

/**
 * Each committed or financed application's exposure and share of the envelope, by reference, from
 * `GET /portfolio/exposures.csv` (the demo's portfolio table shows them beside each application).
 */
export async function bookExposures(
  api: ApiClient,
  token: string,
): Promise<Map<string, { exposure: string; share: string }>> {
  const csv = await api.call<string>('GET', '/api/v1/portfolio/exposures.csv', { token });
  const [header, ...rows] = csv.trim().split('\n');
  // No field of this file holds a comma or a quote (references, codes, numbers): a plain split reads it.
  const columns = header!.split(',');
  const at = (name: string) => columns.indexOf(name);
  return new Map(
    rows.map((row) => {
      const cells = row.split(',');
      return [
        cells[at('reference')]!,
        { exposure: usd(Number(cells[at('exposure_usd')])), share: `${cells[at('share_of_envelope_pct')]}%` },
      ];
    }),
  );
}

async function version(api: ApiClient, id: string, token: string): Promise<number> {
  return (await api.call<any>('GET', `/api/v1/applications/${id}`, { token })).version;
}

async function toCommittee(ctx: PortfolioDemoContext, id: string) {
  return ctx.api.call<any>('POST', `/api/v1/applications/${id}/transitions`, {
    token: ctx.officer.token,
    body: { to: 'committee', expectedVersion: await version(ctx.api, id, ctx.officer.token) },
  });
}

async function voteAll(ctx: PortfolioDemoContext, id: string, decision = 'approve') {
  const opened = (await ctx.api.call<any>('GET', `/api/v1/applications/${id}`, { token: ctx.officer.token }))
    .committee;
  let last: any;
  for (const memberId of opened.eligibleMemberIds as string[]) {
    const member = ctx.members.find((m) => m.id === memberId)!;
    last = await ctx.api.call<any>('POST', `/api/v1/applications/${id}/committee/votes`, {
      token: member.token,
      body: { decision, rationale: 'Within the fund policy, with the ESAP as conditions' },
    });
  }
  return last;
}

/** Runs the portfolio part; answers the partner it created (a console login for `--serve`). */
export async function runPortfolioDemo(ctx: PortfolioDemoContext): Promise<{ partnerEmail: string }> {
  const { api, say, step } = ctx;
  say('Portfolio: the fund as a whole');
  const before = await api.call<any>('GET', '/api/v1/portfolio', { token: ctx.officer.token });
  const e = before.envelope;
  say(
    `  envelope ${usd(e.envelopeUsd)}: committed ${usd(e.committedUsd)} (${e.committedCount}), financed ${usd(e.financedUsd)} (${e.financedCount}; outstanding ${usd(e.financedOutstandingUsd)}, undisbursed ${usd(e.financedUndisbursedUsd)}), pipeline ${usd(e.pipelineUsd)} (${e.pipelineCount}), available ${usd(e.availableUsd)}`,
  );
  for (const dimension of ['country', 'mineral', 'segment'] as const) {
    const rows = (before.exposures[dimension] as any[]).slice(0, 4);
    say(
      `  exposure by ${dimension}: ${rows.map((r) => `${r.key} ${usd(r.usd)} (${r.shareOfEnvelopePct}%${r.limit ? ` of ≤ ${r.limit.limitPct}%` : ''})`).join(', ')}`,
    );
  }
  say(
    `  risk reduced ${usd(before.riskReduced.reducedUsdPerYear)} a year of expected loss (gross ${usd(before.riskReduced.grossUsdPerYear)}, residual ${usd(before.riskReduced.residualUsdPerYear)}); framework countries ${before.frameworkCountries.shareOfBookPct}% of the book`,
  );

  // 1. Two admins change the policy: FORGE-PP 1.1.0 caps each mineral at 3% of the envelope (four eyes).
  const policies = await api.call<any[]>('GET', '/api/v1/admin/portfolio-policies', { token: ctx.admin });
  const active = policies.find((p) => p.active);
  const params = {
    ...active.params,
    version: '1.1.0',
    limits: (active.params.limits as any[]).map((l) => (l.code === 'MINERAL' ? { ...l, bp: 300 } : l)),
  };
  const proposed = await api.call<any>('POST', '/api/v1/admin/portfolio-policies', {
    token: ctx.admin,
    body: { params, rationale: 'Diversify: at most 3% of the envelope per mineral while the fund ramps up' },
  });
  const self = await api
    .call('POST', `/api/v1/admin/portfolio-policies/${proposed.id}/approve`, {
      token: ctx.admin,
      body: { note: 'my own' },
    })
    .catch((error: unknown) => error);
  await api.call('POST', `/api/v1/admin/portfolio-policies/${proposed.id}/approve`, {
    token: ctx.secondAdmin,
    body: { note: 'Approved by the second admin' },
  });
  step(
    'PP',
    `FORGE-PP 1.1.0 (MINERAL ≤ 3%) proposed by one admin; its proposer's approval refused (${self instanceof ApiError ? `${self.status} ${(self.body as any)?.code}` : 'accepted?!'}); approved by a second admin, hash ${String(proposed.paramsHash).slice(0, 12)}…`,
  );

  // 2. A copper application trips MINERAL, is waived under four eyes, and needs unanimity.
  const copper = ctx.sample('S04');
  const waivedSponsor = await ctx.newSponsor('P1', 'Quebrada Honda Copper S.A.', 'PE');
  const waivedId = await ctx.toFinancing(
    'P1',
    waivedSponsor,
    { ...copper.input, title: 'Quebrada Honda copper cathode plant' },
    { ...copper.financing, amountUsd: 100_000_000 },
  );
  await discloseBeforeDecision(
    { api, clock: ctx.clock, officerToken: ctx.officer.token, step },
    'P1',
    waivedId,
    'A copper cathode plant in Peru.',
  );
  const refused = await toCommittee(ctx, waivedId).catch((error: unknown) => error);
  const breach =
    refused instanceof ApiError
      ? ((refused.body as any)?.errors ?? []).find((x: any) => x.guard === 'portfolio.concentration')
      : null;
  step('P1', `financing → committee refused: ${breach?.message ?? 'not refused?!'}`);
  const waiver = await api.call<any>(
    'POST',
    `/api/v1/applications/${waivedId}/checks/PORTFOLIO.CONCENTRATION/resolve`,
    {
      token: ctx.officer.token,
      body: {
        outcome: 'waived',
        note: 'Copper is the fund’s core mineral; the breach is temporary while the book grows',
        expectedVersion: await version(api, waivedId, ctx.officer.token),
      },
    },
  );
  const item = (waiver.pendingApprovals ?? []).find((a: any) => a.action === 'check.waive');
  await api.call('POST', `/api/v1/approvals/${item.id}/approve`, {
    token: ctx.checker.token,
    body: { note: 'Second officer: waiver approved' },
  });
  await toCommittee(ctx, waivedId);
  const decided = await voteAll(ctx, waivedId);
  step(
    'P1',
    `PORTFOLIO.CONCENTRATION waived under four eyes; the committee decides unanimously: ${decided.stage}`,
  );

  // 3. A Category A application waits on its 60-day disclosure period: the approval is held back, the round open.
  const lithium = ctx.sample('S01');
  const waitingSponsor = await ctx.newSponsor('P2', 'Salar Alto Lithium S.A.', 'AR');
  const waitingId = await ctx.toFinancing(
    'P2',
    waitingSponsor,
    { ...lithium.input, title: 'Salar Alto lithium carbonate plant', mineral: 'lithium' },
    { ...lithium.financing, amountUsd: 50_000_000 },
  );
  const pkg = await api.call<any>('POST', `/api/v1/applications/${waitingId}/disclosure`, {
    token: ctx.officer.token,
    body: {
      summary: 'Lithium carbonate by direct extraction in Catamarca.',
      esReviewSummary: 'Water balance and Indigenous Peoples engagement reviewed under PS1, PS3 and PS7.',
    },
  });
  const entered = await toCommittee(ctx, waitingId).catch((error: unknown) => error);
  if (entered instanceof ApiError) {
    step('P2', `category ${pkg.content.category}: not put to the committee (${entered.message})`);
  } else {
    const held = await voteAll(ctx, waitingId);
    const earliest = new Date(Date.parse(pkg.disclosedAt) + 60 * DAY_MS).toISOString();
    step(
      'P2',
      `category ${pkg.content.category}, disclosed today: every vote approves, yet the approval is held back by disclosure.period (stage ${held.stage}, round ${held.committee?.status ?? 'open'}); the deadline job approves it from ${earliest}`,
    );
  }

  // 4. Co-financing: a private bank indicates, its partner commits; mobilisation follows.
  const bank = await api.call<any>('POST', '/api/v1/admin/organizations', {
    token: ctx.admin,
    body: {
      name: 'Banco Andino de Inversión',
      country: 'PE',
      registrationNumber: `BAI-${Date.now()}`,
      kind: 'cofinancier',
      sector: 'private',
    },
  });
  const partnerEmail = `partner+${Date.now().toString(36)}@forge.demo`;
  await api.call('POST', '/api/v1/admin/users', {
    token: ctx.admin,
    body: {
      email: partnerEmail,
      password: 'forge-demo-password',
      displayName: 'Bank partner',
      roles: ['partner'],
      organizationId: bank.id,
    },
  });
  const partnerToken = await api.login(partnerEmail, 'forge-demo-password');
  const zinc = ctx.sample('S14');
  const cofinancedSponsor = await ctx.newSponsor('P3', 'Cerro Azul Zinc S.A.', 'PE');
  const cofinancedId = await ctx.toFinancing(
    'P3',
    cofinancedSponsor,
    { ...zinc.input, title: 'Cerro Azul zinc refinery' },
    {
      ...zinc.financing,
      amountUsd: 60_000_000,
      cofinancing: [
        { organizationId: bank.id, instrument: 'senior_loan', amountUsd: 45_000_000, status: 'indicated' },
      ],
    },
  );
  const before404 = await api
    .call('GET', `/api/v1/applications/${cofinancedId}/cofinancing`, { token: partnerToken })
    .catch((error: unknown) => error);
  await discloseBeforeDecision(
    { api, clock: ctx.clock, officerToken: ctx.officer.token, step },
    'P3',
    cofinancedId,
    'A zinc refinery in Peru, co-financed by a private bank.',
  );
  await toCommittee(ctx, cofinancedId);
  const committed = await api.call<any>('POST', `/api/v1/applications/${cofinancedId}/cofinancing/commit`, {
    token: partnerToken,
    body: { instrument: 'senior_loan' },
  });
  step(
    'P3',
    `the bank's partner saw nothing before committee (${before404 instanceof ApiError ? before404.status : '?'}), then commits its ${usd(45_000_000)} line: private direct mobilisation ${usd(committed.privateDirectMobilisationUsd)}, ratio ${(committed.mobilisationRatioHundredths / 100).toFixed(2)}x`,
  );
  const cofinancedDecision = await voteAll(ctx, cofinancedId);
  step('P3', `committee: ${cofinancedDecision.stage}`);

  const after = await api.call<any>('GET', '/api/v1/portfolio', { token: ctx.officer.token });
  say(
    `  after: committed ${usd(after.envelope.committedUsd)} (${after.envelope.committedCount}), available ${usd(after.envelope.availableUsd)}; policy ${after.policy.policy} ${after.policy.version}; mobilisation ${usd(after.mobilisation.privateDirectMobilisationUsd)} (${(after.mobilisation.ratioHundredths / 100).toFixed(2)}x of the book)`,
  );

  // 5. The public face: the register (no sign-in) and IATI 2.03.
  mkdirSync(ctx.outputDir, { recursive: true });
  const register = await api.call<any>('GET', '/api/v1/public/projects');
  const registerFile = join(ctx.outputDir, 'public-register.json');
  writeFileSync(registerFile, JSON.stringify(register, null, 2));
  const statuses = new Map<string, number>();
  for (const project of register.items) statuses.set(project.status, (statuses.get(project.status) ?? 0) + 1);
  say(
    `  public register (no sign-in): ${register.items.length} disclosed projects (${[...statuses].map(([s, n]) => `${n} ${s}`).join(', ')}); fields of the first: ${Object.keys(register.items[0] ?? {}).join(', ')}`,
  );
  say(`  written to ${registerFile}`);
  const iati = await api.call<string>('GET', '/api/v1/public/iati/activities.xml');
  const iatiFile = join(ctx.outputDir, 'iati-activities.xml');
  writeFileSync(iatiFile, iati);
  const activities = (iati.match(/<iati-activity /g) ?? []).length;
  say(`  IATI 2.03: ${activities} activities written to ${iatiFile}; the first one begins:`);
  const start = iati.indexOf('<iati-activity ');
  for (const line of iati.slice(start).split('\n').slice(0, 14)) say(`  | ${line}`);
  say('');
  return { partnerEmail };
}
