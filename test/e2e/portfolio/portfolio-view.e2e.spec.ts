import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../../../libs/application/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';
import { seedSamplePortfolio, type SeededApplication } from './support.js';

/**
 * GET /portfolio and /portfolio/exposures.csv on the demo's sample portfolio in PostgreSQL. Every figure is
 * the hand computation of docs/portfolio.md "The demo's figures, worked" (line by line in
 * libs/domain/src/portfolio/sample-portfolio.golden.spec.ts); days in stage as seeded in ./support.ts.
 */
const NOW = new Date('2026-11-20T12:00:00.000Z');

describe('portfolio view (e2e)', () => {
  let t: TestApp;
  let officer: TestUser;
  let seeded: Map<string, SeededApplication>;

  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(Clock).set(NOW);
    officer = await t.createUser(['officer']);
    seeded = await seedSamplePortfolio(t, NOW);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('pins the envelope, exposures, limits, funnel, mix, framework share and risk reduced', async () => {
    const response = await t.request('GET', '/api/v1/portfolio', { token: officer.token });
    expect(response.status).toBe(200);
    const view = response.body;
    expect(view.asOf).toBe(NOW.toISOString());
    expect(view.policy).toMatchObject({ policy: 'FORGE-PP', version: '1.0.0' });
    expect(view.policy.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(view.envelope).toEqual({
      envelopeUsd: 30_000_000_000,
      committedUsd: 0,
      committedCount: 0,
      financedUsd: 2_710_000_000,
      financedCount: 14,
      financedOutstandingUsd: 0,
      financedUndisbursedUsd: 2_710_000_000,
      pipelineUsd: 90_000_000,
      pipelineCount: 2,
      availableUsd: 27_290_000_000,
    });
    const rows = (dimension: string) =>
      (view.exposures[dimension] as Array<{ key: string; usd: number; shareOfEnvelopePct: string }>)
        .filter((r) => r.usd > 0)
        .map((r) => [r.key, r.usd, r.shareOfEnvelopePct]);
    expect(rows('country')).toEqual([
      ['AR', 910_000_000, '3.03'],
      ['BR', 770_000_000, '2.57'],
      ['PE', 460_000_000, '1.53'],
      ['PY', 300_000_000, '1.00'],
      ['EC', 270_000_000, '0.90'],
    ]);
    expect(rows('mineral')).toEqual([
      ['copper', 1_240_000_000, '4.13'],
      ['lithium', 510_000_000, '1.70'],
      ['nickel', 400_000_000, '1.33'],
      ['rare_earths', 270_000_000, '0.90'],
      ['titanium', 200_000_000, '0.67'],
      ['zinc', 70_000_000, '0.23'],
      ['gold', 20_000_000, '0.07'],
    ]);
    expect(rows('segment')).toEqual([
      ['extraction', 1_400_000_000, '4.67'],
      ['processing', 870_000_000, '2.90'],
      ['refining', 370_000_000, '1.23'],
      ['recycling', 70_000_000, '0.23'],
    ]);
    expect(rows('instrument')).toEqual([
      ['senior_loan', 2_690_000_000, '8.97'],
      ['subordinated_loan', 20_000_000, '0.07'],
    ]);
    // The country row carries its limit, rounded up against the maximum.
    expect(view.exposures.country[0].limit).toMatchObject({
      limit: 'COUNTRY',
      sharePct: '3.04',
      limitPct: '25.00',
    });
    expect(view.limits.map((l: any) => [l.limit, l.key, l.usd, l.sharePct, l.limitPct, l.breached])).toEqual([
      ['COUNTRY', 'AR', 910_000_000, '3.04', '25.00', false],
      ['MINERAL', 'copper', 1_240_000_000, '4.14', '35.00', false],
      ['OBLIGOR', seeded.get('S02')!.organizationId, 600_000_000, '2.00', '5.00', false],
      ['RISK_CAPITAL', 'equity+first_loss', 0, '0.00', '20.00', false],
      ['PROCESSING_TARGET', 'processing+refining+recycling', 1_310_000_000, '48.33', '40.00', false],
    ]);
    expect(view.categoryMix.map((r: any) => [r.category, r.count, r.usd, r.sharePct])).toEqual([
      ['A', 7, 2_150_000_000, '79.34'],
      ['B', 6, 490_000_000, '18.08'],
      ['C', 1, 70_000_000, '2.58'],
      ['FI', 0, 0, '0.00'],
      ['none', 0, 0, '0.00'],
    ]);
    expect(view.frameworkCountries).toMatchObject({
      usd: 1_940_000_000,
      shareOfBookPct: '71.59',
    });
    expect(view.frameworkCountries.countries).toEqual(expect.arrayContaining(['AR', 'EC', 'PE', 'PY']));
    expect(view.riskReduced).toEqual({
      grossUsdPerYear: 60_467_000,
      residualUsdPerYear: 34_547_000,
      reducedUsdPerYear: 25_920_000,
      applications: 14,
      withoutAssessment: 0,
    });
    expect(view.mobilisation).toEqual({
      privateDirectMobilisationUsd: 0,
      forgeAmountUsd: 2_710_000_000,
      ratioHundredths: 0,
    });
    // Funnel: financed S01–S14 entered 1…14 days ago → median of 1…14 = (7 + 8) / 2 = 7.5 → half-even 8;
    // financing N02 12 days (its requested US$50m); esg_review N03 3 days; rejected N01 40 days.
    const funnel = Object.fromEntries(
      view.funnel.map((r: any) => [r.stage, [r.count, r.usd, r.medianDaysInStage]]),
    );
    expect(funnel).toMatchObject({
      submitted: [0, 0, null],
      screening: [0, 0, null],
      esg_review: [1, 40_000_000, 3],
      financing: [1, 50_000_000, 12],
      committee: [0, 0, null],
      approved: [0, 0, null],
      financed: [14, 2_710_000_000, 8],
      rejected: [1, 100_000_000, 40],
    });
  });

  it('exposures.csv: one row per financed application with the same figures', async () => {
    const response = await t.request('GET', '/api/v1/portfolio/exposures.csv', { token: officer.token });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const lines = response.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'reference,stage,country,framework_country,mineral,segment,instrument,category,forge_amount_usd,exposure_usd,share_of_envelope_pct,el_gross_bp,el_residual_bp,el_gross_usd_per_year,el_residual_usd_per_year,risk_reduced_usd_per_year,private_mobilisation_usd,mobilisation_ratio',
    );
    expect(lines).toHaveLength(15);
    const s01 = lines.find((l) => l.startsWith(seeded.get('S01')!.reference))!;
    // S01: AR lithium processing, US$250m, 250m × 325 / 10,000 = 8,125,000 gross; × 190 = 4,750,000; reduced 3,375,000.
    expect(s01.split(',').slice(1)).toEqual([
      'financed',
      'AR',
      'yes',
      'lithium',
      'processing',
      'senior_loan',
      'A',
      '250000000',
      '250000000',
      '0.83',
      '325',
      '190',
      '8125000',
      '4750000',
      '3375000',
      '0',
      '0.00',
    ]);
    const s06 = lines.find((l) => l.startsWith(seeded.get('S06')!.reference))!;
    expect(s06.split(',')[3]).toBe('no'); // Brazil is not a framework country
    const reduced = lines.slice(1).reduce((sum, l) => sum + Number(l.split(',')[15]), 0);
    expect(reduced).toBe(25_920_000);
  });

  it('who may read: officer, committee, auditor, admin; a sponsor and a partner are refused', async () => {
    for (const roles of [['committee'], ['auditor'], ['admin']] as const) {
      const user = await t.createUser([...roles]);
      expect((await t.request('GET', '/api/v1/portfolio', { token: user.token })).status).toBe(200);
      expect((await t.request('GET', '/api/v1/portfolio/exposures.csv', { token: user.token })).status).toBe(
        200,
      );
    }
    const sponsor = await t.createUser(['sponsor']);
    const refused = await t.request('GET', '/api/v1/portfolio', { token: sponsor.token });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await t.request('GET', '/api/v1/portfolio/exposures.csv', { token: sponsor.token })).status).toBe(
      403,
    );
    // A partner reads what its organisation co-finances (GET /cofinancing), never the fund's figures.
    const partner = await t.createUser(['partner']);
    for (const path of ['/api/v1/portfolio', '/api/v1/portfolio/exposures.csv']) {
      const response = await t.request('GET', path, { token: partner.token });
      expect([path, response.status, response.body?.code]).toEqual([path, 403, 'AUTH.FORBIDDEN']);
    }
    expect((await t.request('GET', '/api/v1/portfolio')).status).toBe(401);
  });
});
