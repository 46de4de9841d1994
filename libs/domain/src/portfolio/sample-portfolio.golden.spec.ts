/**
 * The portfolio figures of the demo's sample portfolio, computed by hand from portfolio.md.
 *
 * The sample portfolio (config/reference/sample-portfolio.json) at the end of its intended path:
 * S01–S14 go through to `financed`, each with its own sponsor organisation and a financing
 * structure whose amount equals the requested amount; N01 is `rejected` (50% rule); N02 waits in
 * `financing` without a structure (FI, equity US$50m requested); N03 is held in `esg_review`
 * (TRANS.PEP). No co-financing is recorded and nothing is repaid. `npm run demo` walks further and
 * differently (S10 held for FPIC, S01 repaid, a tranche drawn, FORGE-RRS 1.1.0 assessments), so it
 * prints other figures: docs/portfolio.md "The sample portfolio's figures, worked" says which. Categories are the proposed ones the demo confirms (checks.md rule 2): A for
 * S01 S02 S04 S06 S08 S10 S12, B for S03 S05 S07 S09 S11 S13, C for S14. Expected loss (basis
 * points, gross/residual) is the FORGE-RRS 1.0.0 golden of risk-assessment.golden.spec.ts.
 *
 *   key  country mineral      segment     instrument          US$m  cat  EL g/r
 *   S01  AR      lithium      processing  senior_loan          250  A    325/190
 *   S02  AR      copper       extraction  senior_loan          600  A    190/95
 *   S03  AR      lithium      refining    senior_loan           60  B    190/95
 *   S04  PE      copper       extraction  senior_loan          300  A    190/95
 *   S05  PE      copper       refining    senior_loan           90  B    27/27
 *   S06  BR      rare_earths  extraction  senior_loan          150  A    325/85
 *   S07  BR      rare_earths  refining    senior_loan          120  B    325/25
 *   S08  BR      nickel       processing  senior_loan          400  A    325/190
 *   S09  BR      lithium      extraction  senior_loan          100  B    95/95
 *   S10  EC      copper       extraction  senior_loan          250  A    325/325
 *   S11  EC      gold         processing  subordinated_loan     20  B    325/0
 *   S12  PY      titanium     processing  senior_loan          200  A    95/95
 *   S13  PY      lithium      refining    senior_loan          100  B    27/27
 *   S14  PE      zinc         recycling   senior_loan           70  C    27/2
 *
 * Envelope (default) 30,000,000,000. Committed 0 (nothing rests in `approved`).
 * Financed = 250+600+60+300+90+150+120+400+100+250+20+200+100+70 = 2,710 m → 2,710,000,000 (14).
 * Pipeline = N02 50 m (financing) + N03 40 m (esg_review) = 90,000,000 (2); N01 rejected counts nowhere.
 * Available = 30,000,000,000 − 0 − 2,710,000,000 = 27,290,000,000.
 *
 * Shares of the envelope are basis points = US$ × 10,000 / 30,000,000,000, half-even for exposure
 * rows; compared with a maximum they are rounded up.
 * Country: AR 250+600+60 = 910 m → 303.33 bp → 3.03% (limit view, up: 3.04%);
 *          BR 150+120+400+100 = 770 m → 256.67 → 2.57%; PE 300+90+70 = 460 m → 153.33 → 1.53%;
 *          PY 200+100 = 300 m → 1.00%; EC 250+20 = 270 m → 0.90%.
 * Mineral: copper 600+300+90+250 = 1,240 m → 413.33 → 4.13% (up 4.14%); lithium 250+60+100+100 =
 *          510 m → 1.70%; nickel 400 m → 133.33 → 1.33%; rare_earths 150+120 = 270 m → 0.90%;
 *          titanium 200 m → 66.67 → 0.67%; zinc 70 m → 23.33 → 0.23%; gold 20 m → 6.67 → 0.07%.
 * Segment: extraction 600+300+150+100+250 = 1,400 m → 466.67 → 4.67%; processing 250+400+20+200 =
 *          870 m → 2.90%; refining 60+90+120+100 = 370 m → 123.33 → 1.23%; recycling 70 m → 0.23%.
 * Instrument: senior_loan 2,690 m → 896.67 → 8.97%; subordinated_loan 20 m → 0.07%; others 0.
 * Limits on the book: COUNTRY AR 3.04% ≤ 25%; MINERAL copper 4.14% ≤ 35%; OBLIGOR (S02's sponsor)
 *          600 m → 200 bp exactly → 2.00% ≤ 5%; RISK_CAPITAL 0 → 0.00% ≤ 20%;
 *          PROCESSING_TARGET (870+370+70 = 1,310 m of the 2,710 m book) → 4,833.94 bp, rounded
 *          down → 48.33% ≥ 40%: met.
 * Category mix (of the 2,710 m book, half-even): A 250+600+300+150+400+250+200 = 2,150 m (7) →
 *          7,933.58 → 79.34%; B 60+90+120+100+20+100 = 490 m (6) → 1,808.12 → 18.08%; C 70 m (1) →
 *          258.30 → 2.58%; FI 0.
 * Framework countries AR+EC+PE+PY = 910+270+460+300 = 1,940 m of 2,710 m → 7,158.67 → 71.59%.
 * Risk reduced, US$ per year = Σ amount × (ELg − ELr) / 10,000:
 *   S01 250m×135 = 3,375,000; S02 600m×95 = 5,700,000; S03 60m×95 = 570,000; S04 300m×95 =
 *   2,850,000; S05 0; S06 150m×240 = 3,600,000; S07 120m×300 = 3,600,000; S08 400m×135 =
 *   5,400,000; S09 0; S10 0; S11 20m×325 = 650,000; S12 0; S13 0; S14 70m×25 = 175,000
 *   → 25,920,000.
 *   Gross Σ amount × ELg / 10,000: 8,125,000 + 11,400,000 + 1,140,000 + 5,700,000 + 243,000 +
 *   4,875,000 + 3,900,000 + 13,000,000 + 950,000 + 8,125,000 + 650,000 + 1,900,000 + 270,000 +
 *   189,000 = 60,467,000.
 *   Residual Σ amount × ELr / 10,000: 4,750,000 + 5,700,000 + 570,000 + 2,850,000 + 243,000 +
 *   1,275,000 + 300,000 + 7,600,000 + 950,000 + 8,125,000 + 0 + 1,900,000 + 270,000 + 14,000 =
 *   34,547,000 (and 60,467,000 − 34,547,000 = 25,920,000). Every product is a whole dollar: no
 *   rounding happens.
 * Mobilisation: no co-financing in the demo → 0 US$, ratio 0.00x.
 * Funnel: financed 14 / 2,710 m; financing 1 / 50 m; esg_review 1 / 40 m; rejected 1 / 100 m.
 *
 * S02 at its move to committee (book then: S01 financed, 250 m): COUNTRY AR 250+600 = 850 m →
 * 283.33 bp, up → 2.84%; MINERAL copper 600 m → 2.00%; OBLIGOR 600 m → 2.00%; RISK_CAPITAL does
 * not apply (senior loan), the group holds 0 → 0.00%; PROCESSING_TARGET (S02 is extraction,
 * outside the group) 250 m of 850 m → 2,941.18 bp, down → 29.41% < 40%: reported as missed, the
 * check passes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { ApplicationInput, EsCategory } from '../application/application-input.js';
import { evaluateConcentration, concentrationCandidate } from './concentration.js';
import { FORGE_PP_1_0_0 } from './forge-pp-1-0-0.params.js';
import type { PortfolioApplicationFact } from './portfolio-facts.js';
import { buildPortfolioView } from './portfolio-view.js';

interface Sample {
  key: string;
  input: ApplicationInput;
  financing?: { instrument: ApplicationInput['instrument']; amountUsd: number };
}
const sample = JSON.parse(
  readFileSync(new URL('../../../../config/reference/sample-portfolio.json', import.meta.url), 'utf8'),
) as { applications: Sample[]; negatives: Sample[] };

/** key → [stage the demo leaves it in, confirmed or proposed category, EL gross, EL residual]. */
// prettier-ignore
const DEMO: Record<string, [string, EsCategory, number, number]> = {
  S01: ['financed', 'A', 325, 190], S02: ['financed', 'A', 190, 95], S03: ['financed', 'B', 190, 95],
  S04: ['financed', 'A', 190, 95], S05: ['financed', 'B', 27, 27], S06: ['financed', 'A', 325, 85],
  S07: ['financed', 'B', 325, 25], S08: ['financed', 'A', 325, 190], S09: ['financed', 'B', 95, 95],
  S10: ['financed', 'A', 325, 325], S11: ['financed', 'B', 325, 0], S12: ['financed', 'A', 95, 95],
  S13: ['financed', 'B', 27, 27], S14: ['financed', 'C', 27, 2],
  N01: ['rejected', 'B', 190, 190], N02: ['financing', 'FI', 27, 27], N03: ['esg_review', 'B', 190, 190],
};

const ENTERED = '2026-11-01T09:00:00.000Z';
const NOW = '2026-11-01T10:00:00.000Z';

function toFact(s: Sample, stage = DEMO[s.key]![0]): PortfolioApplicationFact {
  const [, category, grossBp, residualBp] = DEMO[s.key]!;
  const decided = stage === 'approved' || stage === 'financed';
  return {
    applicationId: s.key,
    reference: s.key,
    stage,
    organizationId: `org-${s.key}`,
    country: s.input.country,
    mineral: s.input.mineral,
    valueChainSegment: s.input.valueChainSegment,
    requestedAmountUsd: s.input.requestedAmountUsd,
    requestedInstrument: s.input.instrument,
    financing: s.financing ? { instrument: s.financing.instrument, amountUsd: s.financing.amountUsd } : null,
    category,
    stageEnteredAt: ENTERED,
    expectedLoss: decided ? { grossBp, residualBp } : null,
    repaidUsd: 0,
    cofinancing: [],
  };
}

const all = [...sample.applications, ...sample.negatives];
const facts = all.map((s) => toFact(s));
const view = buildPortfolioView({
  facts,
  envelopeUsd: 30_000_000_000,
  policy: FORGE_PP_1_0_0,
  organizations: new Map(),
  now: NOW,
});

describe('portfolio figures of the demo (sample portfolio, computed by hand)', () => {
  it('covers every sample application', () => {
    expect(all.map((s) => s.key).sort()).toEqual(Object.keys(DEMO).sort());
  });

  it('envelope', () => {
    expect(view.envelope).toEqual({
      envelopeUsd: 30_000_000_000,
      committedUsd: 0,
      committedCount: 0,
      financedUsd: 2_710_000_000,
      financedCount: 14,
      // Nothing disbursed in the sample: all of it is still to disburse (issue 16).
      financedOutstandingUsd: 0,
      financedUndisbursedUsd: 2_710_000_000,
      pipelineUsd: 90_000_000,
      pipelineCount: 2,
      availableUsd: 27_290_000_000,
    });
  });

  it('exposures', () => {
    const rows = (d: keyof typeof view.exposures) =>
      view.exposures[d].filter((r) => r.usd > 0).map((r) => [r.key, r.usd, r.shareOfEnvelopePct]);
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
  });

  it('limits and the processing target', () => {
    expect(view.limits.map((l) => [l.limit, l.key, l.usd, l.sharePct, l.breached])).toEqual([
      ['COUNTRY', 'AR', 910_000_000, '3.04', false],
      ['MINERAL', 'copper', 1_240_000_000, '4.14', false],
      ['OBLIGOR', 'org-S02', 600_000_000, '2.00', false],
      ['RISK_CAPITAL', 'equity+first_loss', 0, '0.00', false],
      ['PROCESSING_TARGET', 'processing+refining+recycling', 1_310_000_000, '48.33', false],
    ]);
  });

  it('category mix and framework countries', () => {
    expect(view.categoryMix.map((r) => [r.category, r.count, r.usd, r.sharePct])).toEqual([
      ['A', 7, 2_150_000_000, '79.34'],
      ['B', 6, 490_000_000, '18.08'],
      ['C', 1, 70_000_000, '2.58'],
      ['FI', 0, 0, '0.00'],
      ['none', 0, 0, '0.00'],
    ]);
    expect(view.frameworkCountries).toEqual({
      countries: ['AR', 'EC', 'PE', 'PY'],
      usd: 1_940_000_000,
      shareOfBookBp: 7159,
      shareOfBookPct: '71.59',
    });
  });

  it('risk reduced, gross and residual expected loss (US$ per year)', () => {
    expect(view.riskReduced).toEqual({
      grossUsdPerYear: 60_467_000,
      residualUsdPerYear: 34_547_000,
      reducedUsdPerYear: 25_920_000,
      applications: 14,
      withoutAssessment: 0,
    });
  });

  it('mobilisation and funnel', () => {
    expect(view.mobilisation).toEqual({
      privateDirectMobilisationUsd: 0,
      forgeAmountUsd: 2_710_000_000,
      ratioHundredths: 0,
    });
    expect(view.funnel.filter((r) => r.count > 0).map((r) => [r.stage, r.count, r.usd])).toEqual([
      ['esg_review', 1, 40_000_000],
      ['financing', 1, 50_000_000],
      ['financed', 14, 2_710_000_000],
      ['rejected', 1, 100_000_000],
    ]);
  });

  it('every application passes PORTFOLIO.CONCENTRATION at its move to committee, in the demo order', () => {
    const walked: PortfolioApplicationFact[] = [];
    for (const s of sample.applications) {
      const candidate = concentrationCandidate(toFact(s, 'financing'));
      const evaluation = evaluateConcentration({
        policy: FORGE_PP_1_0_0,
        envelopeUsd: 30_000_000_000,
        facts: walked,
        candidate,
      });
      expect([s.key, evaluation.outcome]).toEqual([s.key, 'pass']);
      if (s.key === 'S02') {
        expect(
          evaluation.measures.map((m) => [m.limit, m.wouldBeUsd, m.wouldBeSharePct, m.applies, m.breached]),
        ).toEqual([
          ['COUNTRY', 850_000_000, '2.84', true, false],
          ['MINERAL', 600_000_000, '2.00', true, false],
          ['OBLIGOR', 600_000_000, '2.00', true, false],
          ['RISK_CAPITAL', 0, '0.00', false, false],
          ['PROCESSING_TARGET', 250_000_000, '29.41', false, true],
        ]);
        expect(evaluation.targetsMissed.map((t) => t.limit)).toEqual(['PROCESSING_TARGET']);
      }
      walked.push(toFact(s));
    }
  });
});
