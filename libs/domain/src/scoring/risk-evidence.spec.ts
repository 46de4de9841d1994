/** FORGE-RRS 1.1.0's one new rule: a mitigant earns credit only when evidenced (scoring.md). */
import { describe, expect, it } from '@jest/globals';
import type { ApplicationInput, FinancingStructure } from '../application/application-input.js';
import { FORGE_RRS_1_0_0 } from './forge-rrs-1-0-0.params.js';
import { FORGE_RRS_1_1_0, MITIGANT_EVIDENCE_KINDS } from './forge-rrs-1-1-0.params.js';
import { assess, NOT_EVIDENCED } from './risk-assessment.js';
import {
  evidencedMitigantTypes,
  extractRiskInputs,
  inputsHash,
  type RiskInputs,
  type RiskMitigant,
} from './risk-inputs.js';
import { paramsHash, validateScoringModel } from './scoring-model.define.js';
import type { ScoringModelParams } from './scoring-model.js';

/** Every factor at 4 (High) but F8, which is 1: G = 385. */
function riskyInputs(mitigants: RiskMitigant[], evidencedMitigants?: string[]): RiskInputs {
  return {
    country: 'EC',
    reference: { oecdCrc: 7, eitiImplementing: false },
    mineral: 'rare_earths',
    projectPhase: 'greenfield',
    technologyMaturity: 'first_of_kind',
    fxExposure: 'usd_matched',
    sponsor: { profile: 'first_project', equityBp: 4000, baseCaseDscr: 200 },
    environment: {
      waterStress: 'extremely_high',
      tailings: 'none',
      tailingsConsequenceClass: 'none',
      criticalHabitat: false,
      protectedAreaOverlap: false,
    },
    social: {
      indigenousPeoplesPresent: true,
      physicalResettlementHouseholds: 0,
      economicDisplacementHouseholds: 0,
      activeConflict: true,
    },
    governance: {
      declaredOwnershipBp: 10000,
      anyPep: false,
      contractsDisclosed: true,
      paymentsToGovernmentsDisclosed: true,
      adverseMedia: true,
    },
    mitigants,
    ...(evidencedMitigants === undefined ? {} : { evidencedMitigants }),
  };
}

const m = (type: string, fields: Partial<RiskMitigant> = {}): RiskMitigant => ({
  type,
  coverageBp: null,
  pctBp: null,
  covers: [],
  buyerInvestmentGrade: false,
  floorPrice: false,
  ...fields,
});
const PRI = m('political_risk_insurance', {
  covers: ['expropriation', 'transfer_convertibility', 'war_civil_disturbance'],
});

const creditsOf = (inputs: RiskInputs, code: string, params: ScoringModelParams = FORGE_RRS_1_1_0) =>
  assess(inputs, params).factors.find((f) => f.code === code)!.credits;

describe('FORGE-RRS 1.1.0: credit only for evidenced mitigants', () => {
  it('keeps every 1.0.0 parameter and adds the evidence kinds of scoring.md', () => {
    const { version, mitigantEvidence, ...rest } = FORGE_RRS_1_1_0;
    const { version: v100, ...rest100 } = FORGE_RRS_1_0_0;
    expect([version, v100]).toEqual(['1.1.0', '1.0.0']);
    expect(rest).toEqual(rest100);
    expect(FORGE_RRS_1_0_0).not.toHaveProperty('mitigantEvidence');
    expect(mitigantEvidence).toEqual({
      political_risk_insurance: 'pri_policy',
      offtake: 'offtake_agreement',
      commodity_hedge: 'hedge_confirmation',
      fixed_price_epc: 'epc_contract',
      completion_guarantee: 'completion_guarantee',
      first_loss: 'first_loss_agreement',
      partial_credit_guarantee: 'guarantee_agreement',
      independent_es_review: 'independent_es_review',
      water_solution: 'water_study',
      gistm_conformance: 'gistm_evidence',
      fpic_agreement: 'fpic_evidence',
      verified_ownership_and_contracts: 'ownership_evidence',
      usd_offtake_offshore_dsra: 'dsra_agreement',
    });
    expect(Object.keys(MITIGANT_EVIDENCE_KINDS).sort()).toEqual(
      FORGE_RRS_1_0_0.mitigants.map((r) => r.type).sort(),
    );
  });

  it('leaves the 1.0.0 parameters, and so their hash, unchanged', () => {
    expect(paramsHash(FORGE_RRS_1_0_0)).toBe(
      'b6f9d8b99ffe6de03413d3573d9d3172d839a68910fb06995d937331498039f1',
    );
    expect(paramsHash(FORGE_RRS_1_1_0)).not.toBe(paramsHash(FORGE_RRS_1_0_0));
  });

  it('pins the 1.1.0 parameters hash (the activation migration checks the same value)', () => {
    expect(paramsHash(FORGE_RRS_1_1_0)).toBe(
      '39d533b70202ed2199dd4050bb4f1cd921a8025f404b99582a759228e0e87502',
    );
  });

  it('lists an unevidenced mitigant on each target factor with 0 notches and the reason "not evidenced"', () => {
    const credits = (code: string) => creditsOf(riskyInputs([PRI], []), code);
    expect(credits('F1_COUNTRY')).toEqual([
      { mitigant: 'political_risk_insurance', notches: 0, reason: NOT_EVIDENCED, evidenceKind: 'pri_policy' },
    ]);
    expect(credits('F8_FX')).toEqual([
      {
        mitigant: 'political_risk_insurance',
        notches: 0,
        reason: 'not evidenced',
        evidenceKind: 'pri_policy',
      },
    ]);
    const evidenced = creditsOf(riskyInputs([PRI], ['political_risk_insurance']), 'F1_COUNTRY');
    expect(evidenced).toEqual([expect.objectContaining({ notches: 1, evidenceKind: 'pri_policy' })]);
  });

  it('takes nothing from the cap or a credit group for an unevidenced mitigant', () => {
    // 1.0.0: first loss 20% takes the 2 notches of the cap, the guarantee gets 0.
    const f4 = [m('first_loss', { pctBp: 2000 }), m('partial_credit_guarantee', { coverageBp: 5000 })];
    expect(creditsOf(riskyInputs(f4), 'F4_SPONSOR', FORGE_RRS_1_0_0).map((c) => c.notches)).toEqual([2, 0]);
    // 1.1.0, first loss unevidenced: the guarantee gets its notch.
    expect(
      creditsOf(riskyInputs(f4, ['partial_credit_guarantee']), 'F4_SPONSOR').map((c) => c.notches),
    ).toEqual([0, 1]);
    // Water solution unevidenced: GISTM (same group) earns the group's one notch.
    const f5 = [m('water_solution'), m('gistm_conformance')];
    expect(
      creditsOf(riskyInputs(f5, ['gistm_conformance']), 'F5_ENVIRONMENT').map((c) => [c.mitigant, c.notches]),
    ).toEqual([
      ['water_solution', 0],
      ['gistm_conformance', 1],
    ]);
  });

  it("keeps unevidenced first-loss and guarantee mitigants out of ELresidual's terms", () => {
    const f4 = [m('first_loss', { pctBp: 3000 }), m('partial_credit_guarantee', { coverageBp: 5000 })];
    // Residual band high (PD 1200): with both, max(0, 2710 − 3000) = 0 → 0; with the guarantee only,
    // rhe(1200 × 2710 × 50 / 10^6) = rhe(162.6) = 163; with neither, rhe(325.2) = 325.
    expect(
      assess(riskyInputs(f4, ['first_loss', 'partial_credit_guarantee']), FORGE_RRS_1_1_0).expectedLoss
        .residualBp,
    ).toBe(0);
    expect(
      assess(riskyInputs(f4, ['partial_credit_guarantee']), FORGE_RRS_1_1_0).expectedLoss.residualBp,
    ).toBe(163);
    expect(assess(riskyInputs(f4, []), FORGE_RRS_1_1_0).expectedLoss.residualBp).toBe(325);
  });

  it('needs the evidenced set: 1.1.0 refuses inputs that do not say which mitigants are evidenced', () => {
    expect(() => assess(riskyInputs([PRI]), FORGE_RRS_1_1_0)).toThrow(
      expect.objectContaining({ code: 'SCORING.INVALID_INPUTS' }),
    );
  });

  it('makes the evidenced set part of the inputs hash (a new evidence document makes an assessment stale)', () => {
    const without = inputsHash(riskyInputs([PRI], []));
    expect(inputsHash(riskyInputs([PRI], ['political_risk_insurance']))).not.toBe(without);
    // canonical: order and duplicates do not matter
    expect(
      inputsHash(riskyInputs([PRI, m('offtake')], ['offtake', 'political_risk_insurance', 'offtake'])),
    ).toBe(inputsHash(riskyInputs([PRI, m('offtake')], ['political_risk_insurance', 'offtake'])));
  });

  it('computes the evidenced set from the attached document kinds: only mitigants of the structure count', () => {
    expect(
      evidencedMitigantTypes(
        [{ type: 'offtake' }, { type: 'first_loss' }, { type: 'offtake' }],
        ['offtake_agreement', 'pri_policy', 'other', 'first_loss'],
        MITIGANT_EVIDENCE_KINDS,
      ),
    ).toEqual(['offtake']);
    expect(evidencedMitigantTypes(null, ['pri_policy'], MITIGANT_EVIDENCE_KINDS)).toEqual([]);
  });

  it('extracts 1.1.0 inputs only with the document kinds, and an unrelated document changes nothing', () => {
    const input = {
      country: 'AR',
      mineral: 'lithium',
      projectPhase: 'greenfield',
      technologyMaturity: 'proven',
      fxExposure: 'usd_matched',
      sponsor: { profile: 'mid_tier', equityPct: 35, baseCaseDscr: 145 },
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
        beneficialOwners: [{ name: 'A', type: 'person', country: 'AR', ownershipPct: 100, isPep: false }],
        contractsDisclosed: true,
        paymentsToGovernmentsDisclosed: true,
        adverseMedia: false,
      },
    } as unknown as ApplicationInput;
    const financing = {
      instrument: 'senior_loan',
      amountUsd: 1,
      tenorYears: 5,
      mitigants: [{ type: 'fixed_price_epc' }],
      conditionsPrecedent: [],
    } as FinancingStructure;
    const reference = { oecdCrc: 6, eitiImplementing: true };
    expect(() => extractRiskInputs(input, financing, reference, { params: FORGE_RRS_1_1_0 })).toThrow(
      expect.objectContaining({ code: 'SCORING.INVALID_INPUTS' }),
    );
    const withEpc = extractRiskInputs(input, financing, reference, {
      params: FORGE_RRS_1_1_0,
      documentKinds: ['epc_contract'],
    });
    expect(withEpc.evidencedMitigants).toEqual(['fixed_price_epc']);
    const plusOther = extractRiskInputs(input, financing, reference, {
      params: FORGE_RRS_1_1_0,
      documentKinds: ['epc_contract', 'other', 'esia'],
    });
    expect(inputsHash(plusOther)).toBe(inputsHash(withEpc));
    expect(
      extractRiskInputs(input, null, reference, { params: FORGE_RRS_1_1_0, documentKinds: ['epc_contract'] })
        .evidencedMitigants,
    ).toEqual([]);
  });

  it('validates the evidence map of a model', () => {
    const missing = { ...FORGE_RRS_1_1_0, mitigantEvidence: { offtake: 'offtake_agreement' } };
    expect(validateScoringModel(missing).map((p) => p.field)).toContain('mitigantEvidence');
    const unknown = { ...FORGE_RRS_1_1_0, mitigantEvidence: { ...MITIGANT_EVIDENCE_KINDS, magic: 'x' } };
    expect(validateScoringModel(unknown).map((p) => p.field)).toContain('mitigantEvidence.magic');
    const badKind = {
      ...FORGE_RRS_1_1_0,
      mitigantEvidence: { ...MITIGANT_EVIDENCE_KINDS, offtake: 'Bad Kind' },
    };
    expect(validateScoringModel(badKind).map((p) => p.field)).toContain('mitigantEvidence.offtake');
  });
});
