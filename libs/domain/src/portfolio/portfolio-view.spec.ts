import { describe, expect, it } from '@jest/globals';
import { parseCountriesReference } from '../reference/reference-data.js';
import type { OrganizationFact } from './cofinancing.js';
import { EXPOSURE_COLUMNS, exposureRecords } from './exposure-records.js';
import { FORGE_PP_1_0_0 } from './forge-pp-1-0-0.params.js';
import type { PortfolioApplicationFact } from './portfolio-facts.js';
import {
  buildPortfolioView,
  frameworkCountryCodes,
  medianInteger,
  riskReduced,
  wholeDaysBetween,
} from './portfolio-view.js';

const NOW = '2026-11-30T12:00:00.000Z';
const ORGS = new Map<string, OrganizationFact>([
  ['bank', { id: 'bank', name: 'Bank', kind: 'cofinancier', sector: 'private' }],
]);

function fact(id: string, overrides: Partial<PortfolioApplicationFact>): PortfolioApplicationFact {
  return {
    applicationId: id,
    reference: `FORGE-2026-00000${id}`,
    stage: 'financed',
    organizationId: `org-${id}`,
    country: 'AR',
    mineral: 'lithium',
    valueChainSegment: 'processing',
    requestedAmountUsd: 100_000_000,
    requestedInstrument: 'senior_loan',
    financing: null,
    category: 'B',
    stageEnteredAt: '2026-11-01T12:00:00.000Z',
    expectedLoss: null,
    repaidUsd: 0,
    cofinancing: [],
    ...overrides,
  };
}

/**
 * Book 1,000,000,000: 1 (AR lithium processing, A, 400m, EL 325/190, 100m private committed),
 * 2 (PE copper extraction, B, equity 300m, EL 190/95), 3 (BR copper refining, C, 300m approved,
 * no assessment). Pipeline: 4 (committee, 50m, 3 days), 5 (committee, 70m, 10 days), 6 (screening).
 */
const FACTS = [
  fact('1', {
    category: 'A',
    requestedAmountUsd: 400_000_000,
    expectedLoss: { grossBp: 325, residualBp: 190 },
    cofinancing: [
      { organizationId: 'bank', instrument: 'senior_loan', amountUsd: 100_000_000, status: 'committed' },
    ],
    stageEnteredAt: '2026-10-01T12:00:00.000Z',
  }),
  fact('2', {
    country: 'PE',
    mineral: 'copper',
    valueChainSegment: 'extraction',
    financing: { instrument: 'equity', amountUsd: 300_000_000 },
    expectedLoss: { grossBp: 190, residualBp: 95 },
    stageEnteredAt: '2026-11-20T12:00:00.000Z',
  }),
  fact('3', {
    stage: 'approved',
    country: 'BR',
    mineral: 'copper',
    valueChainSegment: 'refining',
    category: 'C',
    requestedAmountUsd: 300_000_000,
    stageEnteredAt: '2026-11-29T00:00:00.000Z',
  }),
  fact('4', {
    stage: 'committee',
    requestedAmountUsd: 50_000_000,
    stageEnteredAt: '2026-11-27T12:00:00.000Z',
  }),
  fact('5', {
    stage: 'committee',
    requestedAmountUsd: 70_000_000,
    stageEnteredAt: '2026-11-20T11:00:00.000Z',
  }),
  fact('6', {
    stage: 'screening',
    requestedAmountUsd: 10_000_000,
    stageEnteredAt: '2026-11-30T11:00:00.000Z',
  }),
  fact('7', { stage: 'draft', requestedAmountUsd: 10_000_000 }),
];

const view = buildPortfolioView({
  facts: FACTS,
  envelopeUsd: 30_000_000_000,
  policy: FORGE_PP_1_0_0,
  organizations: ORGS,
  now: NOW,
});

describe('buildPortfolioView', () => {
  it('states the envelope', () => {
    expect(view.envelope).toEqual({
      envelopeUsd: 30_000_000_000,
      committedUsd: 300_000_000,
      committedCount: 1,
      financedUsd: 700_000_000,
      financedCount: 2,
      financedOutstandingUsd: 0,
      financedUndisbursedUsd: 700_000_000,
      pipelineUsd: 130_000_000,
      pipelineCount: 3,
      availableUsd: 29_000_000_000,
    });
    expect(view.asOf).toBe(NOW);
    expect(view.policy.version).toBe('1.0.0');
  });

  it('lists exposures by country with the COUNTRY limit, largest first', () => {
    expect(
      view.exposures.country.map((r) => [
        r.key,
        r.usd,
        r.count,
        r.shareOfEnvelopePct,
        r.limit?.limitPct,
        r.limit?.breached,
      ]),
    ).toEqual([
      ['AR', 400_000_000, 1, '1.33', '25.00', false],
      ['BR', 300_000_000, 1, '1.00', '25.00', false],
      ['PE', 300_000_000, 1, '1.00', '25.00', false],
    ]);
    expect(view.exposures.mineral.map((r) => [r.key, r.usd, r.limit?.limit])).toEqual([
      ['copper', 600_000_000, 'MINERAL'],
      ['lithium', 400_000_000, 'MINERAL'],
    ]);
  });

  it('lists every segment and instrument, with the group limits they belong to', () => {
    expect(view.exposures.segment.map((r) => [r.key, r.usd, r.groups])).toEqual([
      ['processing', 400_000_000, ['PROCESSING_TARGET']],
      ['extraction', 300_000_000, []], // a tie on US$ goes by key
      ['refining', 300_000_000, ['PROCESSING_TARGET']],
      ['recycling', 0, ['PROCESSING_TARGET']],
    ]);
    expect(view.exposures.instrument.map((r) => [r.key, r.usd, r.groups, r.limit])).toEqual([
      ['senior_loan', 700_000_000, [], null],
      ['equity', 300_000_000, ['RISK_CAPITAL'], null],
      ['first_loss', 0, ['RISK_CAPITAL'], null],
      ['guarantee', 0, [], null],
      ['political_risk_insurance', 0, [], null],
      ['subordinated_loan', 0, [], null],
    ]);
  });

  it('gives each limit on the book: per-value limits at their largest bucket, groups whole', () => {
    expect(view.limits.map((l) => [l.limit, l.key, l.usd, l.sharePct, l.limitPct, l.breached])).toEqual([
      ['COUNTRY', 'AR', 400_000_000, '1.34', '25.00', false], // 1.333… rounded up against a maximum
      ['MINERAL', 'copper', 600_000_000, '2.00', '35.00', false],
      ['OBLIGOR', 'org-1', 400_000_000, '1.34', '5.00', false],
      ['RISK_CAPITAL', 'equity+first_loss', 300_000_000, '1.00', '20.00', false],
      // processing 700m of a 1,000m book: 70.00% against a 40% target
      ['PROCESSING_TARGET', 'processing+refining+recycling', 700_000_000, '70.00', '40.00', false],
    ]);
  });

  it('gives the funnel after draft, with the median whole days in the current stage', () => {
    const row = (stage: string) => view.funnel.find((r) => r.stage === stage);
    expect(view.funnel.map((r) => r.stage)).toEqual([
      'submitted',
      'screening',
      'esg_review',
      'financing',
      'committee',
      'approved',
      'financed',
      'rejected',
      'withdrawn',
      'disbursing',
      'monitoring',
      'repaid',
      'written_off',
    ]);
    expect(row('submitted')).toEqual({ stage: 'submitted', count: 0, usd: 0, medianDaysInStage: null });
    expect(row('screening')).toEqual({ stage: 'screening', count: 1, usd: 10_000_000, medianDaysInStage: 0 });
    // 3 days and 10 days (10 days and 1 hour): (3 + 10) / 2 = 6.5 → 6 (half-even)
    expect(row('committee')).toEqual({
      stage: 'committee',
      count: 2,
      usd: 120_000_000,
      medianDaysInStage: 6,
    });
    // 60 and 10 days → 35
    expect(row('financed')).toEqual({ stage: 'financed', count: 2, usd: 700_000_000, medianDaysInStage: 35 });
    expect(row('approved')?.medianDaysInStage).toBe(1); // 1 day 12 hours → 1
  });

  it('shows the stages after close in the funnel (monitoring.md)', () => {
    const later = buildPortfolioView({
      facts: [fact('9', { stage: 'monitoring', stageEnteredAt: NOW })],
      envelopeUsd: 30_000_000_000,
      policy: FORGE_PP_1_0_0,
      organizations: ORGS,
      now: NOW,
    });
    expect(later.funnel.find((row) => row.stage === 'monitoring')).toEqual({
      stage: 'monitoring',
      count: 1,
      usd: 100_000_000,
      medianDaysInStage: 0,
    });
    expect(later.envelope.financedUsd).toBe(100_000_000);
  });

  it('gives the category mix of the book', () => {
    expect(view.categoryMix.map((r) => [r.category, r.count, r.usd, r.sharePct])).toEqual([
      ['A', 1, 400_000_000, '40.00'],
      ['B', 1, 300_000_000, '30.00'],
      ['C', 1, 300_000_000, '30.00'],
      ['FI', 0, 0, '0.00'],
      ['none', 0, 0, '0.00'],
    ]);
  });

  it('gives the share in framework countries', () => {
    expect(view.frameworkCountries).toEqual({
      countries: ['AR', 'EC', 'PE', 'PY'],
      usd: 700_000_000,
      shareOfBookBp: 7000,
      shareOfBookPct: '70.00',
    });
  });

  it('gives risk reduced beside gross and residual, US$ per year', () => {
    // 1: 400m × 325 / 10,000 = 13,000,000 gross; × 190 = 7,600,000 residual; × 135 = 5,400,000 reduced
    // 2: 300m × 190 / 10,000 = 5,700,000; × 95 = 2,850,000; × 95 = 2,850,000
    // 3: no assessment
    expect(view.riskReduced).toEqual({
      grossUsdPerYear: 18_700_000,
      residualUsdPerYear: 10_450_000,
      reducedUsdPerYear: 8_250_000,
      applications: 2,
      withoutAssessment: 1,
    });
  });

  it('gives the mobilisation ratio of the book', () => {
    expect(view.mobilisation).toEqual({
      privateDirectMobilisationUsd: 100_000_000,
      forgeAmountUsd: 1_000_000_000,
      ratioHundredths: 10,
    });
  });

  it('refuses a clock that is not an ISO instant', () => {
    expect(() =>
      buildPortfolioView({
        facts: [],
        envelopeUsd: 1,
        policy: FORGE_PP_1_0_0,
        organizations: ORGS,
        now: 'yesterday',
      }),
    ).toThrow(expect.objectContaining({ code: 'PORTFOLIO.INVALID_FACTS' }));
  });
});

describe('helpers', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[9, 1, 5], 5],
    [[1, 2], 2], // 1.5 → 2
    [[2, 3], 2], // 2.5 → 2
    [[3, 4, 1, 10], 4], // (3 + 4) / 2 = 3.5 → 4
  ])('median of %j is %p', (values, median) => {
    expect(medianInteger(values)).toBe(median);
  });
  it('counts whole days, never negative', () => {
    expect(wholeDaysBetween(0, 86_400_000 - 1)).toBe(0);
    expect(wholeDaysBetween(0, 86_400_000)).toBe(1);
    expect(wholeDaysBetween(86_400_000, 0)).toBe(0);
  });
  it('rounds risk reduced once, on the exact sum, half-even', () => {
    const one = (id: string, amount: number) =>
      fact(id, { requestedAmountUsd: amount, expectedLoss: { grossBp: 27, residualBp: 2 } });
    // 3 × (1 × 25 / 10,000) = 0.0075 → 0; 5,000 × 25 / 10,000 = 12.5 → 12 (even)
    expect(riskReduced([one('a', 1), one('b', 1), one('c', 1)]).reducedUsdPerYear).toBe(0);
    expect(riskReduced([one('a', 5_000)]).reducedUsdPerYear).toBe(12);
    expect(riskReduced([one('a', 3_000), one('b', 3_000)]).reducedUsdPerYear).toBe(15); // 7.5 + 7.5, not 8 + 8
  });
  it('adds the countries the reference marks to the built-in four', () => {
    const countries = parseCountriesReference({
      version: 't',
      countries: [
        {
          code: 'CL',
          name: 'Chile',
          oecdCrc: 2,
          eitiImplementing: false,
          fundEligible: true,
          forgeFramework: true,
        },
        { code: 'BR', name: 'Brazil', oecdCrc: 4, eitiImplementing: false, fundEligible: true },
      ],
    });
    expect(frameworkCountryCodes(countries)).toEqual(['AR', 'CL', 'EC', 'PE', 'PY']);
    expect(frameworkCountryCodes(null)).toEqual(['AR', 'EC', 'PE', 'PY']);
  });
});

describe('exposureRecords (the CSV rows)', () => {
  it('has one row per committed or financed application, ordered by reference', () => {
    const rows = exposureRecords({
      facts: FACTS,
      envelopeUsd: 30_000_000_000,
      organizations: ORGS,
      frameworkCountries: ['AR', 'EC', 'PE', 'PY'],
    });
    expect(rows.map((r) => r.reference)).toEqual([
      'FORGE-2026-000001',
      'FORGE-2026-000002',
      'FORGE-2026-000003',
    ]);
    expect(Object.keys(rows[0] ?? {})).toEqual([...EXPOSURE_COLUMNS]);
    expect(rows[0]).toEqual({
      reference: 'FORGE-2026-000001',
      stage: 'financed',
      country: 'AR',
      framework_country: 'yes',
      mineral: 'lithium',
      segment: 'processing',
      instrument: 'senior_loan',
      category: 'A',
      forge_amount_usd: 400_000_000,
      exposure_usd: 400_000_000,
      share_of_envelope_pct: '1.33',
      el_gross_bp: 325,
      el_residual_bp: 190,
      el_gross_usd_per_year: 13_000_000,
      el_residual_usd_per_year: 7_600_000,
      risk_reduced_usd_per_year: 5_400_000,
      private_mobilisation_usd: 100_000_000,
      mobilisation_ratio: '0.25',
    });
    expect(rows[2]).toMatchObject({
      framework_country: 'no',
      el_gross_bp: null,
      risk_reduced_usd_per_year: null,
    });
  });
});
