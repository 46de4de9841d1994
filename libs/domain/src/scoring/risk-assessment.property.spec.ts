import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ApplicationInput, FinancingStructure } from '../application/application-input.js';
import {
  FX_EXPOSURES,
  MINERALS,
  PROJECT_PHASES,
  SPONSOR_PROFILES,
  TAILINGS_CONSEQUENCE_CLASSES,
  TAILINGS_METHODS,
  TECHNOLOGY_MATURITIES,
  WATER_STRESS_LEVELS,
} from '../application/application-input.js';
import { canonicalJson } from '../canonical/canonical-json.js';
import { FORGE_RRS_1_0_0 } from './forge-rrs-1-0-0.params.js';
import { assess } from './risk-assessment.js';
import { extractRiskInputs, inputsHash, type RiskInputs, type RiskMitigant } from './risk-inputs.js';
import { BANDS } from './scoring-model.js';

const MITIGANT_TYPES = FORGE_RRS_1_0_0.mitigants.map((m) => m.type);
const COVERS = ['transfer_convertibility', 'expropriation', 'war_civil_disturbance', 'breach_of_contract'];

const bp = fc.integer({ min: 0, max: 10000 });
const mitigantArb: fc.Arbitrary<RiskMitigant> = fc.record({
  type: fc.constantFrom(...MITIGANT_TYPES),
  coverageBp: fc.option(bp, { nil: null }),
  pctBp: fc.option(bp, { nil: null }),
  covers: fc.uniqueArray(fc.constantFrom(...COVERS)),
  buyerInvestmentGrade: fc.boolean(),
  floorPrice: fc.boolean(),
});

const riskInputsArb: fc.Arbitrary<RiskInputs> = fc.record({
  country: fc.constantFrom('AR', 'BR', 'PE', 'CA', 'CL'),
  reference: fc.record({
    oecdCrc: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }),
    eitiImplementing: fc.boolean(),
  }),
  mineral: fc.constantFrom(...MINERALS),
  projectPhase: fc.constantFrom(...PROJECT_PHASES),
  technologyMaturity: fc.constantFrom(...TECHNOLOGY_MATURITIES),
  fxExposure: fc.constantFrom(...FX_EXPOSURES),
  sponsor: fc.record({
    profile: fc.constantFrom(...SPONSOR_PROFILES),
    equityBp: bp,
    baseCaseDscr: fc.integer({ min: 0, max: 1000 }),
  }),
  environment: fc.record({
    waterStress: fc.constantFrom(...WATER_STRESS_LEVELS),
    tailings: fc.constantFrom(...TAILINGS_METHODS),
    tailingsConsequenceClass: fc.constantFrom(...TAILINGS_CONSEQUENCE_CLASSES),
    criticalHabitat: fc.boolean(),
    protectedAreaOverlap: fc.boolean(),
  }),
  social: fc.record({
    indigenousPeoplesPresent: fc.boolean(),
    physicalResettlementHouseholds: fc.nat({ max: 500 }),
    economicDisplacementHouseholds: fc.nat({ max: 500 }),
    activeConflict: fc.boolean(),
  }),
  governance: fc.record({
    declaredOwnershipBp: bp,
    anyPep: fc.boolean(),
    contractsDisclosed: fc.boolean(),
    paymentsToGovernmentsDisclosed: fc.boolean(),
    adverseMedia: fc.boolean(),
  }),
  mitigants: fc.option(fc.array(mitigantArb, { maxLength: 8 }), { nil: null }),
});

/** A small deterministic generator (LCG) so a failing seed reproduces. */
function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const next = lcg(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Rebuilds every object with its keys in an order drawn from `seed` (arrays keep their order). */
function reorderKeys<T>(value: T, seed: number): T {
  const walk = (v: unknown, depth: number): unknown => {
    if (Array.isArray(v)) return v.map((item, i) => walk(item, depth * 31 + i + 1));
    if (v === null || typeof v !== 'object') return v;
    const keys = shuffle(Object.keys(v), seed + depth);
    return Object.fromEntries(
      keys.map((k, i) => [k, walk((v as Record<string, unknown>)[k], depth * 17 + i + 1)]),
    );
  };
  return walk(value, 0) as T;
}

const rank = (band: string): number => BANDS.indexOf(band as (typeof BANDS)[number]);

describe('FORGE-RRS properties', () => {
  it('keeps scores in 100–400, residual ≤ gross, and bands consistent with conservatism', () => {
    fc.assert(
      fc.property(riskInputsArb, (inputs) => {
        const r = assess(inputs, FORGE_RRS_1_0_0);
        expect(r.gross.score).toBeGreaterThanOrEqual(100);
        expect(r.gross.score).toBeLessThanOrEqual(400);
        expect(r.residual.score).toBeGreaterThanOrEqual(100);
        expect(r.residual.score).toBeLessThanOrEqual(r.gross.score);
        expect(r.riskReduction).toBe(r.gross.score - r.residual.score);
        expect(r.riskReductionPct).toBeGreaterThanOrEqual(0);
        expect(r.riskReductionPct).toBeLessThanOrEqual(10000);
        // Conservatism: never better than one band below gross, never worse than gross.
        expect(rank(r.residual.band)).toBeLessThanOrEqual(rank(r.gross.band));
        expect(rank(r.gross.band) - rank(r.residual.band)).toBeLessThanOrEqual(1);
        if (r.conservatismApplied !== null) {
          expect(rank(r.conservatismApplied.fromBand)).toBeLessThan(rank(r.residual.band));
          expect(r.conservatismApplied.band).toBe(r.residual.band);
        }
        let weighted = 0;
        for (const f of r.factors) {
          const notches = f.credits.reduce((sum, c) => sum + c.notches, 0);
          expect(f.gross).toBeGreaterThanOrEqual(1);
          expect(f.gross).toBeLessThanOrEqual(4);
          expect(f.residual).toBeGreaterThanOrEqual(1);
          expect(notches).toBeLessThanOrEqual(2);
          expect(f.residual).toBe(f.gross - notches);
          weighted += f.weight * f.gross;
        }
        expect(r.gross.score * 100).toBe(weighted);
        expect(r.expectedLoss.residualBp).toBeLessThanOrEqual(r.expectedLoss.grossBp);
        if (inputs.mitigants === null) expect(r.residual).toEqual(r.gross);
        // Floors: any factor at 4 keeps the band at least substantial.
        const fours = r.factors.filter((f) => f.gross === 4).length;
        if (fours >= 2) expect(r.gross.band).toBe('high');
        if (fours === 1) expect(rank(r.gross.band)).toBeGreaterThanOrEqual(rank('substantial'));
      }),
      { numRuns: 400 },
    );
  });

  it('does not depend on object key order or mitigant order', () => {
    fc.assert(
      fc.property(riskInputsArb, fc.integer(), fc.integer(), (inputs, keySeed, orderSeed) => {
        const expected = assess(inputs, FORGE_RRS_1_0_0);
        const mitigants =
          inputs.mitigants === null
            ? null
            : shuffle(inputs.mitigants, orderSeed).map((m) => ({ ...m, covers: [...m.covers].reverse() }));
        const shuffled = reorderKeys({ ...inputs, mitigants }, keySeed);
        const actual = assess(shuffled, FORGE_RRS_1_0_0);
        expect(canonicalJson(actual)).toBe(canonicalJson(expected));
        expect(inputsHash(shuffled)).toBe(inputsHash(inputs));
        expect(actual.inputsHash).toBe(inputsHash(inputs));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the sample applications the same inputsHash under key reordering and mitigant shuffles', () => {
    const portfolio = JSON.parse(
      readFileSync(new URL('../../../../config/reference/sample-portfolio.json', import.meta.url), 'utf8'),
    ) as { applications: { input: ApplicationInput; financing: FinancingStructure }[] };
    const reference = { oecdCrc: 4, eitiImplementing: false };
    fc.assert(
      fc.property(
        fc.constantFrom(...portfolio.applications),
        fc.integer(),
        fc.integer(),
        (sample, seed, orderSeed) => {
          const before = extractRiskInputs(sample.input, sample.financing, reference);
          const permuted = shuffle(sample.financing.mitigants, orderSeed);
          const after = extractRiskInputs(
            reorderKeys(sample.input, seed),
            reorderKeys({ ...sample.financing, mitigants: permuted }, seed + 1),
            reorderKeys(reference, seed + 2),
          );
          expect(inputsHash(after)).toBe(inputsHash(before));
          expect(assess(after, FORGE_RRS_1_0_0)).toEqual(assess(before, FORGE_RRS_1_0_0));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('changes inputsHash when a value the model reads changes', () => {
    fc.assert(
      fc.property(riskInputsArb, (inputs) => {
        const flipped = {
          ...inputs,
          governance: { ...inputs.governance, adverseMedia: !inputs.governance.adverseMedia },
        };
        expect(inputsHash(flipped)).not.toBe(inputsHash(inputs));
      }),
      { numRuns: 100 },
    );
  });
});
