import {
  ANTI_CORRUPTION_PROGRAMS,
  APPLICANT_TYPES,
  ESIA_STATUSES,
  FPIC_STATUSES,
  FX_EXPOSURES,
  INSTRUMENTS,
  MINERALS,
  PROJECT_PHASES,
  SPONSOR_PROFILES,
  TAILINGS_CONSEQUENCE_CLASSES,
  TAILINGS_METHODS,
  TECHNOLOGY_MATURITIES,
  VALUE_CHAIN_SEGMENTS,
  WATER_STRESS_LEVELS,
  type ApplicationInput,
} from '../application/application-input.js';
import { exactHundredths, validateOwnershipTree, type FieldProblem } from '../application/ownership-tree.js';
import { isRecord } from '../canonical/json.js';

type DeepPartial<T> = T extends readonly (infer E)[]
  ? readonly DeepPartial<E>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A draft: any part of the application input may be missing (`Partial<ApplicationInput>` fits). */
export type DraftApplicationInput = DeepPartial<ApplicationInput>;

/** api.md: money amounts are positive integers up to 10¹³ US dollars. */
export const MAX_USD = 10_000_000_000_000;

type Check = (value: unknown) => string | null;

const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `must be one of ${values.join(', ')}`;
const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : 'must be a non-empty text');
const bool: Check = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
const country: Check = (v) =>
  typeof v === 'string' && /^[A-Z]{2}$/.test(v) ? null : 'must be an upper-case ISO 3166-1 alpha-2 code';
const intRange =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? null
      : `must be an integer from ${min} to ${max}`;
const numRange =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
      ? null
      : `must be a number from ${min} to ${max}`;
const pct: Check = (v) => {
  const h = exactHundredths(v);
  return h !== null && h <= 10_000 ? null : 'must be a number from 0 to 100 with at most two decimals';
};
const nonNegativeInt: Check = (v) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? null : 'must be a non-negative integer';
const nonNegative: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : 'must be a non-negative number';

/** Every leaf field of the application input with its rule, in api.md order. */
const FIELDS: readonly (readonly [string, Check])[] = [
  ['applicantType', oneOf(APPLICANT_TYPES)],
  ['title', text],
  ['summary', text],
  ['country', country],
  ['region', text],
  ['location.lat', numRange(-90, 90)],
  ['location.lon', numRange(-180, 180)],
  ['mineral', oneOf(MINERALS)],
  ['valueChainSegment', oneOf(VALUE_CHAIN_SEGMENTS)],
  ['projectPhase', oneOf(PROJECT_PHASES)],
  ['technologyMaturity', oneOf(TECHNOLOGY_MATURITIES)],
  ['capexUsd', intRange(1, MAX_USD)],
  ['requestedAmountUsd', intRange(1, MAX_USD)],
  ['instrument', oneOf(INSTRUMENTS)],
  ['tenorYears', intRange(1, 30)],
  ['fxExposure', oneOf(FX_EXPOSURES)],
  ['sponsor.profile', oneOf(SPONSOR_PROFILES)],
  ['sponsor.equityPct', pct],
  ['sponsor.baseCaseDscr', intRange(0, 1000)],
  ['environment.waterStress', oneOf(WATER_STRESS_LEVELS)],
  ['environment.tailings', oneOf(TAILINGS_METHODS)],
  ['environment.tailingsConsequenceClass', oneOf(TAILINGS_CONSEQUENCE_CLASSES)],
  ['environment.criticalHabitat', bool],
  ['environment.protectedAreaOverlap', bool],
  ['environment.esiaStatus', oneOf(ESIA_STATUSES)],
  ['environment.ghgScope12TonnesPerYear', nonNegative],
  ['social.indigenousPeoplesPresent', bool],
  ['social.fpicStatus', oneOf(FPIC_STATUSES)],
  ['social.physicalResettlementHouseholds', nonNegativeInt],
  ['social.economicDisplacementHouseholds', nonNegativeInt],
  ['social.activeConflict', bool],
  ['governance.beneficialOwners', () => null], // checked below as a tree
  ['governance.contractsDisclosed', bool],
  ['governance.paymentsToGovernmentsDisclosed', bool],
  ['governance.adverseMedia', bool],
  ['governance.antiCorruptionProgram', oneOf(ANTI_CORRUPTION_PROGRAMS)],
  ['governance.oecdAnnexIIAttestation', bool],
];

/** Every leaf path of the application input (api.md), e.g. `environment.waterStress`. */
export const APPLICATION_INPUT_FIELDS: readonly string[] = FIELDS.map(([path]) => path);

function at(input: unknown, path: string): unknown {
  let value: unknown = input;
  for (const key of path.split('.')) {
    if (!isRecord(value)) return undefined;
    value = value[key];
  }
  return value;
}

/**
 * What stands between a draft and `submit`: every mandatory field that is missing (`is required`)
 * or invalid, with dotted paths (`sponsor.equityPct`, `governance.beneficialOwners[0].name`),
 * in api.md order. Every field of the application input is mandatory at submit; at least one
 * beneficial owner is required. Empty when the draft can be submitted. Cross-field business
 * rules (ticket size, capex) are checks (checks.md), not validation.
 */
export function validateDraftForSubmit(input: DraftApplicationInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [path, check] of FIELDS) {
    const value = at(input, path);
    if (value === undefined || value === null) {
      problems.push({ field: path, message: 'is required' });
      continue;
    }
    if (path === 'governance.beneficialOwners') {
      if (!Array.isArray(value)) problems.push({ field: path, message: 'must be a list of owners' });
      else if (value.length === 0)
        problems.push({ field: path, message: 'at least one beneficial owner is required' });
      else problems.push(...validateOwnershipTree(value, path));
      continue;
    }
    const message = check(value);
    if (message !== null) problems.push({ field: path, message });
  }
  return problems;
}

/**
 * The stored input of an application as the readers past `draft` take it (screening, scoring, the IC pack): the
 * submit guard let it out of `draft` only when `validateDraftForSubmit` found nothing, and no later command makes
 * it partial again. The one place that says so; a reader that may still meet a draft checks the fields it reads
 * (`extractRiskInputs` answers SCORING.INVALID_INPUTS, the screening reads only the governance tree).
 */
export function asSubmittedInput(input: DraftApplicationInput): ApplicationInput {
  return input as ApplicationInput;
}
