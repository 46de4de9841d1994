import type { ApplicationInput } from '../application/application-input.js';
import { APPLICATION_INPUT_FIELDS, validateDraftForSubmit } from './draft-validation.js';

/** The api.md example input. */
const example = (): ApplicationInput => ({
  applicantType: 'project',
  title: 'Puna Clara DLE lithium carbonate plant',
  summary: '25 ktpa battery-grade lithium carbonate by direct lithium extraction',
  country: 'AR',
  region: 'Jujuy',
  location: { lat: -23.21, lon: -66.42 },
  mineral: 'lithium',
  valueChainSegment: 'processing',
  projectPhase: 'greenfield',
  technologyMaturity: 'complex',
  capexUsd: 780000000,
  requestedAmountUsd: 250000000,
  instrument: 'senior_loan',
  tenorYears: 12,
  fxExposure: 'usd_matched',
  sponsor: { profile: 'mid_tier', equityPct: 35, baseCaseDscr: 145 },
  environment: {
    waterStress: 'extremely_high',
    tailings: 'none',
    tailingsConsequenceClass: 'none',
    criticalHabitat: false,
    protectedAreaOverlap: false,
    esiaStatus: 'completed',
    ghgScope12TonnesPerYear: 120000,
  },
  social: {
    indigenousPeoplesPresent: true,
    fpicStatus: 'in_progress',
    physicalResettlementHouseholds: 0,
    economicDisplacementHouseholds: 12,
    activeConflict: false,
  },
  governance: {
    beneficialOwners: [
      {
        name: 'Altiplano Resources Holdings S.A.',
        type: 'entity',
        country: 'AR',
        ownershipPct: 60,
        isPep: false,
        owners: [
          { name: 'Mariela Quispe Condori', type: 'person', country: 'AR', ownershipPct: 100, isPep: false },
        ],
      },
      { name: 'Tomas Ibarra Wolff', type: 'person', country: 'CL', ownershipPct: 40, isPep: false },
    ],
    contractsDisclosed: true,
    paymentsToGovernmentsDisclosed: true,
    adverseMedia: false,
    antiCorruptionProgram: 'iso37001',
    oecdAnnexIIAttestation: true,
  },
});

describe('validateDraftForSubmit', () => {
  it('accepts the api.md example', () => {
    expect(validateDraftForSubmit(example())).toEqual([]);
  });

  it('lists every mandatory field of an empty draft, with dotted paths', () => {
    const problems = validateDraftForSubmit({});
    expect(problems.map((p) => p.field)).toEqual(APPLICATION_INPUT_FIELDS);
    expect(problems.every((p) => p.message === 'is required')).toBe(true);
    expect(APPLICATION_INPUT_FIELDS).toHaveLength(37);
    expect(APPLICATION_INPUT_FIELDS).toContain('environment.ghgScope12TonnesPerYear');
  });

  it('names the leaves of a partly filled nested object', () => {
    const draft: Partial<ApplicationInput> = {
      ...example(),
      sponsor: { profile: 'mid_tier' } as ApplicationInput['sponsor'],
    };
    expect(validateDraftForSubmit(draft)).toEqual([
      { field: 'sponsor.equityPct', message: 'is required' },
      { field: 'sponsor.baseCaseDscr', message: 'is required' },
    ]);
  });

  it.each([
    ['applicantType', { applicantType: 'bank' }, 'must be one of project, financial_intermediary'],
    ['country', { country: 'ar' }, 'must be an upper-case ISO 3166-1 alpha-2 code'],
    ['title', { title: '   ' }, 'must be a non-empty text'],
    ['capexUsd', { capexUsd: 0 }, 'must be an integer from 1 to 10000000000000'],
    ['requestedAmountUsd', { requestedAmountUsd: 1.5 }, 'must be an integer from 1 to 10000000000000'],
    ['tenorYears', { tenorYears: 31 }, 'must be an integer from 1 to 30'],
    ['location.lat', { location: { lat: 91, lon: 0 } }, 'must be a number from -90 to 90'],
  ])('refuses a bad %s', (field, patch, message) => {
    expect(validateDraftForSubmit({ ...example(), ...(patch as Partial<ApplicationInput>) })).toEqual([
      { field, message },
    ]);
  });

  it.each([
    ['sponsor.equityPct', (i: ApplicationInput) => (i.sponsor.equityPct = 35.555)],
    ['sponsor.baseCaseDscr', (i: ApplicationInput) => (i.sponsor.baseCaseDscr = 1001)],
    [
      'environment.tailings',
      (i: ApplicationInput) => ((i.environment as { tailings: string }).tailings = 'wet'),
    ],
    [
      'environment.criticalHabitat',
      (i: ApplicationInput) => ((i.environment as { criticalHabitat: unknown }).criticalHabitat = 'no'),
    ],
    [
      'social.physicalResettlementHouseholds',
      (i: ApplicationInput) => (i.social.physicalResettlementHouseholds = -1),
    ],
    [
      'governance.antiCorruptionProgram',
      (i: ApplicationInput) =>
        ((i.governance as { antiCorruptionProgram: string }).antiCorruptionProgram = 'iso'),
    ],
  ])('refuses a bad %s', (field, mutate) => {
    const input = example();
    mutate(input);
    expect(validateDraftForSubmit(input).map((p) => p.field)).toEqual([field]);
  });

  it('requires at least one beneficial owner and validates the tree with its paths', () => {
    const none = example();
    none.governance.beneficialOwners = [];
    expect(validateDraftForSubmit(none)).toEqual([
      { field: 'governance.beneficialOwners', message: 'at least one beneficial owner is required' },
    ]);
    const bad = example();
    (bad.governance.beneficialOwners[0]?.owners ?? [])[0]!.ownershipPct = 100.5;
    expect(validateDraftForSubmit(bad).map((p) => p.field)).toEqual([
      'governance.beneficialOwners[0].owners[0].ownershipPct',
    ]);
  });

  it('treats null like a missing field', () => {
    const input = { ...example(), region: null } as unknown as ApplicationInput;
    expect(validateDraftForSubmit(input)).toEqual([{ field: 'region', message: 'is required' }]);
  });
});
