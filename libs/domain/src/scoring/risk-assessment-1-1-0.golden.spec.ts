/**
 * Golden tests of FORGE-RRS 1.1.0 (scoring.md: credit only for evidenced mitigants) over
 * config/reference/sample-portfolio.json, the expected numbers computed BY HAND from scoring.md.
 * Weights and bands as in risk-assessment.golden.spec.ts:
 *   S = 15·(f1+f2+f3+f4+f5) + 10·(f6+f7) + 5·f8; < 175 low, < 250 moderate, < 325 substantial.
 *
 * Three evidence situations:
 *
 * 1. Every mitigant evidenced: 1.1.0 gives exactly the 1.0.0 numbers (the golden table of
 *    risk-assessment.golden.spec.ts), only `modelVersion` and `paramsHash` differ.
 *
 * 2. Nothing evidenced: no credit anywhere, so residual factors = gross factors, R = G, the
 *    residual band = the gross band (same floors), risk reduction 0, and ELresidual = ELgross
 *    (no first-loss or guarantee term: PD(band) × 2710 × 100 / 10^6 = PD × 2710 / 10^4).
 *
 * 3. The demo's evidence (scripts/demo): every mitigant evidenced except three, as a fund sees
 *    them before signing:
 *
 *    S01: the offtake is at tender stage (no `offtake_agreement`).
 *      gross [4, 3, 3, 2, 4, 3, 1, 1], G = 285 → high (F1, F5 at 4).
 *      PRI F1 −1 (F8 already 1); offtake listed with 0 notches, "not evidenced"; F5: independent
 *      E&S review −1, water solution −1; FPIC agreement F6 −1.
 *      residual [3, 3, 3, 2, 2, 2, 1, 1]; R = 15·13 + 10·3 + 5 = 230 → moderate; conservatism
 *      (gross high) → substantial. riskReduction 55; rhe(550000 / 185) = rhe(2972.97) = 2973.
 *      EL 325 / rhe(700·2710·100 / 10^6) = rhe(189.7) = 190; rhe(10000·135 / 325) = 4154.
 *      (1.0.0 with the offtake credited: R = 215, 3784.)
 *
 *    S02: GISTM conformance is self-declared (no `gistm_evidence`).
 *      gross [4, 2, 3, 1, 3, 1, 1, 1], G = 220 → moderate, F1 at 4 → substantial.
 *      PRI F1 −1; offtake 80% IG F2 −1; fixed-price EPC F3 −1; independent review F5 −1;
 *      GISTM 0, "not evidenced".
 *      residual [3, 1, 2, 1, 2, 1, 1, 1]; R = 15·9 + 10·2 + 5 = 160 → low; conservatism
 *      (gross substantial) → moderate. riskReduction 60; rhe(600000 / 120) = 5000.
 *      EL rhe(700·2710 / 10^4) = 190 / rhe(350·2710·100 / 10^6) = rhe(94.85) = 95; 5000.
 *      (1.0.0: F5 → 1, R = 145, 6250.)
 *
 *    S06: the first-loss agreement is not signed yet (no `first_loss_agreement`).
 *      gross [2, 4, 3, 3, 4, 1, 2, 1], G = 275 → high (F2, F5 at 4).
 *      offtake 70% IG with floor price F2 −2; first loss 0, "not evidenced"; review F5 −1.
 *      residual [2, 2, 3, 3, 3, 1, 2, 1]; R = 15·13 + 10·3 + 5 = 230 → moderate; conservatism
 *      → substantial. riskReduction 45; rhe(450000 / 175) = rhe(2571.43) = 2571.
 *      EL 325 / the first loss is out of the formula: rhe(700·2710·100 / 10^6) = 190; 4154.
 *      (1.0.0: F4 3 → 2 and LGD 2710 − 1500: R = 215, EL residual 85.)
 *
 *    Every other sample: all its mitigants evidenced, so the 1.0.0 numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { ApplicationInput, FinancingStructure } from '../application/application-input.js';
import { FORGE_RRS_1_0_0 } from './forge-rrs-1-0-0.params.js';
import { FORGE_RRS_1_1_0, MITIGANT_EVIDENCE_KINDS } from './forge-rrs-1-1-0.params.js';
import { assess, type AssessmentResult } from './risk-assessment.js';
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
const samples = [...portfolio.applications, ...portfolio.negatives];

function referenceOf(country: string): ScoringReferenceValues {
  const found = countries.find((c) => c.code === country);
  if (found === undefined) throw new Error(`no reference for ${country}`);
  return { oecdCrc: found.oecdCrc, eitiImplementing: found.eitiImplementing };
}

type MitigantType = keyof typeof MITIGANT_EVIDENCE_KINDS;
const kindOf = (type: string): string => MITIGANT_EVIDENCE_KINDS[type as MitigantType];
const allKinds = (s: SampleApplication): string[] =>
  (s.financing?.mitigants ?? []).map((m) => kindOf(m.type));

/** The demo's unevidenced mitigants per sample (scripts/demo/evidence.ts keeps the same list). */
const DEMO_UNEVIDENCED: Readonly<Record<string, readonly string[]>> = {
  S01: ['offtake'],
  S02: ['gistm_conformance'],
  S06: ['first_loss'],
};
const demoKinds = (s: SampleApplication): string[] =>
  (s.financing?.mitigants ?? [])
    .filter((m) => !(DEMO_UNEVIDENCED[s.key] ?? []).includes(m.type))
    .map((m) => kindOf(m.type));

function run(s: SampleApplication, documentKinds: readonly string[]): AssessmentResult {
  return assess(s.input, s.financing ?? null, referenceOf(s.input.country), FORGE_RRS_1_1_0, documentKinds);
}

function summary(r: AssessmentResult) {
  return {
    gross: r.factors.map((f) => f.gross),
    residual: r.factors.map((f) => f.residual),
    G: [r.gross.score, r.gross.band],
    R: [r.residual.score, r.residual.band],
    riskReduction: r.riskReduction,
    riskReductionPct: r.riskReductionPct,
    el: [r.expectedLoss.grossBp, r.expectedLoss.residualBp, r.expectedLoss.reductionPct],
    floors: r.floorsApplied.map((f) => `${f.rule}@${f.stage}`),
    conservatism: r.conservatismApplied !== null,
  };
}

// Gross numbers of the 1.0.0 golden table (same parameters in 1.1.0).
// prettier-ignore
const GROSS: Record<string, { gross: number[]; G: [number, string]; el: number; floors: string[] }> = {
  S01: { gross: [4, 3, 3, 2, 4, 3, 1, 1], G: [285, 'high'], el: 325, floors: ['two_factors_at_4'] },
  S02: { gross: [4, 2, 3, 1, 3, 1, 1, 1], G: [220, 'substantial'], el: 190, floors: ['one_factor_at_4'] },
  S03: { gross: [4, 3, 1, 2, 2, 1, 1, 1], G: [205, 'substantial'], el: 190, floors: ['one_factor_at_4'] },
  S04: { gross: [2, 2, 1, 2, 2, 4, 1, 1], G: [190, 'substantial'], el: 190, floors: ['one_factor_at_4'] },
  S05: { gross: [2, 2, 1, 2, 1, 1, 1, 1], G: [145, 'low'], el: 27, floors: [] },
  S06: { gross: [2, 4, 3, 3, 4, 1, 2, 1], G: [275, 'high'], el: 325, floors: ['two_factors_at_4'] },
  S07: { gross: [2, 4, 4, 2, 1, 1, 2, 1], G: [230, 'high'], el: 325, floors: ['two_factors_at_4'] },
  S08: { gross: [2, 3, 4, 2, 4, 1, 2, 1], G: [260, 'high'], el: 325, floors: ['two_factors_at_4'] },
  S09: { gross: [2, 3, 2, 2, 2, 2, 2, 1], G: [210, 'moderate'], el: 95, floors: [] },
  S10: { gross: [4, 2, 2, 3, 4, 4, 4, 1], G: [310, 'high'], el: 325, floors: ['two_factors_at_4'] },
  S11: { gross: [4, 1, 2, 4, 1, 1, 1, 1], G: [205, 'high'], el: 325, floors: ['two_factors_at_4'] },
  S12: { gross: [2, 2, 2, 2, 3, 2, 2, 1], G: [210, 'moderate'], el: 95, floors: [] },
  S13: { gross: [2, 3, 1, 2, 1, 1, 2, 1], G: [170, 'low'], el: 27, floors: [] },
  S14: { gross: [2, 2, 1, 2, 2, 2, 1, 1], G: [170, 'low'], el: 27, floors: [] },
  N01: { gross: [4, 2, 2, 2, 1, 1, 1, 1], G: [190, 'substantial'], el: 190, floors: ['one_factor_at_4'] },
  N02: { gross: [2, 2, 2, 2, 1, 1, 1, 1], G: [160, 'low'], el: 27, floors: [] },
  N03: { gross: [4, 2, 2, 3, 1, 1, 3, 1], G: [225, 'substantial'], el: 190, floors: ['one_factor_at_4'] },
};

describe('FORGE-RRS 1.1.0 golden numbers (sample portfolio, computed by hand)', () => {
  it('covers every sample application', () => {
    expect(samples.map((s) => s.key).sort()).toEqual(Object.keys(GROSS).sort());
  });

  it.each(samples.map((s) => [s.key, s] as const))(
    '%s, every mitigant evidenced: the 1.0.0 numbers',
    (_key, s) => {
      const v110 = run(s, allKinds(s));
      const v100 = assess(s.input, s.financing ?? null, referenceOf(s.input.country), FORGE_RRS_1_0_0);
      expect(summary(v110)).toEqual(summary(v100));
      expect(v110.modelVersion).toBe('1.1.0');
      expect(v110.paramsHash).not.toBe(v100.paramsHash);
      expect(v110.inputsHash).not.toBe(v100.inputsHash); // the evidenced set is an input
    },
  );

  it.each(samples.map((s) => [s.key, s] as const))('%s, nothing evidenced: residual = gross', (key, s) => {
    const g = GROSS[key]!;
    const r = run(s, []);
    expect(summary(r)).toEqual({
      gross: g.gross,
      residual: g.gross,
      G: g.G,
      R: g.G,
      riskReduction: 0,
      riskReductionPct: 0,
      el: [g.el, g.el, 0],
      floors: [...g.floors.map((f) => `${f}@gross`), ...g.floors.map((f) => `${f}@residual`)],
      conservatism: false,
    });
    for (const factor of r.factors) {
      for (const credit of factor.credits) {
        expect(credit).toMatchObject({ notches: 0, reason: 'not evidenced' });
        expect(credit.evidenceKind).toBe(kindOf(credit.mitigant));
      }
    }
  });

  // prettier-ignore
  const DEMO: Record<string, ReturnType<typeof summary>> = {
    S01: { gross: [4, 3, 3, 2, 4, 3, 1, 1], residual: [3, 3, 3, 2, 2, 2, 1, 1], G: [285, 'high'], R: [230, 'substantial'], riskReduction: 55, riskReductionPct: 2973, el: [325, 190, 4154], floors: ['two_factors_at_4@gross'], conservatism: true },
    S02: { gross: [4, 2, 3, 1, 3, 1, 1, 1], residual: [3, 1, 2, 1, 2, 1, 1, 1], G: [220, 'substantial'], R: [160, 'moderate'], riskReduction: 60, riskReductionPct: 5000, el: [190, 95, 5000], floors: ['one_factor_at_4@gross'], conservatism: true },
    S06: { gross: [2, 4, 3, 3, 4, 1, 2, 1], residual: [2, 2, 3, 3, 3, 1, 2, 1], G: [275, 'high'], R: [230, 'substantial'], riskReduction: 45, riskReductionPct: 2571, el: [325, 190, 4154], floors: ['two_factors_at_4@gross'], conservatism: true },
  };

  it.each(Object.keys(DEMO).map((key) => [key] as const))(
    "%s with the demo's evidence: the unevidenced mitigant earns nothing",
    (key) => {
      const s = samples.find((x) => x.key === key)!;
      const r = run(s, demoKinds(s));
      expect(summary(r)).toEqual(DEMO[key]);
      const unevidenced = r.factors.flatMap((f) =>
        f.credits.filter((c) => c.reason === 'not evidenced').map((c) => [f.code, c.mitigant, c.notches]),
      );
      expect(unevidenced).toEqual(
        {
          S01: [['F2_MARKET', 'offtake', 0]],
          S02: [['F5_ENVIRONMENT', 'gistm_conformance', 0]],
          S06: [['F4_SPONSOR', 'first_loss', 0]],
        }[key],
      );
    },
  );

  it('gives the other samples their 1.0.0 numbers with the demo evidence', () => {
    for (const s of portfolio.applications.filter((x) => DEMO[x.key] === undefined)) {
      expect(summary(run(s, demoKinds(s)))).toEqual(
        summary(assess(s.input, s.financing ?? null, referenceOf(s.input.country), FORGE_RRS_1_0_0)),
      );
    }
  });

  it('reads the same inputs for 1.0.0 whatever documents are attached (1.0.0 stays replayable)', () => {
    const s01 = samples.find((s) => s.key === 'S01')!;
    const reference = referenceOf('AR');
    const bare = extractRiskInputs(s01.input, s01.financing ?? null, reference);
    expect(
      extractRiskInputs(s01.input, s01.financing ?? null, reference, {
        params: FORGE_RRS_1_0_0,
        documentKinds: ['pri_policy'],
      }),
    ).toEqual(bare);
    expect(bare).not.toHaveProperty('evidencedMitigants');
  });
});
