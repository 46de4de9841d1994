import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type {
  ApplicationInput,
  BeneficialOwner,
  DocumentKind,
  EsCategory,
} from '../application/application-input.js';
import { DomainError } from '../errors/domain-error.js';
import { parseCountriesReference, parseMineralsReference } from '../reference/reference-data.js';
import { screenApplication, type ScreeningResult } from '../screening/ownership-screening.js';
import { buildSanctionsIndex } from '../screening/sanctions-index.js';
import { parseSdnCsv, sanctionsListSha256 } from '../screening/sdn-csv-parser.js';
import { CHECK_CODES, type AutomatedCheck, type CheckCode } from './check-codes.js';
import { proposeCategory } from './es-category.js';
import { evaluateEsgChecks } from './esg-checks.js';
import { evaluateScreeningChecks } from './screening-checks.js';

const ref = (file: string): string => readFileSync(resolve(process.cwd(), 'config/reference', file), 'utf8');
const countries = parseCountriesReference(JSON.parse(ref('countries.json')));
const minerals = parseMineralsReference(JSON.parse(ref('minerals.json')));
const entries = parseSdnCsv(ref('sanctions/sdn.csv'), ref('sanctions/alt.csv'));
const index = buildSanctionsIndex(entries);
const listSha256 = sanctionsListSha256(entries);

interface Sample {
  key: string;
  input: ApplicationInput;
}
const portfolio = JSON.parse(ref('sample-portfolio.json')) as { applications: Sample[]; negatives: Sample[] };
const sample = (key: string): ApplicationInput =>
  structuredClone([...portfolio.applications, ...portfolio.negatives].find((s) => s.key === key)!.input);

/** S01 with overrides (deep for environment, social, governance). */
function app(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  const base = sample('S01');
  return {
    ...base,
    ...overrides,
    environment: { ...base.environment, ...overrides.environment },
    social: { ...base.social, ...overrides.social },
    governance: { ...base.governance, ...overrides.governance },
  };
}

const screen = (input: ApplicationInput): ScreeningResult =>
  screenApplication({ organizationName: input.title, input, index, listSha256 });

function byCode(checks: AutomatedCheck[], code: CheckCode): AutomatedCheck {
  const found = checks.find((c) => c.code === code);
  if (!found) throw new Error(`no ${code} among ${checks.map((c) => c.code).join(', ')}`);
  return found;
}

const screeningCheck = (input: ApplicationInput, code: CheckCode, params = {}): AutomatedCheck =>
  byCode(evaluateScreeningChecks({ input, countries, minerals, screening: screen(input), params }), code);

const esg = (
  input: ApplicationInput,
  category: EsCategory | null = 'A',
  docs: DocumentKind[] = [],
  boThresholdPct?: number,
): AutomatedCheck[] =>
  evaluateEsgChecks(input, category, docs, {
    countries,
    ...(boThresholdPct === undefined ? {} : { boThresholdPct }),
  });
const esgCheck = (
  input: ApplicationInput,
  code: CheckCode,
  category: EsCategory | null = 'A',
  docs: DocumentKind[] = [],
) => byCode(esg(input, category, docs), code);

// A project with no category-A trigger: brownfield processing, low water stress.
const quiet = (overrides: Partial<ApplicationInput> = {}): ApplicationInput =>
  app({
    projectPhase: 'brownfield',
    valueChainSegment: 'processing',
    ...overrides,
    environment: {
      ...sample('S01').environment,
      waterStress: 'low',
      tailings: 'none',
      tailingsConsequenceClass: 'none',
      ...overrides.environment,
    },
    social: {
      ...sample('S01').social,
      indigenousPeoplesPresent: false,
      fpicStatus: 'not_required',
      physicalResettlementHouseholds: 0,
      ...overrides.social,
    },
  });

describe('proposeCategory', () => {
  it('rule 1: FI for a financial intermediary (sample N02), before any A trigger', () => {
    expect(proposeCategory(sample('N02'))).toEqual({ category: 'FI', reasons: ['financial_intermediary'] });
    expect(proposeCategory(app({ applicantType: 'financial_intermediary' })).category).toBe('FI');
  });

  it.each([
    ['indigenous_peoples_present', { social: { indigenousPeoplesPresent: true } }],
    ['physical_resettlement', { social: { physicalResettlementHouseholds: 1 } }],
    ['critical_habitat', { environment: { criticalHabitat: true } }],
    ['protected_area_overlap', { environment: { protectedAreaOverlap: true } }],
    [
      'tailings_consequence_high_or_above',
      { environment: { tailings: 'downstream', tailingsConsequenceClass: 'high' } },
    ],
    [
      'tailings_consequence_high_or_above',
      { environment: { tailings: 'centerline', tailingsConsequenceClass: 'extreme' } },
    ],
    ['upstream_tailings', { environment: { tailings: 'upstream', tailingsConsequenceClass: 'low' } }],
    [
      'greenfield_extraction_extremely_high_water_stress',
      {
        projectPhase: 'greenfield',
        valueChainSegment: 'extraction',
        environment: { waterStress: 'extremely_high' },
      },
    ],
  ])('rule 2: A when %s', (reason, overrides) => {
    expect(proposeCategory(quiet(overrides as Partial<ApplicationInput>))).toEqual({
      category: 'A',
      reasons: [reason],
    });
  });

  it('rule 2 lists every A trigger that fired (sample S01 is greenfield processing: only Indigenous Peoples)', () => {
    expect(proposeCategory(sample('S01'))).toEqual({
      category: 'A',
      reasons: ['indigenous_peoples_present'],
    });
    const many = quiet({ social: { indigenousPeoplesPresent: true } as ApplicationInput['social'] });
    many.environment.criticalHabitat = true;
    expect(proposeCategory(many).reasons).toEqual(['indigenous_peoples_present', 'critical_habitat']);
  });

  it('rule 2 does not fire for greenfield processing in extreme water stress or significant tailings', () => {
    const input = quiet({ projectPhase: 'greenfield' });
    input.environment.waterStress = 'extremely_high';
    input.environment.tailings = 'dry_stack';
    input.environment.tailingsConsequenceClass = 'significant';
    expect(proposeCategory(input).category).toBe('B');
  });

  it('rule 3: C for recycling that is not greenfield', () => {
    expect(proposeCategory(quiet({ valueChainSegment: 'recycling', projectPhase: 'brownfield' }))).toEqual({
      category: 'C',
      reasons: ['recycling_not_greenfield'],
    });
    expect(
      proposeCategory(quiet({ valueChainSegment: 'recycling', projectPhase: 'expansion' })).category,
    ).toBe('C');
    const triggered = quiet({ valueChainSegment: 'recycling' });
    triggered.environment.protectedAreaOverlap = true;
    expect(proposeCategory(triggered).category).toBe('A');
  });

  it('rule 4: B otherwise (including greenfield recycling)', () => {
    expect(proposeCategory(quiet())).toEqual({ category: 'B', reasons: ['no_category_a_or_c_trigger'] });
    expect(
      proposeCategory(quiet({ valueChainSegment: 'recycling', projectPhase: 'greenfield' })).category,
    ).toBe('B');
  });
});

describe('evaluateScreeningChecks', () => {
  it('produces the five screening checks, automated, in table order (sample S01 all pass)', () => {
    const input = sample('S01');
    const checks = evaluateScreeningChecks({ input, countries, minerals, screening: screen(input) });
    expect(checks.map((c) => [c.code, c.stage, c.outcome, c.automated])).toEqual([
      ['ELIG.COUNTRY', 'screening', 'pass', true],
      ['ELIG.MINERAL', 'screening', 'pass', true],
      ['ELIG.TICKET', 'screening', 'pass', true],
      ['ELIG.EQUATOR', 'screening', 'pass', true],
      ['SANCTIONS.PARTIES', 'screening', 'pass', true],
    ]);
    expect(checks[0]!.detail).toMatchObject({
      country: 'AR',
      fundEligible: true,
      countriesSha256: countries.sha256,
    });
    expect(checks[1]!.detail).toMatchObject({
      mineral: 'lithium',
      listed: true,
      mineralsSha256: minerals.sha256,
    });
    expect(checks[4]!.detail).toMatchObject({ result: 'clear', listSha256, hits: [] });
  });

  it('ELIG.COUNTRY fails for a listed but ineligible country and for an unlisted one', () => {
    expect(screeningCheck(app({ country: 'RU' }), CHECK_CODES.ELIG_COUNTRY)).toMatchObject({
      outcome: 'fail',
      detail: { listed: true, fundEligible: false },
    });
    expect(screeningCheck(app({ country: 'FR' }), CHECK_CODES.ELIG_COUNTRY)).toMatchObject({
      outcome: 'fail',
      detail: { listed: false, fundEligible: false },
    });
  });

  it('ELIG.MINERAL fails when the mineral is not on the fund list', () => {
    const short = parseMineralsReference({ version: 'x', minerals: ['copper'] });
    const input = sample('S01');
    const checks = evaluateScreeningChecks({ input, countries, minerals: short, screening: screen(input) });
    expect(byCode(checks, CHECK_CODES.ELIG_MINERAL)).toMatchObject({
      outcome: 'fail',
      detail: { listed: false },
    });
  });

  it.each([
    [5_000_000, 780_000_000, {}, 'pass', []],
    [4_999_999, 780_000_000, {}, 'fail', ['below_min_ticket']],
    [1_000_000_000, 2_000_000_000, {}, 'pass', []],
    [1_000_000_001, 2_000_000_000, {}, 'fail', ['above_max_ticket']],
    [300_000_000, 250_000_000, {}, 'fail', ['above_capex']],
    [250_000_000, 250_000_000, {}, 'pass', []],
    [4_000_000, 3_000_000, {}, 'fail', ['below_min_ticket', 'above_capex']],
    [4_000_000, 780_000_000, { minTicketUsd: 1_000_000 }, 'pass', []],
    [300_000_000, 780_000_000, { maxTicketUsd: 200_000_000 }, 'fail', ['above_max_ticket']],
  ])('ELIG.TICKET requested %d of capex %d %j → %s', (requested, capex, params, outcome, problems) => {
    const check = screeningCheck(
      app({ requestedAmountUsd: requested, capexUsd: capex }),
      CHECK_CODES.ELIG_TICKET,
      params,
    );
    expect(check.outcome).toBe(outcome);
    expect(check.detail['problems']).toEqual(problems);
  });

  it('ELIG.TICKET rejects inconsistent limits', () => {
    expect(() =>
      screeningCheck(app(), CHECK_CODES.ELIG_TICKET, { minTicketUsd: 10, maxTicketUsd: 5 }),
    ).toThrow(DomainError);
  });

  it.each([
    ['project', 10_000_000, true],
    ['project', 9_999_999, false],
    ['financial_intermediary', 300_000_000, false],
  ] as const)(
    'ELIG.EQUATOR is informational: %s with capex %d applies=%s',
    (applicantType, capexUsd, applies) => {
      const check = screeningCheck(
        app({ applicantType, capexUsd, requestedAmountUsd: 5_000_000 }),
        CHECK_CODES.ELIG_EQUATOR,
      );
      expect(check.outcome).toBe('pass');
      expect(check.detail['applies']).toBe(applies);
    },
  );

  it('SANCTIONS.PARTIES fails for a blocked application (sample N01)', () => {
    const check = screeningCheck(sample('N01'), CHECK_CODES.SANCTIONS_PARTIES);
    expect(check.outcome).toBe('fail');
    // Both holding companies are blocked by ownership: their whole 60% + 40% count (look-through 55%).
    expect(check.detail).toMatchObject({
      result: 'blocked',
      blockedOwnershipPct: 100,
      lookThroughPct: 55,
      listSha256,
    });
    expect((check.detail['hits'] as { result: string }[]).map((h) => h.result)).toEqual([
      'blocked_by_ownership',
      'blocked_by_ownership',
      'match',
      'blocked_by_ownership',
      'match',
    ]);
  });

  it('SANCTIONS.PARTIES needs review for a potential match or a non-blocking match', () => {
    const potential = app();
    potential.governance.beneficialOwners[1]!.name = 'Lucia Orlov Santander';
    expect(screeningCheck(potential, CHECK_CODES.SANCTIONS_PARTIES).outcome).toBe('needs_review');
    const minority = app();
    minority.governance.beneficialOwners[1]!.name = 'Emil Vasquez-Dragomir';
    expect(screeningCheck(minority, CHECK_CODES.SANCTIONS_PARTIES)).toMatchObject({
      outcome: 'needs_review',
      detail: { result: 'review', blockedOwnershipPct: 40 },
    });
  });
});

describe('evaluateEsgChecks: which checks exist per category', () => {
  const codes = (category: EsCategory | null, input = app()): string[] =>
    esg(input, category).map((c) => c.code);
  const tailingsIp = (): ApplicationInput => {
    const input = app();
    input.environment.tailings = 'dry_stack';
    input.environment.tailingsConsequenceClass = 'low';
    return input;
  };

  it('A with Indigenous Peoples and a tailings facility: every check', () => {
    expect(codes('A', tailingsIp())).toEqual([
      'ESG.CATEGORY_CONFIRMED',
      'ESG.ESIA',
      'ESG.INDEPENDENT_REVIEW',
      'ESG.FPIC',
      'ESG.TAILINGS',
      'ESG.WATER',
      'TRANS.BENEFICIAL_OWNERSHIP',
      'TRANS.PEP',
      'TRANS.EITI',
      'TRANS.CONTRACTS',
      'TRANS.FEOC',
      'TRANS.ANNEX_II',
    ]);
  });

  it('B: no independent review; FPIC only with Indigenous Peoples', () => {
    expect(codes('B', tailingsIp())).toEqual([
      'ESG.CATEGORY_CONFIRMED',
      'ESG.ESIA',
      'ESG.FPIC',
      'ESG.TAILINGS',
      'ESG.WATER',
      'TRANS.BENEFICIAL_OWNERSHIP',
      'TRANS.PEP',
      'TRANS.EITI',
      'TRANS.CONTRACTS',
      'TRANS.FEOC',
      'TRANS.ANNEX_II',
    ]);
    expect(codes('B', quiet())).not.toContain('ESG.FPIC');
  });

  it.each(['C', 'FI', null] as const)(
    '%s: only the checks for all (and tailings when there is a facility)',
    (category) => {
      const all = [
        'ESG.CATEGORY_CONFIRMED',
        'ESG.WATER',
        'TRANS.BENEFICIAL_OWNERSHIP',
        'TRANS.PEP',
        'TRANS.EITI',
        'TRANS.FEOC',
        'TRANS.ANNEX_II',
      ];
      expect(codes(category)).toEqual(all);
      expect(codes(category, tailingsIp())).toEqual([...all.slice(0, 1), 'ESG.TAILINGS', ...all.slice(1)]);
    },
  );

  it('every ESG/TRANS check is automated and of stage esg_review', () => {
    for (const c of esg(tailingsIp(), 'A')) expect([c.stage, c.automated]).toEqual(['esg_review', true]);
  });
});

describe('evaluateEsgChecks: rules', () => {
  it('ESG.CATEGORY_CONFIRMED passes once a category is confirmed', () => {
    expect(esgCheck(app(), CHECK_CODES.ESG_CATEGORY_CONFIRMED, null).outcome).toBe('needs_review');
    expect(esgCheck(app(), CHECK_CODES.ESG_CATEGORY_CONFIRMED, 'C')).toMatchObject({
      outcome: 'pass',
      detail: { confirmedCategory: 'C' },
    });
  });

  it.each([
    ['completed', 'pass'],
    ['in_progress', 'needs_review'],
    ['not_started', 'fail'],
  ] as const)('ESG.ESIA %s → %s', (esiaStatus, outcome) => {
    const input = app();
    input.environment.esiaStatus = esiaStatus;
    expect(esgCheck(input, CHECK_CODES.ESG_ESIA, 'B').outcome).toBe(outcome);
  });

  it('ESG.INDEPENDENT_REVIEW passes with an independent E&S review attached', () => {
    expect(esgCheck(app(), CHECK_CODES.ESG_INDEPENDENT_REVIEW, 'A', ['esia']).outcome).toBe('needs_review');
    expect(esgCheck(app(), CHECK_CODES.ESG_INDEPENDENT_REVIEW, 'A', ['independent_es_review']).outcome).toBe(
      'pass',
    );
  });

  it.each([
    ['obtained', ['fpic_evidence'], 'pass'],
    ['obtained', [], 'fail'],
    ['in_progress', [], 'needs_review'],
    ['in_progress', ['fpic_evidence'], 'needs_review'],
    ['not_started', ['fpic_evidence'], 'fail'],
    ['not_required', [], 'fail'],
  ] as const)('ESG.FPIC %s with %j → %s', (fpicStatus, docs, outcome) => {
    const input = app();
    input.social.fpicStatus = fpicStatus;
    expect(esgCheck(input, CHECK_CODES.ESG_FPIC, 'A', [...docs]).outcome).toBe(outcome);
  });

  it.each([
    ['upstream', 'low', 'fail'],
    ['upstream', 'extreme', 'fail'],
    ['downstream', 'very_high', 'needs_review'],
    ['centerline', 'extreme', 'needs_review'],
    ['dry_stack', 'high', 'pass'],
    ['downstream', 'none', 'pass'],
  ] as const)('ESG.TAILINGS %s, consequence %s → %s', (tailings, cls, outcome) => {
    const input = app();
    input.environment.tailings = tailings;
    input.environment.tailingsConsequenceClass = cls;
    expect(esgCheck(input, CHECK_CODES.ESG_TAILINGS, 'A').outcome).toBe(outcome);
  });

  it.each([
    ['low', 'pass'],
    ['medium_high', 'pass'],
    ['high', 'needs_review'],
    ['extremely_high', 'needs_review'],
  ] as const)('ESG.WATER %s → %s', (waterStress, outcome) => {
    const input = app();
    input.environment.waterStress = waterStress;
    expect(esgCheck(input, CHECK_CODES.ESG_WATER, 'FI').outcome).toBe(outcome);
  });

  describe('TRANS.BENEFICIAL_OWNERSHIP', () => {
    const owners = (list: BeneficialOwner[]): ApplicationInput => {
      const input = app();
      input.governance.beneficialOwners = list;
      return input;
    };
    const person = (name: string, ownershipPct: number, isPep = false): BeneficialOwner => ({
      name,
      type: 'person',
      country: 'AR',
      ownershipPct,
      isPep,
    });
    const entity = (name: string, ownershipPct: number, sub?: BeneficialOwner[]): BeneficialOwner => ({
      name,
      type: 'entity',
      country: 'AR',
      ownershipPct,
      isPep: false,
      ...(sub ? { owners: sub } : {}),
    });
    const bo = (input: ApplicationInput, threshold?: number): AutomatedCheck =>
      byCode(esg(input, 'B', [], threshold), CHECK_CODES.TRANS_BENEFICIAL_OWNERSHIP);

    it('passes when the top level adds up to 100% and entities are broken down to persons (samples)', () => {
      for (const s of [...portfolio.applications, ...portfolio.negatives]) {
        expect([s.key, bo(s.input).outcome]).toEqual([s.key, 'pass']);
      }
    });

    it('needs review when the top level does not add up to 100%', () => {
      expect(bo(owners([person('A One', 60), person('B Two', 39.99)]))).toMatchObject({
        outcome: 'needs_review',
        detail: { topLevelPct: 99.99 },
      });
      expect(bo(owners([])).outcome).toBe('needs_review');
    });

    it('needs review when an entity at or above the threshold is not broken down to persons', () => {
      const check = bo(owners([entity('Opaque Holdco Ltd', 10), person('B Two', 90)]));
      expect(check.outcome).toBe('needs_review');
      expect(check.detail['unresolved']).toEqual([
        {
          name: 'Opaque Holdco Ltd',
          path: ['Opaque Holdco Ltd'],
          effectivePct: 10,
          problem: 'no_owners_declared',
        },
      ]);
      const partial = bo(owners([entity('Holdco Ltd', 50, [person('C', 80)]), person('B Two', 50)]));
      expect(partial.detail['unresolved']).toMatchObject([{ problem: 'owners_below_100' }]);
    });

    it('uses effective ownership at any depth and the BO_THRESHOLD_PCT parameter', () => {
      // 50% × 19.98% = 9.99% effective: below 10, not required to be broken down
      const input = owners([
        entity('Holdco Ltd', 50, [entity('Small Holdco Ltd', 19.98), person('C', 80.02)]),
        person('B Two', 50),
      ]);
      expect(bo(input).outcome).toBe('pass');
      expect(bo(input, 5)).toMatchObject({
        outcome: 'needs_review',
        detail: { boThresholdPct: 5, unresolved: [{ name: 'Small Holdco Ltd', effectivePct: 9.99 }] },
      });
    });

    it('TRANS.PEP needs review for a politically exposed owner at any percentage and depth (sample N03)', () => {
      const n03 = byCode(esg(sample('N03'), 'B'), CHECK_CODES.TRANS_PEP);
      expect(n03).toMatchObject({
        outcome: 'needs_review',
        detail: {
          peps: [{ name: 'Lidia Fontana de Cabrera', path: ['Lidia Fontana de Cabrera'], effectivePct: 8 }],
        },
      });
      const deep = owners([entity('Holdco Ltd', 100, [person('Tiny Pep', 0.5, true), person('C', 99.5)])]);
      expect(byCode(esg(deep, 'C'), CHECK_CODES.TRANS_PEP).outcome).toBe('needs_review');
      expect(byCode(esg(app(), 'C'), CHECK_CODES.TRANS_PEP)).toMatchObject({
        outcome: 'pass',
        detail: { peps: [] },
      });
    });
  });

  it.each([
    ['AR', true],
    ['CL', false],
    ['FR', null],
  ] as const)('TRANS.EITI is informational: %s eitiImplementing=%s', (country, eiti) => {
    const check = esgCheck(app({ country }), CHECK_CODES.TRANS_EITI, 'C');
    expect(check).toMatchObject({
      outcome: 'pass',
      detail: { eitiImplementing: eiti, countriesSha256: countries.sha256 },
    });
  });

  it.each([
    [true, true, 'pass'],
    [true, false, 'needs_review'],
    [false, true, 'needs_review'],
  ])(
    'TRANS.CONTRACTS contracts %s, payments %s → %s',
    (contractsDisclosed, paymentsToGovernmentsDisclosed, outcome) => {
      const input = app();
      input.governance.contractsDisclosed = contractsDisclosed;
      input.governance.paymentsToGovernmentsDisclosed = paymentsToGovernmentsDisclosed;
      expect(esgCheck(input, CHECK_CODES.TRANS_CONTRACTS, 'A').outcome).toBe(outcome);
    },
  );

  it('TRANS.ANNEX_II passes with the attestation, else needs review', () => {
    expect(esgCheck(app(), CHECK_CODES.TRANS_ANNEX_II, 'FI').outcome).toBe('pass');
    const input = app();
    input.governance.oecdAnnexIIAttestation = false;
    expect(esgCheck(input, CHECK_CODES.TRANS_ANNEX_II, 'FI').outcome).toBe('needs_review');
  });

  it('rejects an invalid BO_THRESHOLD_PCT', () => {
    expect(() => esg(app(), 'A', [], 0)).toThrow(DomainError);
    expect(() => esg(app(), 'A', [], 10.001)).toThrow(DomainError);
  });
});
