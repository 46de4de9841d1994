import { defineScoringModel } from './scoring-model.define.js';

/**
 * FORGE-RRS 1.0.0 (scoring.md) as data. Any change to this object changes `paramsHash` and is a
 * new model version: add a new constant and register it, never edit this one.
 */
export const FORGE_RRS_1_0_0 = defineScoringModel({
  model: 'FORGE-RRS',
  version: '1.0.0',
  scale: { min: 1, max: 4, labels: ['Low', 'Moderate', 'Substantial', 'High'] },
  factors: [
    {
      code: 'F1_COUNTRY',
      name: 'Country',
      weightBp: 1500,
      rubric: {
        kind: 'first_match',
        rules: [
          {
            when: { field: 'reference.oecdCrc', in: [null] },
            score: 1,
            reason: '{country} has no OECD country risk class (high-income OECD)',
          },
          {
            when: { field: 'reference.oecdCrc', in: [0, 1, 2] },
            score: 1,
            reason: 'OECD country risk class {reference.oecdCrc}',
          },
          {
            when: { field: 'reference.oecdCrc', in: [3, 4] },
            score: 2,
            reason: 'OECD country risk class {reference.oecdCrc}',
          },
          {
            when: { field: 'reference.oecdCrc', in: [5, 6] },
            score: 3,
            reason: 'OECD country risk class {reference.oecdCrc}',
          },
          {
            when: { field: 'reference.oecdCrc', in: [7] },
            score: 4,
            reason: 'OECD country risk class {reference.oecdCrc}',
          },
        ],
      },
    },
    {
      code: 'F2_MARKET',
      name: 'Market',
      weightBp: 1500,
      rubric: {
        kind: 'first_match',
        rules: [
          { when: { field: 'mineral', in: ['gold'] }, score: 1, reason: 'Market risk of {mineral}' },
          {
            when: { field: 'mineral', in: ['copper', 'titanium', 'zinc', 'silver', 'tin', 'tungsten'] },
            score: 2,
            reason: 'Market risk of {mineral}',
          },
          {
            when: {
              field: 'mineral',
              in: ['lithium', 'nickel', 'cobalt', 'graphite', 'manganese', 'vanadium'],
            },
            score: 3,
            reason: 'Market risk of {mineral}',
          },
          {
            when: { field: 'mineral', in: ['rare_earths', 'gallium', 'germanium', 'antimony'] },
            score: 4,
            reason: 'Market risk of {mineral}',
          },
        ],
      },
    },
    {
      code: 'F3_CONSTRUCTION',
      name: 'Construction and technology',
      weightBp: 1500,
      rubric: {
        kind: 'first_match',
        rules: [
          {
            when: { field: 'technologyMaturity', in: ['first_of_kind'] },
            score: 4,
            reason: 'First-of-kind technology',
          },
          { when: { field: 'technologyMaturity', in: ['complex'] }, score: 3, reason: 'Complex technology' },
          {
            when: {
              all: [
                { field: 'technologyMaturity', in: ['proven'] },
                { field: 'projectPhase', in: ['greenfield'] },
              ],
            },
            score: 2,
            reason: 'Proven technology on a greenfield project',
          },
          {
            when: { field: 'technologyMaturity', in: ['proven'] },
            score: 1,
            reason: 'Proven technology on a {projectPhase} project',
          },
        ],
      },
    },
    {
      code: 'F4_SPONSOR',
      name: 'Sponsor and financial strength',
      weightBp: 1500,
      rubric: {
        kind: 'first_match',
        rules: [
          {
            when: { field: 'sponsor.profile', in: ['first_project'] },
            score: 4,
            reason: 'Sponsor on its first project',
          },
          {
            when: { field: 'sponsor.equityBp', lt: 2500 },
            score: 4,
            reason: 'Sponsor equity of {sponsor.equityBp} is below 25%',
          },
          {
            when: { field: 'sponsor.baseCaseDscr', lt: 130 },
            score: 4,
            reason: 'Base-case DSCR of {sponsor.baseCaseDscr} is below 1.30x',
          },
          {
            when: { field: 'sponsor.profile', in: ['investment_grade_major'] },
            score: 1,
            reason:
              'Investment-grade major sponsor (equity {sponsor.equityBp}, base-case DSCR {sponsor.baseCaseDscr})',
          },
          {
            when: { field: 'sponsor.profile', in: ['mid_tier'] },
            score: 2,
            reason: 'Mid-tier sponsor (equity {sponsor.equityBp}, base-case DSCR {sponsor.baseCaseDscr})',
          },
          {
            when: { field: 'sponsor.profile', in: ['single_asset_junior'] },
            score: 3,
            reason:
              'Single-asset junior sponsor (equity {sponsor.equityBp}, base-case DSCR {sponsor.baseCaseDscr})',
          },
        ],
      },
    },
    {
      code: 'F5_ENVIRONMENT',
      name: 'Environment',
      weightBp: 1500,
      rubric: {
        kind: 'highest_of',
        parts: [
          {
            name: 'water stress',
            required: true,
            rules: [
              {
                when: { field: 'environment.waterStress', in: ['low', 'low_medium'] },
                score: 1,
                reason: 'water stress {environment.waterStress}',
              },
              {
                when: { field: 'environment.waterStress', in: ['medium_high'] },
                score: 2,
                reason: 'water stress {environment.waterStress}',
              },
              {
                when: { field: 'environment.waterStress', in: ['high'] },
                score: 3,
                reason: 'water stress {environment.waterStress}',
              },
              {
                when: { field: 'environment.waterStress', in: ['extremely_high'] },
                score: 4,
                reason: 'water stress {environment.waterStress}',
              },
            ],
          },
          {
            name: 'tailings consequence class',
            required: true,
            rules: [
              {
                when: { field: 'environment.tailingsConsequenceClass', in: ['none', 'low'] },
                score: 1,
                reason: 'tailings consequence class {environment.tailingsConsequenceClass}',
              },
              {
                when: { field: 'environment.tailingsConsequenceClass', in: ['significant'] },
                score: 2,
                reason: 'tailings consequence class {environment.tailingsConsequenceClass}',
              },
              {
                when: { field: 'environment.tailingsConsequenceClass', in: ['high'] },
                score: 3,
                reason: 'tailings consequence class {environment.tailingsConsequenceClass}',
              },
              {
                when: { field: 'environment.tailingsConsequenceClass', in: ['very_high', 'extreme'] },
                score: 4,
                reason: 'tailings consequence class {environment.tailingsConsequenceClass}',
              },
            ],
          },
          {
            name: 'tailings method',
            required: true,
            rules: [
              {
                when: {
                  field: 'environment.tailings',
                  in: ['none', 'dry_stack', 'downstream', 'centerline'],
                },
                score: 1,
                reason: 'tailings method {environment.tailings}',
              },
              {
                when: { field: 'environment.tailings', in: ['upstream'] },
                score: 4,
                reason: 'upstream tailings',
              },
            ],
          },
          {
            name: 'critical habitat',
            required: false,
            rules: [
              {
                when: { field: 'environment.criticalHabitat', in: [true] },
                score: 4,
                reason: 'critical habitat',
              },
            ],
          },
          {
            name: 'protected area',
            required: false,
            rules: [
              {
                when: { field: 'environment.protectedAreaOverlap', in: [true] },
                score: 3,
                reason: 'overlap with a protected area',
              },
            ],
          },
        ],
      },
    },
    {
      code: 'F6_SOCIAL',
      name: 'Social',
      weightBp: 1000,
      rubric: {
        kind: 'first_match',
        rules: [
          {
            when: {
              all: [
                { field: 'social.indigenousPeoplesPresent', in: [true] },
                { field: 'social.activeConflict', in: [true] },
              ],
            },
            score: 4,
            reason: 'Indigenous Peoples present and an active conflict',
          },
          {
            when: {
              all: [
                { field: 'social.physicalResettlementHouseholds', gte: 1 },
                { field: 'social.activeConflict', in: [true] },
              ],
            },
            score: 4,
            reason:
              'Physical resettlement of {social.physicalResettlementHouseholds} households and an active conflict',
          },
          {
            when: { field: 'social.indigenousPeoplesPresent', in: [true] },
            score: 3,
            reason: 'Indigenous Peoples present',
          },
          {
            when: { field: 'social.physicalResettlementHouseholds', gte: 1 },
            score: 3,
            reason: 'Physical resettlement of {social.physicalResettlementHouseholds} households',
          },
          { when: { field: 'social.activeConflict', in: [true] }, score: 3, reason: 'Active conflict' },
          {
            when: { field: 'social.economicDisplacementHouseholds', gte: 1 },
            score: 2,
            reason: 'Economic displacement of {social.economicDisplacementHouseholds} households',
          },
          {
            when: { always: true },
            score: 1,
            reason: 'No Indigenous Peoples, resettlement, economic displacement or conflict',
          },
        ],
      },
    },
    {
      code: 'F7_GOVERNANCE',
      name: 'Governance and transparency',
      weightBp: 1000,
      rubric: {
        kind: 'first_match',
        rules: [
          {
            when: { field: 'governance.declaredOwnershipBp', lt: 7500 },
            score: 4,
            reason: 'Declared top-level ownership of {governance.declaredOwnershipBp} is below 75%',
          },
          { when: { field: 'governance.adverseMedia', in: [true] }, score: 4, reason: 'Adverse media' },
          {
            when: { field: 'governance.anyPep', in: [true] },
            score: 3,
            reason: 'A politically exposed person among the owners',
          },
          {
            when: { field: 'governance.declaredOwnershipBp', lt: 10000 },
            score: 3,
            reason: 'Declared top-level ownership of {governance.declaredOwnershipBp} is below 100%',
          },
          {
            when: { field: 'governance.contractsDisclosed', in: [false] },
            score: 3,
            reason: 'Contracts not disclosed',
          },
          {
            when: {
              all: [
                { field: 'governance.declaredOwnershipBp', in: [10000] },
                { field: 'governance.anyPep', in: [false] },
                { field: 'reference.eitiImplementing', in: [true] },
                { field: 'governance.contractsDisclosed', in: [true] },
                { field: 'governance.paymentsToGovernmentsDisclosed', in: [true] },
              ],
            },
            score: 1,
            reason:
              'Ownership fully declared, no PEP, EITI-implementing country, contracts and payments disclosed',
          },
          {
            when: { always: true },
            score: 2,
            reason:
              'Ownership fully declared, no PEP, contracts disclosed; {country} EITI-implementing: {reference.eitiImplementing}, payments to governments disclosed: {governance.paymentsToGovernmentsDisclosed}',
          },
        ],
      },
    },
    {
      code: 'F8_FX',
      name: 'Currency',
      weightBp: 500,
      rubric: {
        kind: 'first_match',
        rules: [
          {
            when: { field: 'fxExposure', in: ['usd_matched'] },
            score: 1,
            reason: 'US-dollar revenues match US-dollar debt',
          },
          {
            when: { field: 'fxExposure', in: ['local_cost_exposure'] },
            score: 2,
            reason: 'Local-currency cost exposure',
          },
          {
            when: { field: 'fxExposure', in: ['recent_controls'] },
            score: 3,
            reason: 'Recent exchange or capital controls in the host country',
          },
          {
            when: { field: 'fxExposure', in: ['active_controls'] },
            score: 4,
            reason: 'Active exchange or capital controls in the host country',
          },
        ],
      },
    },
  ],
  bands: [
    { band: 'low', below: 175 },
    { band: 'moderate', below: 250 },
    { band: 'substantial', below: 325 },
    { band: 'high', below: null },
  ],
  floors: [
    { rule: 'two_factors_at_4', atScore: 4, minFactors: 2, band: 'high' },
    { rule: 'one_factor_at_4', atScore: 4, minFactors: 1, band: 'substantial' },
  ],
  mitigants: [
    {
      type: 'political_risk_insurance',
      targets: ['F1_COUNTRY', 'F8_FX'],
      tiers: [
        {
          when: {
            field: 'covers',
            includesAll: ['transfer_convertibility', 'expropriation', 'war_civil_disturbance'],
          },
          credits: [
            { factor: 'F1_COUNTRY', notches: 1 },
            { factor: 'F8_FX', notches: 1 },
          ],
          reason:
            'Political risk insurance covering transfer/convertibility, expropriation and war/civil disturbance',
        },
      ],
      notMet:
        'Political risk insurance does not cover all of transfer/convertibility, expropriation and war/civil disturbance',
    },
    {
      type: 'offtake',
      targets: ['F2_MARKET'],
      tiers: [
        {
          when: {
            all: [
              { field: 'coverageBp', gte: 6000 },
              { field: 'buyerInvestmentGrade', in: [true] },
              { field: 'floorPrice', in: [true] },
            ],
          },
          credits: [{ factor: 'F2_MARKET', notches: 2 }],
          reason: 'Offtake of {coverageBp} with an investment-grade buyer and a floor price',
        },
        {
          when: {
            all: [
              { field: 'coverageBp', gte: 6000 },
              { field: 'buyerInvestmentGrade', in: [true] },
            ],
          },
          credits: [{ factor: 'F2_MARKET', notches: 1 }],
          reason: 'Offtake of {coverageBp} with an investment-grade buyer',
        },
      ],
      notMet:
        'Offtake of {coverageBp} (investment-grade buyer: {buyerInvestmentGrade}) needs at least 60% with an investment-grade buyer',
    },
    {
      type: 'commodity_hedge',
      targets: ['F2_MARKET'],
      tiers: [
        {
          when: { field: 'coverageBp', gte: 5000 },
          credits: [{ factor: 'F2_MARKET', notches: 1 }],
          reason: 'Commodity hedge over {coverageBp}',
        },
      ],
      notMet: 'Commodity hedge over {coverageBp} needs at least 50%',
    },
    {
      type: 'fixed_price_epc',
      targets: ['F3_CONSTRUCTION'],
      tiers: [
        {
          when: { always: true },
          credits: [{ factor: 'F3_CONSTRUCTION', notches: 1 }],
          reason: 'Fixed-price EPC contract',
        },
      ],
      notMet: 'Fixed-price EPC contract',
    },
    {
      type: 'completion_guarantee',
      targets: ['F3_CONSTRUCTION'],
      tiers: [
        {
          when: { always: true },
          credits: [{ factor: 'F3_CONSTRUCTION', notches: 1 }],
          reason: 'Completion guarantee',
        },
      ],
      notMet: 'Completion guarantee',
    },
    {
      type: 'first_loss',
      targets: ['F4_SPONSOR'],
      tiers: [
        {
          when: { field: 'pctBp', gte: 2000 },
          credits: [{ factor: 'F4_SPONSOR', notches: 2 }],
          reason: 'First-loss tranche of {pctBp} (at least 20%)',
        },
        {
          when: { field: 'pctBp', gte: 1000 },
          credits: [{ factor: 'F4_SPONSOR', notches: 1 }],
          reason: 'First-loss tranche of {pctBp} (at least 10%)',
        },
      ],
      notMet: 'First-loss tranche of {pctBp} needs at least 10%',
    },
    {
      type: 'partial_credit_guarantee',
      targets: ['F4_SPONSOR'],
      tiers: [
        {
          when: { field: 'coverageBp', gte: 5000 },
          credits: [{ factor: 'F4_SPONSOR', notches: 1 }],
          reason: 'Partial credit guarantee of {coverageBp}',
        },
      ],
      notMet: 'Partial credit guarantee of {coverageBp} needs at least 50%',
    },
    {
      type: 'independent_es_review',
      targets: ['F5_ENVIRONMENT'],
      tiers: [
        {
          when: { always: true },
          credits: [{ factor: 'F5_ENVIRONMENT', notches: 1 }],
          reason: 'Independent E&S review',
        },
      ],
      notMet: 'Independent E&S review',
    },
    {
      type: 'water_solution',
      targets: ['F5_ENVIRONMENT'],
      tiers: [
        {
          when: { always: true },
          credits: [{ factor: 'F5_ENVIRONMENT', notches: 1 }],
          reason: 'Water solution',
        },
      ],
      notMet: 'Water solution',
    },
    {
      type: 'gistm_conformance',
      targets: ['F5_ENVIRONMENT'],
      tiers: [
        {
          when: { always: true },
          credits: [{ factor: 'F5_ENVIRONMENT', notches: 1 }],
          reason: 'Conformance with the Global Industry Standard on Tailings Management',
        },
      ],
      notMet: 'Conformance with the Global Industry Standard on Tailings Management',
    },
    {
      type: 'fpic_agreement',
      targets: ['F6_SOCIAL'],
      tiers: [
        {
          when: { always: true },
          credits: [{ factor: 'F6_SOCIAL', notches: 1 }],
          reason: 'FPIC agreement with the affected communities',
        },
      ],
      notMet: 'FPIC agreement with the affected communities',
    },
    {
      type: 'verified_ownership_and_contracts',
      targets: ['F7_GOVERNANCE'],
      tiers: [
        {
          when: { always: true },
          credits: [{ factor: 'F7_GOVERNANCE', notches: 1 }],
          reason: 'Ownership and contracts independently verified',
        },
      ],
      notMet: 'Ownership and contracts independently verified',
    },
    {
      type: 'usd_offtake_offshore_dsra',
      targets: ['F8_FX'],
      tiers: [
        {
          when: { always: true },
          credits: [{ factor: 'F8_FX', notches: 1 }],
          reason: 'US-dollar offtake paid offshore with a debt service reserve account',
        },
      ],
      notMet: 'US-dollar offtake paid offshore with a debt service reserve account',
    },
  ],
  creditGroups: [
    {
      factor: 'F5_ENVIRONMENT',
      types: ['water_solution', 'gistm_conformance'],
      maxNotches: 1,
      reason: 'water_solution and gistm_conformance together credit one notch',
    },
  ],
  creditCapPerFactor: 2,
  conservatism: { maxBandsBetter: 1 },
  expectedLoss: {
    pdBp: { low: 100, moderate: 350, substantial: 700, high: 1200 },
    lgdBp: 2710,
    firstLossMitigant: 'first_loss',
    guaranteeMitigant: 'partial_credit_guarantee',
  },
});
