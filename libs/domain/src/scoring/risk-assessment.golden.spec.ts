/**
 * Golden tests: every application of config/reference/sample-portfolio.json, with the expected
 * numbers computed BY HAND from scoring.md (FORGE-RRS 1.0.0), not copied from the code's output.
 * Any change of these numbers is a new model version.
 *
 * Factor scores are listed F1..F8 (country, market, construction, sponsor, environment, social,
 * governance, FX). Weights: F1–F5 1500, F6–F7 1000, F8 500, so
 *   S = (1500·(f1+f2+f3+f4+f5) + 1000·(f6+f7) + 500·f8) / 100 = 15·(f1..f5) + 10·(f6+f7) + 5·f8.
 * Bands: < 175 low, < 250 moderate, < 325 substantial, else high; one factor at 4 → at least
 * substantial; two or more → high. PD low 100 / moderate 350 / substantial 700 / high 1200; LGD 2710.
 *
 * Worked examples
 * ---------------
 * S01 (AR: OECD class 7, EITI; lithium; complex; mid-tier 35% / 1.45x; extremely high water stress;
 *      Indigenous Peoples, no conflict; owners 60 + 40 = 100%, no PEP, disclosed; USD matched)
 *   gross F = [4, 3, 3, 2, 4, 3, 1, 1]
 *   G = 15·(4+3+3+2+4) + 10·(3+1) + 5·1 = 240 + 40 + 5 = 285 → substantial; F1 and F5 at 4 → high.
 *   Credits: PRI (all three covers) F1 −1, F8 −1 (F8 already 1: 0 counted); offtake 70% IG, no
 *   floor price: F2 −1; water_solution F5 −1 and independent_es_review F5 −1 (2, the cap);
 *   fpic_agreement F6 −1.
 *   residual F = [3, 2, 3, 2, 2, 2, 1, 1]
 *   R = 15·(3+2+3+2+2) + 10·(2+1) + 5·1 = 180 + 30 + 5 = 215 → moderate, no factor at 4;
 *   conservatism: gross high → residual at best substantial → substantial.
 *   riskReduction = 70; riskReductionPct = rhe(10000·70 / 185) = rhe(3783.78) = 3784.
 *   ELgross = rhe(1200·2710 / 10000) = rhe(325.2) = 325.
 *   ELresidual = rhe(700·2710·100 / 1e6) = rhe(189.7) = 190 (no first loss, no PCG).
 *   reductionPct = rhe(10000·(325−190) / 325) = rhe(4153.85) = 4154.
 *
 * S07 (BR: class 4, not EITI; rare earths; first-of-kind greenfield; mid-tier; low water stress)
 *   gross F = [2, 4, 4, 2, 1, 1, 2, 1]   (F7 = 2: everything clean but Brazil is not EITI)
 *   G = 15·(2+4+4+2+1) + 10·(1+2) + 5 = 195 + 30 + 5 = 230 → moderate; F2, F3 at 4 → high.
 *   Credits: offtake 80% IG with floor price F2 −2; fixed_price_epc F3 −1, completion_guarantee
 *   F3 −1; first_loss 20% F4 −2 and PCG 50% F4 −1: F4 2 → 1 (cannot go below 1).
 *   residual F = [2, 2, 2, 1, 1, 1, 2, 1]
 *   R = 15·(2+2+2+1+1) + 10·(1+2) + 5 = 120 + 30 + 5 = 155 → low; conservatism → substantial.
 *   riskReduction = 75; riskReductionPct = rhe(750000 / 130) = rhe(5769.23) = 5769.
 *   ELgross = 325. ELresidual = rhe(700·max(0, 2710 − 100·20)·(100 − 50) / 1e6)
 *     = rhe(700·710·50 / 1e6) = rhe(24.85) = 25.
 *   reductionPct = rhe(10000·300 / 325) = rhe(9230.77) = 9231.
 *
 * S11 (EC: class 7, EITI; gold; proven greenfield; first project; low stress, dry stack, class low)
 *   gross F = [4, 1, 2, 4, 1, 1, 1, 1]
 *   G = 15·(4+1+2+4+1) + 10·(1+1) + 5 = 180 + 20 + 5 = 205 → moderate; F1, F4 at 4 → high.
 *   Credits: first_loss 30% F4 −2, PCG 50% F4 −1 → capped at 2: F4 4 → 2.
 *   residual F = [4, 1, 2, 2, 1, 1, 1, 1]
 *   R = 15·(4+1+2+2+1) + 20 + 5 = 150 + 25 = 175 → moderate (175 is not < 175);
 *   F1 still at 4 → substantial (residual floor); high → substantial is one band: no conservatism.
 *   riskReduction = 30; riskReductionPct = rhe(300000 / 105) = rhe(2857.14) = 2857.
 *   ELgross = 325. ELresidual = rhe(700·max(0, 2710 − 3000)·50 / 1e6) = 0. reductionPct = 10000.
 *
 * S14 (PE: class 3, EITI; zinc; proven brownfield; mid-tier; medium-high stress, class significant;
 *      5 households economically displaced)
 *   gross F = [2, 2, 1, 2, 2, 2, 1, 1]
 *   G = 15·(2+2+1+2+2) + 10·(2+1) + 5 = 135 + 30 + 5 = 170 → low; no factor at 4.
 *   Credits: first_loss 25% F4 −2 → F4 2 → 1 (one notch counted); independent_es_review F5 −1.
 *   residual F = [2, 2, 1, 1, 1, 2, 1, 1]
 *   R = 15·7 + 30 + 5 = 140 → low.
 *   riskReduction = 30; riskReductionPct = rhe(300000 / 70) = rhe(4285.71) = 4286.
 *   ELgross = rhe(100·2710 / 10000) = rhe(27.1) = 27.
 *   ELresidual = rhe(100·(2710 − 2500)·100 / 1e6) = rhe(2.1) = 2.
 *   reductionPct = rhe(10000·25 / 27) = rhe(9259.26) = 9259.
 *
 * S10 (EC: class 7; copper; proven greenfield; junior 28% / 1.35x; upstream tailings, class extreme;
 *      Indigenous Peoples and active conflict; adverse media)
 *   gross F = [4, 2, 2, 3, 4, 4, 4, 1]; G = 15·15 + 10·8 + 5 = 310 → substantial; four 4s → high.
 *   Credits: PRI F1 −1 (F8 already 1). residual F = [3, 2, 2, 3, 4, 4, 4, 1];
 *   R = 15·14 + 80 + 5 = 295 → substantial; three 4s → high (residual floor). riskReductionPct =
 *   rhe(150000 / 210) = rhe(714.29) = 714. EL: 325 / rhe(1200·2710·100 / 1e6) = 325 / 0.
 *
 * N01–N03 have no financing structure: residual = gross, riskReduction 0.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { ApplicationInput, FinancingStructure } from '../application/application-input.js';
import { FORGE_RRS_1_0_0 } from './forge-rrs-1-0-0.params.js';
import { assess } from './risk-assessment.js';
import { extractRiskInputs, type ScoringReferenceValues } from './risk-inputs.js';

interface SampleApplication {
  key: string;
  input: ApplicationInput;
  financing?: FinancingStructure;
}
interface Country extends ScoringReferenceValues {
  code: string;
}

const readJson = <T>(relative: string): T =>
  JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as T;
const portfolio = readJson<{ applications: SampleApplication[]; negatives: SampleApplication[] }>(
  '../../../../config/reference/sample-portfolio.json',
);
const countries = readJson<{ countries: Country[] }>('../../../../config/reference/countries.json').countries;

type Band = 'low' | 'moderate' | 'substantial' | 'high';
interface Golden {
  gross: number[];
  residual: number[];
  G: [number, Band];
  R: [number, Band];
  riskReduction: number;
  riskReductionPct: number;
  el: [number, number, number];
  /** `rule@stage` of floorsApplied. */
  floors: string[];
  conservatism: boolean;
}

// prettier-ignore
const GOLDEN: Record<string, Golden> = {
  S01: { gross: [4, 3, 3, 2, 4, 3, 1, 1], residual: [3, 2, 3, 2, 2, 2, 1, 1], G: [285, 'high'], R: [215, 'substantial'], riskReduction: 70, riskReductionPct: 3784, el: [325, 190, 4154], floors: ['two_factors_at_4@gross'], conservatism: true },
  S02: { gross: [4, 2, 3, 1, 3, 1, 1, 1], residual: [3, 1, 2, 1, 1, 1, 1, 1], G: [220, 'substantial'], R: [145, 'moderate'], riskReduction: 75, riskReductionPct: 6250, el: [190, 95, 5000], floors: ['one_factor_at_4@gross'], conservatism: true },
  S03: { gross: [4, 3, 1, 2, 2, 1, 1, 1], residual: [3, 1, 1, 2, 2, 1, 1, 1], G: [205, 'substantial'], R: [160, 'moderate'], riskReduction: 45, riskReductionPct: 4286, el: [190, 95, 5000], floors: ['one_factor_at_4@gross'], conservatism: true },
  S04: { gross: [2, 2, 1, 2, 2, 4, 1, 1], residual: [2, 1, 1, 2, 1, 3, 1, 1], G: [190, 'substantial'], R: [150, 'moderate'], riskReduction: 40, riskReductionPct: 4444, el: [190, 95, 5000], floors: ['one_factor_at_4@gross'], conservatism: true },
  S05: { gross: [2, 2, 1, 2, 1, 1, 1, 1], residual: [2, 1, 1, 2, 1, 1, 1, 1], G: [145, 'low'], R: [130, 'low'], riskReduction: 15, riskReductionPct: 3333, el: [27, 27, 0], floors: [], conservatism: false },
  S06: { gross: [2, 4, 3, 3, 4, 1, 2, 1], residual: [2, 2, 3, 2, 3, 1, 2, 1], G: [275, 'high'], R: [215, 'substantial'], riskReduction: 60, riskReductionPct: 3429, el: [325, 85, 7385], floors: ['two_factors_at_4@gross'], conservatism: true },
  S07: { gross: [2, 4, 4, 2, 1, 1, 2, 1], residual: [2, 2, 2, 1, 1, 1, 2, 1], G: [230, 'high'], R: [155, 'substantial'], riskReduction: 75, riskReductionPct: 5769, el: [325, 25, 9231], floors: ['two_factors_at_4@gross'], conservatism: true },
  S08: { gross: [2, 3, 4, 2, 4, 1, 2, 1], residual: [2, 2, 2, 2, 3, 1, 2, 1], G: [260, 'high'], R: [200, 'substantial'], riskReduction: 60, riskReductionPct: 3750, el: [325, 190, 4154], floors: ['two_factors_at_4@gross'], conservatism: true },
  S09: { gross: [2, 3, 2, 2, 2, 2, 2, 1], residual: [2, 2, 2, 2, 2, 2, 2, 1], G: [210, 'moderate'], R: [195, 'moderate'], riskReduction: 15, riskReductionPct: 1364, el: [95, 95, 0], floors: [], conservatism: false },
  S10: { gross: [4, 2, 2, 3, 4, 4, 4, 1], residual: [3, 2, 2, 3, 4, 4, 4, 1], G: [310, 'high'], R: [295, 'high'], riskReduction: 15, riskReductionPct: 714, el: [325, 325, 0], floors: ['two_factors_at_4@gross', 'two_factors_at_4@residual'], conservatism: false },
  S11: { gross: [4, 1, 2, 4, 1, 1, 1, 1], residual: [4, 1, 2, 2, 1, 1, 1, 1], G: [205, 'high'], R: [175, 'substantial'], riskReduction: 30, riskReductionPct: 2857, el: [325, 0, 10000], floors: ['two_factors_at_4@gross', 'one_factor_at_4@residual'], conservatism: false },
  S12: { gross: [2, 2, 2, 2, 3, 2, 2, 1], residual: [2, 1, 2, 2, 2, 2, 2, 1], G: [210, 'moderate'], R: [180, 'moderate'], riskReduction: 30, riskReductionPct: 2727, el: [95, 95, 0], floors: [], conservatism: false },
  S13: { gross: [2, 3, 1, 2, 1, 1, 2, 1], residual: [2, 2, 1, 2, 1, 1, 2, 1], G: [170, 'low'], R: [155, 'low'], riskReduction: 15, riskReductionPct: 2143, el: [27, 27, 0], floors: [], conservatism: false },
  S14: { gross: [2, 2, 1, 2, 2, 2, 1, 1], residual: [2, 2, 1, 1, 1, 2, 1, 1], G: [170, 'low'], R: [140, 'low'], riskReduction: 30, riskReductionPct: 4286, el: [27, 2, 9259], floors: [], conservatism: false },
  N01: { gross: [4, 2, 2, 2, 1, 1, 1, 1], residual: [4, 2, 2, 2, 1, 1, 1, 1], G: [190, 'substantial'], R: [190, 'substantial'], riskReduction: 0, riskReductionPct: 0, el: [190, 190, 0], floors: ['one_factor_at_4@gross', 'one_factor_at_4@residual'], conservatism: false },
  N02: { gross: [2, 2, 2, 2, 1, 1, 1, 1], residual: [2, 2, 2, 2, 1, 1, 1, 1], G: [160, 'low'], R: [160, 'low'], riskReduction: 0, riskReductionPct: 0, el: [27, 27, 0], floors: [], conservatism: false },
  N03: { gross: [4, 2, 2, 3, 1, 1, 3, 1], residual: [4, 2, 2, 3, 1, 1, 3, 1], G: [225, 'substantial'], R: [225, 'substantial'], riskReduction: 0, riskReductionPct: 0, el: [190, 190, 0], floors: ['one_factor_at_4@gross', 'one_factor_at_4@residual'], conservatism: false },
};

const samples = [...portfolio.applications, ...portfolio.negatives];

function referenceOf(country: string): ScoringReferenceValues {
  const found = countries.find((c) => c.code === country);
  if (found === undefined) throw new Error(`no reference for ${country}`);
  return { oecdCrc: found.oecdCrc, eitiImplementing: found.eitiImplementing };
}

describe('FORGE-RRS 1.0.0 golden numbers (sample portfolio, computed by hand)', () => {
  it('covers every sample application', () => {
    expect(samples.map((s) => s.key).sort()).toEqual(Object.keys(GOLDEN).sort());
    expect(portfolio.applications.every((s) => s.financing !== undefined)).toBe(true);
    expect(portfolio.negatives.every((s) => s.financing === undefined)).toBe(true);
  });

  it.each(samples.map((s) => [s.key, s] as const))('%s', (key, sample) => {
    const golden = GOLDEN[key];
    if (golden === undefined) throw new Error(`no golden numbers for ${key}`);
    const inputs = extractRiskInputs(
      sample.input,
      sample.financing ?? null,
      referenceOf(sample.input.country),
    );
    const result = assess(inputs, FORGE_RRS_1_0_0);

    expect(result.factors.map((f) => f.code)).toEqual([
      'F1_COUNTRY',
      'F2_MARKET',
      'F3_CONSTRUCTION',
      'F4_SPONSOR',
      'F5_ENVIRONMENT',
      'F6_SOCIAL',
      'F7_GOVERNANCE',
      'F8_FX',
    ]);
    expect(result.factors.map((f) => f.gross)).toEqual(golden.gross);
    expect(result.factors.map((f) => f.residual)).toEqual(golden.residual);
    expect(result.gross).toEqual({ score: golden.G[0], band: golden.G[1] });
    expect(result.residual).toEqual({ score: golden.R[0], band: golden.R[1] });
    expect(result.riskReduction).toBe(golden.riskReduction);
    expect(result.riskReductionPct).toBe(golden.riskReductionPct);
    expect(result.expectedLoss).toEqual({
      grossBp: golden.el[0],
      residualBp: golden.el[1],
      reductionPct: golden.el[2],
    });
    expect(result.floorsApplied.map((f) => `${f.rule}@${f.stage}`)).toEqual(golden.floors);
    expect(result.conservatismApplied !== null).toBe(golden.conservatism);
    expect(result.modelVersion).toBe('1.0.0');
    for (const factor of result.factors) {
      expect(factor.gross - factor.credits.reduce((sum, c) => sum + c.notches, 0)).toBe(factor.residual);
    }
  });

  it('gives the wrapper form assess(application, financing, reference, params) the same result', () => {
    for (const sample of samples) {
      const reference = referenceOf(sample.input.country);
      const viaInputs = assess(
        extractRiskInputs(sample.input, sample.financing ?? null, reference),
        FORGE_RRS_1_0_0,
      );
      expect(assess(sample.input, sample.financing ?? null, reference, FORGE_RRS_1_0_0)).toEqual(viaInputs);
    }
  });

  it('explains S01 the way an officer reads it', () => {
    const s01 = samples.find((s) => s.key === 'S01');
    if (s01 === undefined) throw new Error('S01 missing');
    const result = assess(s01.input, s01.financing ?? null, referenceOf('AR'), FORGE_RRS_1_0_0);
    const [f1, , , , f5, , , f8] = result.factors;
    expect(f1?.reason).toBe('OECD country risk class 7 → High');
    expect(f5?.reason).toMatch(/^Water stress extremely_high → High/);
    expect(f5?.credits.map((c) => [c.mitigant, c.notches])).toEqual([
      ['independent_es_review', 1],
      ['water_solution', 1],
    ]);
    expect(f8?.credits).toEqual([
      expect.objectContaining({ mitigant: 'political_risk_insurance', notches: 0 }),
    ]);
    expect(f8?.credits[0]?.reason).toMatch(/cannot go below 1/);
    expect(result.floorsApplied).toEqual([
      expect.objectContaining({
        stage: 'gross',
        rule: 'two_factors_at_4',
        band: 'high',
        fromBand: 'substantial',
        factors: ['F1_COUNTRY', 'F5_ENVIRONMENT'],
      }),
    ]);
    expect(result.conservatismApplied).toEqual(
      expect.objectContaining({ fromBand: 'moderate', band: 'substantial', grossBand: 'high' }),
    );
  });
});
