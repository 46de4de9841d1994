import { describe, expect, it } from '@jest/globals';
import type { ApplicationInput, FinancingStructure, Mitigant } from '../application/application-input.js';
import { DomainError } from '../errors/domain-error.js';
import { compareAssessments, isAssessmentCurrent } from './assessment-comparison.js';
import { FORGE_RRS_1_0_0 } from './forge-rrs-1-0-0.params.js';
import { assess, formatBpAsPercent } from './risk-assessment.js';
import { extractRiskInputs, inputsHash, type RiskInputs, type RiskMitigant } from './risk-inputs.js';
import { defineScoringModel, paramsHash, validateScoringModel } from './scoring-model.define.js';
import { SCORING_MODELS, scoringModel } from './scoring-model.registry.js';
import type { ScoringModelParams } from './scoring-model.js';

/** Every factor at 1 (Low): G = 100. */
function lowRisk(): RiskInputs {
  return {
    country: 'CL',
    reference: { oecdCrc: 0, eitiImplementing: true },
    mineral: 'gold',
    projectPhase: 'brownfield',
    technologyMaturity: 'proven',
    fxExposure: 'usd_matched',
    sponsor: { profile: 'investment_grade_major', equityBp: 4000, baseCaseDscr: 200 },
    environment: {
      waterStress: 'low',
      tailings: 'none',
      tailingsConsequenceClass: 'none',
      criticalHabitat: false,
      protectedAreaOverlap: false,
    },
    social: {
      indigenousPeoplesPresent: false,
      physicalResettlementHouseholds: 0,
      economicDisplacementHouseholds: 0,
      activeConflict: false,
    },
    governance: {
      declaredOwnershipBp: 10000,
      anyPep: false,
      contractsDisclosed: true,
      paymentsToGovernmentsDisclosed: true,
      adverseMedia: false,
    },
    mitigants: null,
  };
}

/** Every factor at 4 (High): G = 400. */
function highRisk(): RiskInputs {
  const base = lowRisk();
  return {
    ...base,
    reference: { oecdCrc: 7, eitiImplementing: false },
    mineral: 'rare_earths',
    technologyMaturity: 'first_of_kind',
    fxExposure: 'active_controls',
    sponsor: { ...base.sponsor, profile: 'first_project' },
    environment: { ...base.environment, criticalHabitat: true },
    social: { ...base.social, indigenousPeoplesPresent: true, activeConflict: true },
    governance: { ...base.governance, adverseMedia: true },
  };
}

type Patch = {
  [K in keyof RiskInputs]?: RiskInputs[K] extends object | null ? Partial<RiskInputs[K]> : RiskInputs[K];
};

function withPatch(base: RiskInputs, patch: Patch): RiskInputs {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value) && current !== null
        ? { ...(current as object), ...value }
        : value;
  }
  return out as unknown as RiskInputs;
}

function mitigant(type: string, fields: Partial<RiskMitigant> = {}): RiskMitigant {
  return {
    type,
    coverageBp: null,
    pctBp: null,
    covers: [],
    buyerInvestmentGrade: false,
    floorPrice: false,
    ...fields,
  };
}

type Code =
  | 'F1_COUNTRY'
  | 'F2_MARKET'
  | 'F3_CONSTRUCTION'
  | 'F4_SPONSOR'
  | 'F5_ENVIRONMENT'
  | 'F6_SOCIAL'
  | 'F7_GOVERNANCE'
  | 'F8_FX';

function factor(inputs: RiskInputs, code: Code) {
  const found = assess(inputs, FORGE_RRS_1_0_0).factors.find((f) => f.code === code);
  if (found === undefined) throw new Error(`no ${code}`);
  return found;
}

function expectInvalid(fn: () => unknown, message?: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('SCORING.INVALID_INPUTS');
    if (message !== undefined) expect((error as DomainError).message).toMatch(message);
    return;
  }
  throw new Error('expected SCORING.INVALID_INPUTS');
}

describe('factor rubrics (first matching rule wins)', () => {
  const cases: [string, Code, Patch, number][] = [
    [
      'F1 no OECD class (high-income)',
      'F1_COUNTRY',
      { reference: { oecdCrc: null, eitiImplementing: true } },
      1,
    ],
    ...[0, 1, 2, 3, 4, 5, 6, 7].map((crc): [string, Code, Patch, number] => [
      `F1 class ${crc}`,
      'F1_COUNTRY',
      { reference: { oecdCrc: crc, eitiImplementing: true } },
      [1, 1, 1, 2, 2, 3, 3, 4][crc] ?? 0,
    ]),
    ...(
      [
        ['gold', 1],
        ['copper', 2],
        ['titanium', 2],
        ['zinc', 2],
        ['silver', 2],
        ['tin', 2],
        ['tungsten', 2],
        ['lithium', 3],
        ['nickel', 3],
        ['cobalt', 3],
        ['graphite', 3],
        ['manganese', 3],
        ['vanadium', 3],
        ['rare_earths', 4],
        ['gallium', 4],
        ['germanium', 4],
        ['antimony', 4],
      ] as const
    ).map(([mineral, score]): [string, Code, Patch, number] => [
      `F2 ${mineral}`,
      'F2_MARKET',
      { mineral },
      score,
    ]),
    ['F3 first of kind', 'F3_CONSTRUCTION', { technologyMaturity: 'first_of_kind' }, 4],
    ['F3 complex', 'F3_CONSTRUCTION', { technologyMaturity: 'complex', projectPhase: 'greenfield' }, 3],
    ['F3 proven greenfield', 'F3_CONSTRUCTION', { projectPhase: 'greenfield' }, 2],
    ['F3 proven brownfield', 'F3_CONSTRUCTION', { projectPhase: 'brownfield' }, 1],
    ['F3 proven expansion', 'F3_CONSTRUCTION', { projectPhase: 'expansion' }, 1],
    ['F4 first project', 'F4_SPONSOR', { sponsor: { profile: 'first_project' } }, 4],
    ['F4 equity 24.99%', 'F4_SPONSOR', { sponsor: { equityBp: 2499 } }, 4],
    ['F4 equity 25%', 'F4_SPONSOR', { sponsor: { equityBp: 2500 } }, 1],
    ['F4 DSCR 1.29x', 'F4_SPONSOR', { sponsor: { baseCaseDscr: 129 } }, 4],
    ['F4 DSCR 1.30x', 'F4_SPONSOR', { sponsor: { baseCaseDscr: 130 } }, 1],
    ['F4 mid tier', 'F4_SPONSOR', { sponsor: { profile: 'mid_tier' } }, 2],
    ['F4 single-asset junior', 'F4_SPONSOR', { sponsor: { profile: 'single_asset_junior' } }, 3],
    ...(
      [
        ['low', 1],
        ['low_medium', 1],
        ['medium_high', 2],
        ['high', 3],
        ['extremely_high', 4],
      ] as const
    ).map(([waterStress, score]): [string, Code, Patch, number] => [
      `F5 water stress ${waterStress}`,
      'F5_ENVIRONMENT',
      { environment: { waterStress } },
      score,
    ]),
    ...(
      [
        ['none', 1],
        ['low', 1],
        ['significant', 2],
        ['high', 3],
        ['very_high', 4],
        ['extreme', 4],
      ] as const
    ).map(([tailingsConsequenceClass, score]): [string, Code, Patch, number] => [
      `F5 consequence class ${tailingsConsequenceClass}`,
      'F5_ENVIRONMENT',
      { environment: { tailingsConsequenceClass } },
      score,
    ]),
    ['F5 upstream tailings', 'F5_ENVIRONMENT', { environment: { tailings: 'upstream' } }, 4],
    ['F5 centerline tailings', 'F5_ENVIRONMENT', { environment: { tailings: 'centerline' } }, 1],
    ['F5 critical habitat', 'F5_ENVIRONMENT', { environment: { criticalHabitat: true } }, 4],
    ['F5 protected area', 'F5_ENVIRONMENT', { environment: { protectedAreaOverlap: true } }, 3],
    [
      'F5 highest of water high and class significant',
      'F5_ENVIRONMENT',
      { environment: { waterStress: 'high', tailingsConsequenceClass: 'significant' } },
      3,
    ],
    [
      'F6 Indigenous Peoples and conflict',
      'F6_SOCIAL',
      { social: { indigenousPeoplesPresent: true, activeConflict: true } },
      4,
    ],
    [
      'F6 resettlement and conflict',
      'F6_SOCIAL',
      { social: { physicalResettlementHouseholds: 1, activeConflict: true } },
      4,
    ],
    ['F6 Indigenous Peoples', 'F6_SOCIAL', { social: { indigenousPeoplesPresent: true } }, 3],
    ['F6 resettlement', 'F6_SOCIAL', { social: { physicalResettlementHouseholds: 3 } }, 3],
    ['F6 conflict', 'F6_SOCIAL', { social: { activeConflict: true } }, 3],
    ['F6 economic displacement', 'F6_SOCIAL', { social: { economicDisplacementHouseholds: 1 } }, 2],
    ['F6 none', 'F6_SOCIAL', {}, 1],
    ['F7 ownership 74.99%', 'F7_GOVERNANCE', { governance: { declaredOwnershipBp: 7499 } }, 4],
    ['F7 adverse media', 'F7_GOVERNANCE', { governance: { adverseMedia: true } }, 4],
    ['F7 ownership 75%', 'F7_GOVERNANCE', { governance: { declaredOwnershipBp: 7500 } }, 3],
    ['F7 ownership 99.99%', 'F7_GOVERNANCE', { governance: { declaredOwnershipBp: 9999 } }, 3],
    ['F7 PEP', 'F7_GOVERNANCE', { governance: { anyPep: true } }, 3],
    ['F7 contracts not disclosed', 'F7_GOVERNANCE', { governance: { contractsDisclosed: false } }, 3],
    ['F7 not EITI', 'F7_GOVERNANCE', { reference: { oecdCrc: 0, eitiImplementing: false } }, 2],
    [
      'F7 payments not disclosed',
      'F7_GOVERNANCE',
      { governance: { paymentsToGovernmentsDisclosed: false } },
      2,
    ],
    ['F7 clean', 'F7_GOVERNANCE', {}, 1],
    ['F8 usd matched', 'F8_FX', { fxExposure: 'usd_matched' }, 1],
    ['F8 local cost exposure', 'F8_FX', { fxExposure: 'local_cost_exposure' }, 2],
    ['F8 recent controls', 'F8_FX', { fxExposure: 'recent_controls' }, 3],
    ['F8 active controls', 'F8_FX', { fxExposure: 'active_controls' }, 4],
  ];

  it.each(cases)('%s', (_name, code, patch, expected) => {
    const result = factor(withPatch(lowRisk(), patch), code);
    expect(result.gross).toBe(expected);
    expect(result.reason.length).toBeGreaterThan(0);
  });

  it('scores the all-low and all-high extremes at 100 and 400', () => {
    expect(assess(lowRisk(), FORGE_RRS_1_0_0).gross).toEqual({ score: 100, band: 'low' });
    expect(assess(highRisk(), FORGE_RRS_1_0_0).gross).toEqual({ score: 400, band: 'high' });
    expect(assess(lowRisk(), FORGE_RRS_1_0_0).riskReductionPct).toBe(0);
  });

  it('writes reasons an officer can read', () => {
    const inputs = withPatch(lowRisk(), {
      reference: { oecdCrc: 7, eitiImplementing: true },
      sponsor: { profile: 'mid_tier', equityBp: 3550, baseCaseDscr: 130 },
    });
    expect(factor(inputs, 'F1_COUNTRY').reason).toBe('OECD country risk class 7 → High');
    expect(factor(inputs, 'F4_SPONSOR').reason).toBe(
      'Mid-tier sponsor (equity 35.5%, base-case DSCR 1.30x) → Moderate',
    );
    const noClass = withPatch(lowRisk(), {
      country: 'CA',
      reference: { oecdCrc: null, eitiImplementing: false },
    });
    expect(factor(noClass, 'F1_COUNTRY').reason).toBe(
      'CA has no OECD country risk class (high-income OECD) → Low',
    );
  });

  it('rejects values no rubric row matches', () => {
    expectInvalid(
      () =>
        assess(withPatch(lowRisk(), { reference: { oecdCrc: 8, eitiImplementing: true } }), FORGE_RRS_1_0_0),
      /F1_COUNTRY/,
    );
    expectInvalid(
      () => assess(withPatch(lowRisk(), { mineral: 'unobtainium' }), FORGE_RRS_1_0_0),
      /F2_MARKET/,
    );
    expectInvalid(
      () => assess(withPatch(lowRisk(), { environment: { waterStress: 'moist' } }), FORGE_RRS_1_0_0),
      /F5_ENVIRONMENT/,
    );
    expectInvalid(
      () => assess(withPatch(lowRisk(), { environment: { tailings: 'wet_pond' } }), FORGE_RRS_1_0_0),
      /environment\.tailings = "wet_pond"/,
    );
    expectInvalid(() => assess(withPatch(lowRisk(), { sponsor: { equityBp: 25.5 } }), FORGE_RRS_1_0_0));
    expectInvalid(() =>
      assess(
        withPatch(lowRisk(), { social: { activeConflict: 'yes' as unknown as boolean } }),
        FORGE_RRS_1_0_0,
      ),
    );
  });
});

describe('mitigant credits', () => {
  const residualOf = (mitigants: RiskMitigant[], code: Code, base: RiskInputs = highRisk()): number =>
    factor({ ...base, mitigants }, code).residual;
  const allCovers = ['transfer_convertibility', 'expropriation', 'war_civil_disturbance'];

  const cases: [string, RiskMitigant[], Code, number][] = [
    [
      'PRI with all three covers: F1',
      [mitigant('political_risk_insurance', { covers: allCovers })],
      'F1_COUNTRY',
      3,
    ],
    [
      'PRI with all three covers: F8',
      [mitigant('political_risk_insurance', { covers: allCovers })],
      'F8_FX',
      3,
    ],
    [
      'PRI without war cover',
      [mitigant('political_risk_insurance', { covers: ['transfer_convertibility', 'expropriation'] })],
      'F1_COUNTRY',
      4,
    ],
    [
      'offtake 60% IG',
      [mitigant('offtake', { coverageBp: 6000, buyerInvestmentGrade: true })],
      'F2_MARKET',
      3,
    ],
    [
      'offtake 59.99% IG',
      [mitigant('offtake', { coverageBp: 5999, buyerInvestmentGrade: true })],
      'F2_MARKET',
      4,
    ],
    ['offtake 90% not IG', [mitigant('offtake', { coverageBp: 9000, floorPrice: true })], 'F2_MARKET', 4],
    [
      'offtake 60% IG with floor price',
      [mitigant('offtake', { coverageBp: 6000, buyerInvestmentGrade: true, floorPrice: true })],
      'F2_MARKET',
      2,
    ],
    ['commodity hedge 50%', [mitigant('commodity_hedge', { coverageBp: 5000 })], 'F2_MARKET', 3],
    ['commodity hedge 49%', [mitigant('commodity_hedge', { coverageBp: 4900 })], 'F2_MARKET', 4],
    [
      'offtake with floor and a hedge: capped at 2',
      [
        mitigant('offtake', { coverageBp: 7000, buyerInvestmentGrade: true, floorPrice: true }),
        mitigant('commodity_hedge', { coverageBp: 8000 }),
      ],
      'F2_MARKET',
      2,
    ],
    ['fixed-price EPC', [mitigant('fixed_price_epc')], 'F3_CONSTRUCTION', 3],
    [
      'fixed-price EPC and completion guarantee',
      [mitigant('fixed_price_epc'), mitigant('completion_guarantee')],
      'F3_CONSTRUCTION',
      2,
    ],
    ['first loss 20%', [mitigant('first_loss', { pctBp: 2000 })], 'F4_SPONSOR', 2],
    ['first loss 19.99%', [mitigant('first_loss', { pctBp: 1999 })], 'F4_SPONSOR', 3],
    ['first loss 10%', [mitigant('first_loss', { pctBp: 1000 })], 'F4_SPONSOR', 3],
    ['first loss 9%', [mitigant('first_loss', { pctBp: 900 })], 'F4_SPONSOR', 4],
    ['PCG 50%', [mitigant('partial_credit_guarantee', { coverageBp: 5000 })], 'F4_SPONSOR', 3],
    ['PCG 49%', [mitigant('partial_credit_guarantee', { coverageBp: 4900 })], 'F4_SPONSOR', 4],
    [
      'first loss 20% and PCG: capped at 2',
      [mitigant('first_loss', { pctBp: 2000 }), mitigant('partial_credit_guarantee', { coverageBp: 9000 })],
      'F4_SPONSOR',
      2,
    ],
    ['independent E&S review', [mitigant('independent_es_review')], 'F5_ENVIRONMENT', 3],
    ['water solution', [mitigant('water_solution')], 'F5_ENVIRONMENT', 3],
    ['GISTM conformance', [mitigant('gistm_conformance')], 'F5_ENVIRONMENT', 3],
    [
      'water solution and GISTM together: still one notch',
      [mitigant('water_solution'), mitigant('gistm_conformance')],
      'F5_ENVIRONMENT',
      3,
    ],
    [
      'water solution, GISTM and E&S review',
      [mitigant('water_solution'), mitigant('gistm_conformance'), mitigant('independent_es_review')],
      'F5_ENVIRONMENT',
      2,
    ],
    ['FPIC agreement', [mitigant('fpic_agreement')], 'F6_SOCIAL', 3],
    ['verified ownership and contracts', [mitigant('verified_ownership_and_contracts')], 'F7_GOVERNANCE', 3],
    ['USD offtake with offshore DSRA', [mitigant('usd_offtake_offshore_dsra')], 'F8_FX', 3],
    [
      'DSRA and PRI on F8',
      [mitigant('usd_offtake_offshore_dsra'), mitigant('political_risk_insurance', { covers: allCovers })],
      'F8_FX',
      2,
    ],
    [
      'the same type twice counts once',
      [mitigant('fixed_price_epc'), mitigant('fixed_price_epc')],
      'F3_CONSTRUCTION',
      3,
    ],
    [
      'the best instance of a type counts',
      [
        mitigant('offtake', { coverageBp: 5000, buyerInvestmentGrade: true }),
        mitigant('offtake', { coverageBp: 8000, buyerInvestmentGrade: true, floorPrice: true }),
        mitigant('offtake', { coverageBp: 9000, buyerInvestmentGrade: true }),
      ],
      'F2_MARKET',
      2,
    ],
  ];

  it.each(cases)('%s', (_name, mitigants, code, expected) => {
    expect(residualOf(mitigants, code)).toBe(expected);
  });

  it('never takes a factor below 1 and says so', () => {
    const f8 = factor({ ...lowRisk(), mitigants: [mitigant('usd_offtake_offshore_dsra')] }, 'F8_FX');
    expect(f8.residual).toBe(1);
    expect(f8.credits).toEqual([
      {
        mitigant: 'usd_offtake_offshore_dsra',
        notches: 0,
        reason: expect.stringMatching(/cannot go below 1/),
      },
    ]);
  });

  it('explains credits that were limited or not met', () => {
    const f5 = factor(
      {
        ...highRisk(),
        mitigants: [
          mitigant('water_solution'),
          mitigant('gistm_conformance'),
          mitigant('independent_es_review'),
        ],
      },
      'F5_ENVIRONMENT',
    );
    expect(f5.credits.map((c) => [c.mitigant, c.notches])).toEqual([
      ['independent_es_review', 1],
      ['water_solution', 1],
      ['gistm_conformance', 0],
    ]);
    expect(f5.credits[2]?.reason).toMatch(/together credit one notch/);

    const f4 = factor(
      { ...highRisk(), mitigants: [mitigant('partial_credit_guarantee', { coverageBp: 4000 })] },
      'F4_SPONSOR',
    );
    expect(f4.credits).toEqual([
      {
        mitigant: 'partial_credit_guarantee',
        notches: 0,
        reason: 'Partial credit guarantee of 40% needs at least 50%: no credit',
      },
    ]);

    const f2 = factor(
      {
        ...highRisk(),
        mitigants: [
          mitigant('offtake', { coverageBp: 5000, buyerInvestmentGrade: true }),
          mitigant('offtake', { coverageBp: 8000, buyerInvestmentGrade: true, floorPrice: true }),
        ],
      },
      'F2_MARKET',
    );
    expect(f2.credits).toEqual([
      {
        mitigant: 'offtake',
        notches: 2,
        reason:
          'Offtake of 80% with an investment-grade buyer and a floor price (best of 2 offtake instances)',
      },
    ]);
  });

  it('rejects a mitigant type the model has no rule for', () => {
    expectInvalid(
      () => assess({ ...lowRisk(), mitigants: [mitigant('step_in_rights')] }, FORGE_RRS_1_0_0),
      /step_in_rights/,
    );
  });

  it('with no financing structure, residual = gross', () => {
    const result = assess(highRisk(), FORGE_RRS_1_0_0);
    expect(result.residual).toEqual(result.gross);
    expect(result.riskReduction).toBe(0);
    expect(result.factors.every((f) => f.credits.length === 0 && f.residual === f.gross)).toBe(true);
    expect(result.expectedLoss).toEqual({ grossBp: 325, residualBp: 325, reductionPct: 0 });
  });
});

describe('bands, floors, conservatism and expected loss', () => {
  it('puts scores on the right side of the 175 / 250 / 325 thresholds', () => {
    const at = (patch: Patch) => assess(withPatch(lowRisk(), patch), FORGE_RRS_1_0_0);
    // From 100 (all factors 1), one step on F1–F5 adds 15, on F6–F7 10, on F8 5.
    // 100 + 30 (F2 lithium 3) + 30 (F3 complex 3) + 10 (F6 economic displacement 2) = 170 → low.
    expect(
      at({ mineral: 'lithium', technologyMaturity: 'complex', social: { economicDisplacementHouseholds: 1 } })
        .gross,
    ).toEqual({ score: 170, band: 'low' });
    // 100 + 30 (F2 3) + 30 (F3 3) + 15 (F4 mid tier 2) = 175 → moderate.
    expect(
      at({ mineral: 'lithium', technologyMaturity: 'complex', sponsor: { profile: 'mid_tier' } }).gross,
    ).toEqual({
      score: 175,
      band: 'moderate',
    });
    // 100 + 30 (F1 class 5) + 30 (F2 3) + 30 (F3 3) + 30 (F4 junior 3) + 20 (F6 conflict 3) + F8:
    const substantialEdge: Patch = {
      reference: { oecdCrc: 5, eitiImplementing: true },
      mineral: 'lithium',
      technologyMaturity: 'complex',
      sponsor: { profile: 'single_asset_junior' },
      social: { activeConflict: true },
    };
    // … + 5 (F8 local cost exposure 2) = 245 → moderate; + 10 (F8 recent controls 3) = 250 → substantial.
    expect(at({ ...substantialEdge, fxExposure: 'local_cost_exposure' }).gross).toEqual({
      score: 245,
      band: 'moderate',
    });
    expect(at({ ...substantialEdge, fxExposure: 'recent_controls' }).gross).toEqual({
      score: 250,
      band: 'substantial',
    });
    // 100 + 45 (F1 class 7: 4) + 30·4 (F2 lithium, F3 complex, F4 junior, F5 water high: 3) + 20 (F6 3)
    // + 20 (F7 PEP 3) + 15 (F8 active controls 4) = 320 → substantial by score, two 4s → high by floor.
    const twoFours = at({
      reference: { oecdCrc: 7, eitiImplementing: true },
      mineral: 'lithium',
      technologyMaturity: 'complex',
      sponsor: { profile: 'single_asset_junior' },
      environment: { waterStress: 'high' },
      social: { activeConflict: true },
      governance: { anyPep: true },
      fxExposure: 'active_controls',
    });
    expect(twoFours.gross).toEqual({ score: 320, band: 'high' });
    expect(twoFours.floorsApplied[0]).toEqual(
      expect.objectContaining({
        stage: 'gross',
        rule: 'two_factors_at_4',
        fromBand: 'substantial',
        band: 'high',
      }),
    );
    // 100 + 45 (F1 4) + 45 (F2 rare earths 4) + 30·3 (F3, F4, F5: 3) + 20 + 20 + 5 (F8 2) = 325 → high by
    // score alone: no floor is recorded.
    const edge = at({
      reference: { oecdCrc: 7, eitiImplementing: true },
      mineral: 'rare_earths',
      technologyMaturity: 'complex',
      sponsor: { profile: 'single_asset_junior' },
      environment: { waterStress: 'high' },
      social: { activeConflict: true },
      governance: { anyPep: true },
      fxExposure: 'local_cost_exposure',
    });
    expect(edge.gross).toEqual({ score: 325, band: 'high' });
    expect(edge.floorsApplied.filter((f) => f.stage === 'gross')).toEqual([]);
  });

  it('raises the band for one factor at 4 (substantial) and two (high), and records it', () => {
    const one = assess(withPatch(lowRisk(), { mineral: 'rare_earths' }), FORGE_RRS_1_0_0);
    expect(one.gross).toEqual({ score: 145, band: 'substantial' });
    expect(one.floorsApplied.map((f) => [f.stage, f.rule, f.fromBand, f.band, f.factors])).toEqual([
      ['gross', 'one_factor_at_4', 'low', 'substantial', ['F2_MARKET']],
      ['residual', 'one_factor_at_4', 'low', 'substantial', ['F2_MARKET']],
    ]);
    const two = assess(
      withPatch(lowRisk(), { mineral: 'rare_earths', fxExposure: 'active_controls' }),
      FORGE_RRS_1_0_0,
    );
    expect(two.gross.band).toBe('high');
    expect(two.floorsApplied[0]).toEqual(
      expect.objectContaining({ rule: 'two_factors_at_4', band: 'high', factors: ['F2_MARKET', 'F8_FX'] }),
    );
    const noFloorNeeded = assess(highRisk(), FORGE_RRS_1_0_0);
    expect(noFloorNeeded.floorsApplied).toEqual([]);
  });

  it('keeps the residual band at most one band better than the gross band', () => {
    // Gross high (400); residual 200 (moderate) → substantial.
    const mitigants = [
      mitigant('political_risk_insurance', {
        covers: ['expropriation', 'transfer_convertibility', 'war_civil_disturbance'],
      }),
      mitigant('usd_offtake_offshore_dsra'),
      mitigant('offtake', { coverageBp: 10000, buyerInvestmentGrade: true, floorPrice: true }),
      mitigant('fixed_price_epc'),
      mitigant('completion_guarantee'),
      mitigant('first_loss', { pctBp: 3000 }),
      mitigant('independent_es_review'),
      mitigant('water_solution'),
      mitigant('fpic_agreement'),
      mitigant('verified_ownership_and_contracts'),
    ];
    const result = assess({ ...highRisk(), mitigants }, FORGE_RRS_1_0_0);
    expect(result.factors.map((f) => f.residual)).toEqual([3, 2, 2, 2, 2, 3, 3, 2]);
    // R = 15·(3+2+2+2+2) + 10·(3+3) + 5·2 = 165 + 60 + 10 = 235 → moderate → conservatism → substantial.
    expect(result.residual).toEqual({ score: 235, band: 'substantial' });
    expect(result.conservatismApplied).toEqual({
      fromBand: 'moderate',
      band: 'substantial',
      grossBand: 'high',
      reason: expect.stringMatching(/raised to substantial/),
    });
    // riskReductionPct = rhe(10000·165/300) = 5500; EL residual = rhe(700·max(0, 2710−3000)…) = 0.
    expect(result.riskReductionPct).toBe(5500);
    expect(result.expectedLoss).toEqual({ grossBp: 325, residualBp: 0, reductionPct: 10000 });
  });

  it('uses the largest first-loss pct and PCG coverage for EL, even below the credit thresholds', () => {
    const result = assess(
      {
        ...lowRisk(),
        mitigants: [
          mitigant('first_loss', { pctBp: 500 }),
          mitigant('first_loss', { pctBp: 800 }),
          mitigant('partial_credit_guarantee', { coverageBp: 4000 }),
        ],
      },
      FORGE_RRS_1_0_0,
    );
    // Low band: rhe(100·(2710 − 800)·(100 − 40) / 1e6) = rhe(11.46) = 11; gross rhe(27.1) = 27.
    // reductionPct = rhe(10000·16/27) = rhe(5925.93) = 5926.
    expect(result.expectedLoss).toEqual({ grossBp: 27, residualBp: 11, reductionPct: 5926 });
    expect(result.residual.score).toBe(100);
  });
});

describe('extractRiskInputs and inputsHash', () => {
  const application: ApplicationInput = {
    applicantType: 'project',
    title: 'Test mine',
    summary: 'A test',
    country: 'PE',
    region: 'Lima',
    location: { lat: -12, lon: -77 },
    mineral: 'copper',
    valueChainSegment: 'extraction',
    projectPhase: 'greenfield',
    technologyMaturity: 'proven',
    capexUsd: 100000000,
    requestedAmountUsd: 20000000,
    instrument: 'senior_loan',
    tenorYears: 10,
    fxExposure: 'usd_matched',
    sponsor: { profile: 'mid_tier', equityPct: 33.33, baseCaseDscr: 140 },
    environment: {
      waterStress: 'low',
      tailings: 'none',
      tailingsConsequenceClass: 'none',
      criticalHabitat: false,
      protectedAreaOverlap: false,
      esiaStatus: 'completed',
      ghgScope12TonnesPerYear: 1000,
    },
    social: {
      indigenousPeoplesPresent: false,
      fpicStatus: 'not_required',
      physicalResettlementHouseholds: 0,
      economicDisplacementHouseholds: 0,
      activeConflict: false,
    },
    governance: {
      beneficialOwners: [
        {
          name: 'HoldCo',
          type: 'entity',
          country: 'PE',
          ownershipPct: 70.5,
          isPep: false,
          owners: [{ name: 'Deep PEP', type: 'person', country: 'PE', ownershipPct: 100, isPep: true }],
        },
        { name: 'Other', type: 'person', country: 'PE', ownershipPct: 29.5, isPep: false },
      ],
      contractsDisclosed: true,
      paymentsToGovernmentsDisclosed: true,
      adverseMedia: false,
      antiCorruptionProgram: 'policy',
      oecdAnnexIIAttestation: true,
    },
  };
  const financing: FinancingStructure = {
    instrument: 'senior_loan',
    amountUsd: 20000000,
    tenorYears: 10,
    mitigants: [
      { type: 'offtake', coveragePct: 62.5, buyerInvestmentGrade: true, provider: 'Buyer plc' },
      {
        type: 'political_risk_insurance',
        provider: 'MIGA',
        covers: ['war_civil_disturbance', 'expropriation'],
      },
    ],
    conditionsPrecedent: ['x'],
  };
  const reference = { oecdCrc: 3, eitiImplementing: true };

  it('reads exactly the model fields, in integer units, mitigants in canonical order', () => {
    const inputs = extractRiskInputs(application, financing, reference);
    expect(inputs.sponsor).toEqual({ profile: 'mid_tier', equityBp: 3333, baseCaseDscr: 140 });
    expect(inputs.governance).toEqual({
      declaredOwnershipBp: 10000,
      anyPep: true,
      contractsDisclosed: true,
      paymentsToGovernmentsDisclosed: true,
      adverseMedia: false,
    });
    expect(inputs.mitigants).toEqual([
      {
        type: 'offtake',
        coverageBp: 6250,
        pctBp: null,
        covers: [],
        buyerInvestmentGrade: true,
        floorPrice: false,
      },
      {
        type: 'political_risk_insurance',
        coverageBp: null,
        pctBp: null,
        covers: ['expropriation', 'war_civil_disturbance'],
        buyerInvestmentGrade: false,
        floorPrice: false,
      },
    ]);
    expect(Object.keys(inputs).sort()).toEqual(
      [
        'country',
        'reference',
        'mineral',
        'projectPhase',
        'technologyMaturity',
        'fxExposure',
        'sponsor',
        'environment',
        'social',
        'governance',
        'mitigants',
      ].sort(),
    );
  });

  it('ignores fields the model does not read', () => {
    const base = inputsHash(extractRiskInputs(application, financing, reference));
    const edited = {
      ...application,
      title: 'Renamed',
      capexUsd: 1,
      environment: { ...application.environment, esiaStatus: 'in_progress' as const },
    };
    const otherProvider = {
      ...financing,
      amountUsd: 1,
      mitigants: financing.mitigants.map((m): Mitigant => ({ ...m, provider: 'Someone else' })),
    };
    expect(inputsHash(extractRiskInputs(edited, otherProvider, reference))).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const changed = { ...application, mineral: 'lithium' as const };
    expect(inputsHash(extractRiskInputs(changed, financing, reference))).not.toBe(base);
    expect(inputsHash(extractRiskInputs(application, null, reference))).not.toBe(base);
    expect(inputsHash(extractRiskInputs(application, { ...financing, mitigants: [] }, reference))).not.toBe(
      inputsHash(extractRiskInputs(application, null, reference)),
    );
  });

  it('refuses applications that can never be scored', () => {
    expectInvalid(() => extractRiskInputs(application, financing, null), /no reference data for country PE/);
    expectInvalid(() => extractRiskInputs(application, financing, undefined));
    expectInvalid(() =>
      extractRiskInputs(
        { ...application, sponsor: { ...application.sponsor, equityPct: Number.NaN } },
        null,
        reference,
      ),
    );
    expectInvalid(() =>
      extractRiskInputs(
        {
          ...application,
          governance: {
            ...application.governance,
            beneficialOwners: [
              { name: 'A', type: 'person', country: 'PE', ownershipPct: 80, isPep: false },
              { name: 'B', type: 'person', country: 'PE', ownershipPct: 30, isPep: false },
            ],
          },
        },
        null,
        reference,
      ),
    );
    expectInvalid(() =>
      extractRiskInputs(
        application,
        { ...financing, mitigants: [{ type: 'first_loss', pct: 120 }] },
        reference,
      ),
    );
  });
});

describe('model parameters as versioned data', () => {
  it('hashes the parameters (SHA-256 of canonical JSON), stable and frozen', () => {
    expect(paramsHash(FORGE_RRS_1_0_0)).toMatch(/^[0-9a-f]{64}$/);
    expect(paramsHash(structuredClone(FORGE_RRS_1_0_0) as ScoringModelParams)).toBe(
      paramsHash(FORGE_RRS_1_0_0),
    );
    expect(Object.isFrozen(FORGE_RRS_1_0_0.factors[0]?.rubric)).toBe(true);
    expect(validateScoringModel(FORGE_RRS_1_0_0)).toEqual([]);
    expect(assess(lowRisk(), FORGE_RRS_1_0_0).paramsHash).toBe(paramsHash(FORGE_RRS_1_0_0));
  });

  it('runs a later version as new data, with its own version and hash', () => {
    const next = defineScoringModel({
      ...(structuredClone(FORGE_RRS_1_0_0) as ScoringModelParams),
      version: '1.1.0',
      bands: [
        { band: 'low', below: 150 },
        { band: 'moderate', below: 250 },
        { band: 'substantial', below: 325 },
        { band: 'high', below: null },
      ],
    });
    const inputs = withPatch(lowRisk(), { mineral: 'lithium', technologyMaturity: 'complex' }); // 160
    expect(assess(inputs, FORGE_RRS_1_0_0).gross).toEqual({ score: 160, band: 'low' });
    const result = assess(inputs, next);
    expect(result.gross).toEqual({ score: 160, band: 'moderate' });
    expect(result.modelVersion).toBe('1.1.0');
    expect(result.paramsHash).not.toBe(paramsHash(FORGE_RRS_1_0_0));
  });

  it('rejects malformed parameters', () => {
    const clone = structuredClone(FORGE_RRS_1_0_0) as ScoringModelParams;
    const bad = { ...clone, factors: clone.factors.map((f, i) => (i === 0 ? { ...f, weightBp: 1000 } : f)) };
    expect(validateScoringModel(bad)).toEqual([expect.objectContaining({ field: 'factors' })]);
    expect(() => defineScoringModel(bad)).toThrow(expect.objectContaining({ code: 'SCORING.INVALID_MODEL' }));
    expect(() => assess(lowRisk(), bad)).toThrow(expect.objectContaining({ code: 'SCORING.INVALID_MODEL' }));
  });

  it('keeps a registry of versions', () => {
    expect(SCORING_MODELS.map((m) => m.version)).toEqual(['1.0.0', '1.1.0']);
    expect(scoringModel('1.0.0')).toBe(FORGE_RRS_1_0_0);
    expect(scoringModel('1.1.0').mitigantEvidence).toBeDefined();
    expect(() => scoringModel('0.9.0')).toThrow(expect.objectContaining({ code: 'SCORING.UNKNOWN_MODEL' }));
  });

  it('formats basis points as percentages for reasons', () => {
    expect([6000, 1250, 1205, 0, 10000, 5].map(formatBpAsPercent)).toEqual([
      '60%',
      '12.5%',
      '12.05%',
      '0%',
      '100%',
      '0.05%',
    ]);
  });
});

describe('current and replay', () => {
  const stored = {
    id: 'a1',
    applicationId: 'app',
    jobId: 'job-1',
    computedAt: '2026-11-02T10:00:00.000Z',
    ...assess({ ...highRisk(), mitigants: [mitigant('fixed_price_epc')] }, FORGE_RRS_1_0_0),
  };

  it('is current only for today’s inputs under the active model', () => {
    expect(isAssessmentCurrent(stored, stored.inputsHash, '1.0.0')).toBe(true);
    expect(isAssessmentCurrent(stored, 'f'.repeat(64), '1.0.0')).toBe(false);
    expect(isAssessmentCurrent(stored, stored.inputsHash, '1.1.0')).toBe(false);
  });

  it('reproduces field for field except id, computedAt and jobId', () => {
    const replay = {
      id: 'a2',
      applicationId: 'app',
      jobId: 'job-2',
      computedAt: '2027-01-01T00:00:00.000Z',
      ...assess({ ...highRisk(), mitigants: [mitigant('fixed_price_epc')] }, FORGE_RRS_1_0_0),
    };
    expect(compareAssessments(stored, replay)).toEqual([]);
  });

  it('reports differences per field and per factor', () => {
    const other = assess(
      { ...highRisk(), mitigants: [mitigant('fixed_price_epc'), mitigant('completion_guarantee')] },
      FORGE_RRS_1_0_0,
    );
    const paths = compareAssessments(stored, { ...other, id: 'x', applicationId: 'app' }).map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'inputsHash',
        'factors[F3_CONSTRUCTION].credits',
        'factors[F3_CONSTRUCTION].residual',
        'residual.score',
        'riskReduction',
        'riskReductionPct',
      ]),
    );
    expect(paths).not.toContain('id');
    expect(paths).not.toContain('gross.score');
    const residual = compareAssessments(stored, other).find(
      (d) => d.path === 'factors[F3_CONSTRUCTION].residual',
    );
    expect(residual).toEqual({ path: 'factors[F3_CONSTRUCTION].residual', a: 3, b: 2 });
  });
});
