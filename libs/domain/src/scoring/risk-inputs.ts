import type {
  ApplicationInput,
  BeneficialOwner,
  FinancingStructure,
  Mitigant,
} from '../application/application-input.js';
import { toHundredths } from '../application/application-input.js';
import { canonicalHash, canonicalJson } from '../canonical/canonical-json.js';
import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';
import type { ScoringModelParams } from './scoring-model.js';

/** The reference values the model reads for the application's country (countries.json). */
export interface ScoringReferenceValues {
  /** OECD country risk class 0–7; `null` when the OECD does not classify (high-income). */
  oecdCrc: number | null;
  eitiImplementing: boolean;
}

/**
 * A mitigant as the model reads it: `provider` dropped, percentages in basis points
 * (hundredths of a percent, 60% = 6000), `covers` sorted and de-duplicated, absent flags false.
 */
export interface RiskMitigant {
  type: string;
  coverageBp: number | null;
  pctBp: number | null;
  covers: string[];
  buyerInvestmentGrade: boolean;
  floorPrice: boolean;
}

/**
 * Exactly the inputs FORGE-RRS reads, and nothing else: their SHA-256 is the assessment's
 * `inputsHash`, so a change to any other application field does not make an assessment stale.
 * Percentages are in basis points; `baseCaseDscr` in hundredths (1.45x = 145).
 */
export interface RiskInputs {
  country: string;
  reference: ScoringReferenceValues;
  mineral: string;
  projectPhase: string;
  technologyMaturity: string;
  fxExposure: string;
  sponsor: { profile: string; equityBp: number; baseCaseDscr: number };
  environment: {
    waterStress: string;
    tailings: string;
    tailingsConsequenceClass: string;
    criticalHabitat: boolean;
    protectedAreaOverlap: boolean;
  };
  social: {
    indigenousPeoplesPresent: boolean;
    physicalResettlementHouseholds: number;
    economicDisplacementHouseholds: number;
    activeConflict: boolean;
  };
  governance: {
    /** Sum of the top-level owners' `ownershipPct`, in basis points. */
    declaredOwnershipBp: number;
    /** A politically exposed person at any depth of the ownership tree. */
    anyPep: boolean;
    contractsDisclosed: boolean;
    paymentsToGovernmentsDisclosed: boolean;
    adverseMedia: boolean;
  };
  /** The financing structure's mitigants in canonical order; `null` when no structure is recorded. */
  mitigants: RiskMitigant[] | null;
  /**
   * Models with an evidence rule (FORGE-RRS 1.1.0 on) only: the mitigant types of the structure
   * that are evidenced (a document of the type's evidence kind is attached), sorted. Part of
   * the inputs, so attaching such a document makes an assessment stale. Absent under 1.0.0, so
   * 1.0.0 inputs (and their hashes) are exactly what they always were.
   */
  evidencedMitigants?: string[];
}

/** What `extractRiskInputs` needs beyond the application for a model with an evidence rule. */
export interface RiskEvidenceOptions {
  /** The model the inputs are for: its `mitigantEvidence` (if any) decides what is read. */
  params?: Pick<ScoringModelParams, 'version' | 'mitigantEvidence'>;
  /** Kinds of the documents attached to the application (required when the model has an evidence rule). */
  documentKinds?: readonly string[];
}

/**
 * The mitigant types of `mitigants` whose evidence kind is among `documentKinds`, sorted and
 * de-duplicated: the `evidencedMitigants` of scoring.md 1.1.0.
 */
export function evidencedMitigantTypes(
  mitigants: readonly { type: string }[] | null,
  documentKinds: readonly string[],
  mitigantEvidence: { readonly [mitigantType: string]: string },
): string[] {
  const attached = new Set(documentKinds);
  const types = new Set<string>();
  for (const m of mitigants ?? []) {
    const kind = Object.hasOwn(mitigantEvidence, m.type) ? mitigantEvidence[m.type] : undefined;
    if (kind !== undefined && attached.has(kind)) types.add(m.type);
  }
  return [...types].sort(compareStrings);
}

const INVALID = 'SCORING.INVALID_INPUTS';

/**
 * Picks the fields FORGE-RRS reads out of an application, its financing structure (or `null`)
 * and the reference values of its country. `reference` `null`/`undefined` means the country is
 * not in the reference data: such an application can never be scored → `SCORING.INVALID_INPUTS`.
 *
 * For a model with an evidence rule (`options.params.mitigantEvidence`, FORGE-RRS 1.1.0 on) the
 * inputs also carry `evidencedMitigants`, computed from `options.documentKinds` (required then).
 * Without such a model the inputs are exactly the 1.0.0 inputs.
 */
export function extractRiskInputs(
  input: ApplicationInput,
  financing: FinancingStructure | null,
  reference: ScoringReferenceValues | null | undefined,
  options: RiskEvidenceOptions = {},
): RiskInputs {
  const problems: DomainErrorDetail[] = [];
  if (reference === null || reference === undefined) {
    throw new DomainError(INVALID, `no reference data for country ${String(input.country)}`, [
      { field: 'country', message: `country ${String(input.country)} is not in the reference data` },
    ]);
  }
  const owners = Array.isArray(input.governance?.beneficialOwners) ? input.governance.beneficialOwners : [];
  const riskInputs: RiskInputs = {
    country: input.country,
    reference: { oecdCrc: reference.oecdCrc, eitiImplementing: reference.eitiImplementing },
    mineral: input.mineral,
    projectPhase: input.projectPhase,
    technologyMaturity: input.technologyMaturity,
    fxExposure: input.fxExposure,
    sponsor: {
      profile: input.sponsor?.profile,
      equityBp: percentToBp(input.sponsor?.equityPct, 'sponsor.equityPct', problems),
      baseCaseDscr: input.sponsor?.baseCaseDscr,
    },
    environment: {
      waterStress: input.environment?.waterStress,
      tailings: input.environment?.tailings,
      tailingsConsequenceClass: input.environment?.tailingsConsequenceClass,
      criticalHabitat: input.environment?.criticalHabitat,
      protectedAreaOverlap: input.environment?.protectedAreaOverlap,
    },
    social: {
      indigenousPeoplesPresent: input.social?.indigenousPeoplesPresent,
      physicalResettlementHouseholds: input.social?.physicalResettlementHouseholds,
      economicDisplacementHouseholds: input.social?.economicDisplacementHouseholds,
      activeConflict: input.social?.activeConflict,
    },
    governance: {
      declaredOwnershipBp: owners.reduce(
        (sum, owner, i) =>
          sum + percentToBp(owner.ownershipPct, `governance.beneficialOwners[${i}].ownershipPct`, problems),
        0,
      ),
      anyPep: owners.some(hasPep),
      contractsDisclosed: input.governance?.contractsDisclosed,
      paymentsToGovernmentsDisclosed: input.governance?.paymentsToGovernmentsDisclosed,
      adverseMedia: input.governance?.adverseMedia,
    },
    mitigants:
      financing === null
        ? null
        : (Array.isArray(financing.mitigants) ? financing.mitigants : [])
            .map((m, i) => normaliseMitigant(m, i, problems))
            .map((m) => ({ m, key: mitigantKey(m) }))
            .sort((a, b) => compareStrings(a.key, b.key))
            .map(({ m }) => m),
  };
  const evidence = options.params?.mitigantEvidence;
  if (evidence !== undefined) {
    if (options.documentKinds === undefined) {
      throw new DomainError(
        INVALID,
        `FORGE-RRS ${options.params?.version ?? ''} credits only evidenced mitigants: the attached document kinds are needed`,
        [{ field: 'documentKinds', message: 'required by a model with an evidence rule' }],
      );
    }
    riskInputs.evidencedMitigants = evidencedMitigantTypes(
      riskInputs.mitigants,
      options.documentKinds,
      evidence,
    );
  }
  if (problems.length > 0) throw new DomainError(INVALID, 'the application cannot be scored', problems);
  assertRiskInputs(riskInputs);
  return riskInputs;
}

/** SHA-256 (hex) of the RFC 8785 canonical JSON of the risk inputs (mitigants in canonical order). */
export function inputsHash(riskInputs: RiskInputs): string {
  return canonicalHash(normaliseRiskInputs(riskInputs));
}

/**
 * The same inputs with mitigants (and each mitigant's `covers`) in canonical order, so neither
 * the order mitigants were entered in nor object key order changes the result or its hash.
 */
export function normaliseRiskInputs(riskInputs: RiskInputs): RiskInputs {
  const evidenced =
    riskInputs.evidencedMitigants === undefined
      ? {}
      : { evidencedMitigants: [...new Set(riskInputs.evidencedMitigants)].sort(compareStrings) };
  if (riskInputs.mitigants === null) {
    return riskInputs.evidencedMitigants === undefined ? riskInputs : { ...riskInputs, ...evidenced };
  }
  const mitigants = sortMitigants(
    riskInputs.mitigants.map((m) => ({ ...m, covers: [...new Set(m.covers)].sort(compareStrings) })),
  );
  return { ...riskInputs, mitigants, ...evidenced };
}

/**
 * Checks that stored or hand-made risk inputs have the types and ranges the model needs
 * (a replayed record is not trusted blindly). Enumerations are checked by the rubrics themselves.
 */
export function assertRiskInputs(inputs: RiskInputs): void {
  const problems: DomainErrorDetail[] = [];
  const check = (ok: boolean, field: string, message: string): void => {
    if (!ok) problems.push({ field, message });
  };
  const isString = (v: unknown): boolean => typeof v === 'string' && v.length > 0;
  const isBool = (v: unknown): boolean => typeof v === 'boolean';
  const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  const isBp = (v: unknown): boolean => isCount(v) && v <= 10000;

  if (inputs === null || typeof inputs !== 'object') {
    throw new DomainError(INVALID, 'risk inputs must be an object');
  }
  const { reference, sponsor, environment, social, governance } = inputs;
  for (const [name, section] of Object.entries({ reference, sponsor, environment, social, governance })) {
    if (section === null || typeof section !== 'object') {
      throw new DomainError(INVALID, `risk inputs lack ${name}`, [{ field: name, message: 'required' }]);
    }
  }
  check(isString(inputs.country), 'country', 'a country code');
  check(
    reference.oecdCrc === null || isCount(reference.oecdCrc),
    'reference.oecdCrc',
    'an integer class or null',
  );
  check(isBool(reference.eitiImplementing), 'reference.eitiImplementing', 'a boolean');
  for (const field of ['mineral', 'projectPhase', 'technologyMaturity', 'fxExposure'] as const) {
    check(isString(inputs[field]), field, 'required');
  }
  check(isString(sponsor.profile), 'sponsor.profile', 'required');
  check(isBp(sponsor.equityBp), 'sponsor.equityBp', 'basis points 0–10000');
  check(
    isCount(sponsor.baseCaseDscr) && sponsor.baseCaseDscr <= 1000,
    'sponsor.baseCaseDscr',
    'integer hundredths 0–1000',
  );
  for (const field of ['waterStress', 'tailings', 'tailingsConsequenceClass'] as const) {
    check(isString(environment[field]), `environment.${field}`, 'required');
  }
  for (const field of ['criticalHabitat', 'protectedAreaOverlap'] as const) {
    check(isBool(environment[field]), `environment.${field}`, 'a boolean');
  }
  for (const field of ['indigenousPeoplesPresent', 'activeConflict'] as const) {
    check(isBool(social[field]), `social.${field}`, 'a boolean');
  }
  for (const field of ['physicalResettlementHouseholds', 'economicDisplacementHouseholds'] as const) {
    check(isCount(social[field]), `social.${field}`, 'a non-negative integer');
  }
  check(
    isBp(governance.declaredOwnershipBp),
    'governance.declaredOwnershipBp',
    'top-level owners sum to ≤ 100%',
  );
  for (const field of [
    'anyPep',
    'contractsDisclosed',
    'paymentsToGovernmentsDisclosed',
    'adverseMedia',
  ] as const) {
    check(isBool(governance[field]), `governance.${field}`, 'a boolean');
  }
  if (inputs.mitigants !== null) {
    if (!Array.isArray(inputs.mitigants)) {
      problems.push({ field: 'mitigants', message: 'an array or null' });
    } else {
      inputs.mitigants.forEach((m, i) => {
        const at = `mitigants[${i}]`;
        check(m !== null && typeof m === 'object', at, 'an object');
        if (m === null || typeof m !== 'object') return;
        check(isString(m.type), `${at}.type`, 'required');
        check(
          m.coverageBp === null || isBp(m.coverageBp),
          `${at}.coverageBp`,
          'basis points 0–10000 or null',
        );
        check(m.pctBp === null || isBp(m.pctBp), `${at}.pctBp`, 'basis points 0–10000 or null');
        check(
          Array.isArray(m.covers) && m.covers.every((c) => typeof c === 'string'),
          `${at}.covers`,
          'an array of strings',
        );
        check(isBool(m.buyerInvestmentGrade), `${at}.buyerInvestmentGrade`, 'a boolean');
        check(isBool(m.floorPrice), `${at}.floorPrice`, 'a boolean');
      });
    }
  }
  if (inputs.evidencedMitigants !== undefined) {
    check(
      Array.isArray(inputs.evidencedMitigants) &&
        inputs.evidencedMitigants.every((t) => typeof t === 'string' && t.length > 0),
      'evidencedMitigants',
      'an array of mitigant types',
    );
  }
  if (problems.length > 0) throw new DomainError(INVALID, 'the risk inputs cannot be scored', problems);
}

function normaliseMitigant(m: Mitigant, index: number, problems: DomainErrorDetail[]): RiskMitigant {
  const at = `financing.mitigants[${index}]`;
  if (m === null || typeof m !== 'object') {
    problems.push({ field: at, message: 'a mitigant object' });
    return {
      type: '',
      coverageBp: null,
      pctBp: null,
      covers: [],
      buyerInvestmentGrade: false,
      floorPrice: false,
    };
  }
  const covers = m.covers === undefined ? [] : m.covers;
  if (!Array.isArray(covers) || covers.some((c) => typeof c !== 'string')) {
    problems.push({ field: `${at}.covers`, message: 'an array of strings' });
  }
  for (const flag of ['buyerInvestmentGrade', 'floorPrice'] as const) {
    if (m[flag] !== undefined && typeof m[flag] !== 'boolean') {
      problems.push({ field: `${at}.${flag}`, message: 'a boolean' });
    }
  }
  return {
    type: m.type,
    coverageBp:
      m.coveragePct === undefined ? null : percentToBp(m.coveragePct, `${at}.coveragePct`, problems),
    pctBp: m.pct === undefined ? null : percentToBp(m.pct, `${at}.pct`, problems),
    covers: Array.isArray(covers) ? [...new Set(covers)].sort(compareStrings) : [],
    buyerInvestmentGrade: m.buyerInvestmentGrade === true,
    floorPrice: m.floorPrice === true,
  };
}

function percentToBp(value: unknown, field: string, problems: DomainErrorDetail[]): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
    problems.push({ field, message: 'a percentage 0–100' });
    return 0;
  }
  return toHundredths(value);
}

function hasPep(owner: BeneficialOwner): boolean {
  return owner.isPep === true || (Array.isArray(owner.owners) && owner.owners.some(hasPep));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Canonical mitigant order: by type, then by the canonical JSON of the normalised mitigant
 * (each key computed once).
 */
function sortMitigants(mitigants: RiskMitigant[]): RiskMitigant[] {
  if (mitigants.length < 2) return mitigants;
  return mitigants
    .map((m) => ({ m, key: mitigantKey(m) }))
    .sort((a, b) => compareStrings(a.key, b.key))
    .map(({ m }) => m);
}

function mitigantKey(m: RiskMitigant): string {
  return `${m.type}\u0000${canonicalJson(m)}`;
}
