import * as E from '../../../lib/enums';
import { parseNumber } from '../../../lib/numbers';

/**
 * The application input of api.md as the sponsor's guided form sees it: every leaf field with its step,
 * kind and rule. Values are kept as typed (strings for numbers) so nothing the sponsor types is lost or
 * reformatted; `toInput` turns them into the API's JSON.
 */
export type FieldKind =
  | { type: 'text'; maxLength: number; multiline?: boolean }
  | { type: 'select'; group: string; options: readonly string[] }
  | { type: 'country' }
  | { type: 'boolean' }
  | { type: 'integer'; min: number; max: number; usd?: boolean }
  | { type: 'decimal'; min: number; max: number; decimals?: number }
  /** A ratio typed as 1.45 and sent in integer hundredths (145). */
  | { type: 'ratio'; min: number; max: number };

export interface FieldSpec {
  path: string;
  step: number;
  kind: FieldKind;
}

export const MAX_USD = 10_000_000_000_000;

export const STEPS = ['project', 'financing', 'environment', 'governance', 'documents', 'review'] as const;
export type StepName = (typeof STEPS)[number];

const select = (group: string, options: readonly string[]): FieldKind => ({ type: 'select', group, options });

export const FIELDS: readonly FieldSpec[] = [
  { path: 'applicantType', step: 0, kind: select('applicantType', E.APPLICANT_TYPES) },
  { path: 'title', step: 0, kind: { type: 'text', maxLength: 300 } },
  { path: 'summary', step: 0, kind: { type: 'text', maxLength: 10000, multiline: true } },
  { path: 'country', step: 0, kind: { type: 'country' } },
  { path: 'region', step: 0, kind: { type: 'text', maxLength: 300 } },
  { path: 'location.lat', step: 0, kind: { type: 'decimal', min: -90, max: 90, decimals: 6 } },
  { path: 'location.lon', step: 0, kind: { type: 'decimal', min: -180, max: 180, decimals: 6 } },
  { path: 'mineral', step: 0, kind: select('mineral', E.MINERALS) },
  { path: 'valueChainSegment', step: 0, kind: select('valueChainSegment', E.VALUE_CHAIN_SEGMENTS) },
  { path: 'projectPhase', step: 0, kind: select('projectPhase', E.PROJECT_PHASES) },
  { path: 'technologyMaturity', step: 0, kind: select('technologyMaturity', E.TECHNOLOGY_MATURITIES) },
  { path: 'capexUsd', step: 1, kind: { type: 'integer', min: 1, max: MAX_USD, usd: true } },
  { path: 'requestedAmountUsd', step: 1, kind: { type: 'integer', min: 1, max: MAX_USD, usd: true } },
  { path: 'instrument', step: 1, kind: select('instrument', E.INSTRUMENTS) },
  { path: 'tenorYears', step: 1, kind: { type: 'integer', min: 1, max: 30 } },
  { path: 'fxExposure', step: 1, kind: select('fxExposure', E.FX_EXPOSURES) },
  { path: 'sponsor.profile', step: 1, kind: select('sponsorProfile', E.SPONSOR_PROFILES) },
  { path: 'sponsor.equityPct', step: 1, kind: { type: 'decimal', min: 0, max: 100, decimals: 2 } },
  { path: 'sponsor.baseCaseDscr', step: 1, kind: { type: 'ratio', min: 0, max: 10 } },
  { path: 'environment.waterStress', step: 2, kind: select('waterStress', E.WATER_STRESS_LEVELS) },
  { path: 'environment.tailings', step: 2, kind: select('tailings', E.TAILINGS_METHODS) },
  {
    path: 'environment.tailingsConsequenceClass',
    step: 2,
    kind: select('tailingsConsequenceClass', E.TAILINGS_CONSEQUENCE_CLASSES),
  },
  { path: 'environment.criticalHabitat', step: 2, kind: { type: 'boolean' } },
  { path: 'environment.protectedAreaOverlap', step: 2, kind: { type: 'boolean' } },
  { path: 'environment.esiaStatus', step: 2, kind: select('esiaStatus', E.ESIA_STATUSES) },
  {
    path: 'environment.ghgScope12TonnesPerYear',
    step: 2,
    kind: { type: 'decimal', min: 0, max: 1e12, decimals: 2 },
  },
  { path: 'social.indigenousPeoplesPresent', step: 2, kind: { type: 'boolean' } },
  { path: 'social.fpicStatus', step: 2, kind: select('fpicStatus', E.FPIC_STATUSES) },
  {
    path: 'social.physicalResettlementHouseholds',
    step: 2,
    kind: { type: 'integer', min: 0, max: 10_000_000 },
  },
  {
    path: 'social.economicDisplacementHouseholds',
    step: 2,
    kind: { type: 'integer', min: 0, max: 10_000_000 },
  },
  { path: 'social.activeConflict', step: 2, kind: { type: 'boolean' } },
  { path: 'governance.contractsDisclosed', step: 3, kind: { type: 'boolean' } },
  { path: 'governance.paymentsToGovernmentsDisclosed', step: 3, kind: { type: 'boolean' } },
  { path: 'governance.adverseMedia', step: 3, kind: { type: 'boolean' } },
  {
    path: 'governance.antiCorruptionProgram',
    step: 3,
    kind: select('antiCorruptionProgram', E.ANTI_CORRUPTION_PROGRAMS),
  },
  { path: 'governance.oecdAnnexIIAttestation', step: 3, kind: { type: 'boolean' } },
];

export const OWNERS_PATH = 'governance.beneficialOwners';
export const OWNERS_STEP = 3;

/** A value as the form holds it: text for text and numbers, a boolean, or unset. */
export type FieldValue = string | boolean | null;
export type FormValues = Record<string, FieldValue>;

export interface OwnerDraft {
  key: string;
  name: string;
  type: 'person' | 'entity';
  country: string;
  ownershipPct: string;
  isPep: boolean;
  stateOwned: boolean;
  owners: OwnerDraft[];
}

let ownerKeys = 0;
export function newOwner(partial: Partial<OwnerDraft> = {}): OwnerDraft {
  ownerKeys += 1;
  return {
    key: `owner-${ownerKeys}`,
    name: '',
    type: 'person',
    country: '',
    ownershipPct: '',
    isPep: false,
    stateOwned: false,
    owners: [],
    ...partial,
  };
}

function at(input: unknown, path: string): unknown {
  let value: unknown = input;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The form's values from an application (view or input): numbers shown as typed text, ratios as 1.45. */
export function fromInput(input: unknown): { values: FormValues; owners: OwnerDraft[] } {
  const values: FormValues = {};
  for (const field of FIELDS) {
    const value = at(input, field.path);
    if (value === undefined || value === null) values[field.path] = field.kind.type === 'boolean' ? null : '';
    else if (field.kind.type === 'ratio' && typeof value === 'number')
      values[field.path] = String(value / 100);
    else if (typeof value === 'number') values[field.path] = String(value);
    else values[field.path] = value as FieldValue;
  }
  const owners = Array.isArray(at(input, OWNERS_PATH))
    ? (at(input, OWNERS_PATH) as unknown[]).map(ownerFrom)
    : [];
  return { values, owners };
}

function ownerFrom(raw: unknown): OwnerDraft {
  const owner = (raw ?? {}) as Record<string, unknown>;
  return newOwner({
    name: typeof owner.name === 'string' ? owner.name : '',
    type: owner.type === 'entity' ? 'entity' : 'person',
    country: typeof owner.country === 'string' ? owner.country : '',
    ownershipPct: typeof owner.ownershipPct === 'number' ? String(owner.ownershipPct) : '',
    isPep: owner.isPep === true,
    stateOwned: owner.stateOwned === true,
    owners: Array.isArray(owner.owners) ? owner.owners.map(ownerFrom) : [],
  });
}

export { parseNumber };

export interface Problem {
  key: string;
  params?: Record<string, string | number>;
}

/** The rule of one field, as a translation key (the message is in the sponsor's language). */
export function checkField(field: FieldSpec, value: FieldValue, required: boolean): Problem | null {
  const empty = value === null || value === '' || (typeof value === 'string' && value.trim() === '');
  if (empty) return required ? { key: 'validation.required' } : null;
  const kind = field.kind;
  switch (kind.type) {
    case 'text':
      return typeof value === 'string' && value.length > kind.maxLength
        ? { key: 'validation.tooLong', params: { max: kind.maxLength } }
        : null;
    case 'select':
      return kind.options.includes(String(value)) ? null : { key: 'validation.choose' };
    case 'country':
      return /^[A-Z]{2}$/.test(String(value)) ? null : { key: 'validation.choose' };
    case 'boolean':
      return typeof value === 'boolean' ? null : { key: 'validation.choose' };
    case 'integer': {
      const number = parseNumber(String(value));
      if (number === undefined || !Number.isInteger(number)) return { key: 'validation.wholeNumber' };
      return number < kind.min || number > kind.max
        ? { key: 'validation.between', params: { min: kind.min, max: kind.max } }
        : null;
    }
    case 'decimal':
    case 'ratio': {
      const number = parseNumber(String(value));
      if (number === undefined) return { key: 'validation.number' };
      const decimals = kind.type === 'ratio' ? 2 : (kind.decimals ?? 2);
      const fraction = String(value).trim().split('.')[1] ?? '';
      if (fraction.length > decimals) return { key: 'validation.decimals', params: { decimals } };
      return number < kind.min || number > kind.max
        ? { key: 'validation.between', params: { min: kind.min, max: kind.max } }
        : null;
    }
  }
}

/** Problems of the ownership tree, keyed like the API's (`governance.beneficialOwners[0].name`). */
export function checkOwners(
  owners: OwnerDraft[],
  required: boolean,
  prefix = OWNERS_PATH,
): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  if (required && prefix === OWNERS_PATH && owners.length === 0)
    problems[OWNERS_PATH] = { key: 'validation.ownersRequired' };
  let sum = 0;
  owners.forEach((owner, index) => {
    const base = `${prefix}[${index}]`;
    if (owner.name.trim() === '') problems[`${base}.name`] = { key: 'validation.required' };
    if (!/^[A-Z]{2}$/.test(owner.country)) problems[`${base}.country`] = { key: 'validation.choose' };
    const pct = parseNumber(owner.ownershipPct);
    const fraction = owner.ownershipPct.trim().split('.')[1] ?? '';
    if (pct === undefined || pct < 0 || pct > 100 || fraction.length > 2)
      problems[`${base}.ownershipPct`] = { key: 'validation.percent' };
    else sum += Math.round(pct * 100);
    if (owner.type === 'entity') Object.assign(problems, checkOwners(owner.owners, false, `${base}.owners`));
  });
  if (sum > 10_000) problems[prefix] = { key: 'validation.ownersSum' };
  return problems;
}

/** Every problem of the form: for a partial save only invalid values, for submission also missing ones. */
export function checkForm(
  values: FormValues,
  owners: OwnerDraft[],
  required: boolean,
): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  for (const field of FIELDS) {
    const problem = checkField(field, values[field.path] ?? null, required);
    if (problem) problems[field.path] = problem;
  }
  return { ...problems, ...checkOwners(owners, required) };
}

/** The step a problem's path belongs to (for "go to step" links). */
export function stepOf(path: string): number {
  if (path.startsWith(OWNERS_PATH)) return OWNERS_STEP;
  return FIELDS.find((field) => field.path === path)?.step ?? 0;
}

function ownerToInput(owner: OwnerDraft): Record<string, unknown> {
  return {
    name: owner.name.trim(),
    type: owner.type,
    country: owner.country,
    ownershipPct: parseNumber(owner.ownershipPct),
    isPep: owner.isPep,
    ...(owner.stateOwned ? { stateOwned: true } : {}),
    ...(owner.type === 'entity' && owner.owners.length > 0 ? { owners: owner.owners.map(ownerToInput) } : {}),
  };
}

function ownersKey(owners: OwnerDraft[]): string {
  const strip = (list: OwnerDraft[]): unknown =>
    list.map(({ key: _key, owners: nested, ...rest }) => ({ ...rest, owners: strip(nested) }));
  return JSON.stringify(strip(owners));
}

/**
 * The JSON merge patch from what was last saved to what the form holds now: changed fields with a valid
 * value are sent, emptied ones as `null` (removed); fields with an invalid value wait (their rule says why).
 * Without `saved` (a new draft) every valid value is sent.
 */
export function toPatch(
  values: FormValues,
  owners: OwnerDraft[],
  saved?: { values: FormValues; owners: OwnerDraft[] },
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const put = (path: string, value: unknown) => {
    const keys = path.split('.');
    let target = input;
    for (const key of keys.slice(0, -1)) {
      target[key] ??= {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys[keys.length - 1]] = value;
  };
  const changed = (path: string) => !saved || (saved.values[path] ?? null) !== (values[path] ?? null);
  const locationChanged = changed('location.lat') || changed('location.lon');
  for (const field of FIELDS) {
    const isLocation = field.path.startsWith('location.');
    if (isLocation ? !locationChanged : !changed(field.path)) continue;
    const value = values[field.path] ?? null;
    const empty = value === null || (typeof value === 'string' && value.trim() === '');
    if (empty) {
      if (saved && !isLocation) put(field.path, null);
      continue;
    }
    if (checkField(field, value, false)) continue;
    switch (field.kind.type) {
      case 'integer':
      case 'decimal':
        put(field.path, parseNumber(String(value)));
        break;
      case 'ratio':
        put(field.path, Math.round((parseNumber(String(value)) as number) * 100));
        break;
      case 'text':
        put(field.path, String(value).trim());
        break;
      default:
        put(field.path, value);
    }
  }
  // location is one object in the API: both halves together, or removed when both are emptied.
  const location = input.location as Record<string, unknown> | undefined;
  if (location && (location.lat === undefined || location.lon === undefined)) delete input.location;
  if (saved && locationChanged && !location) {
    const lat = values['location.lat'];
    const lon = values['location.lon'];
    if ((lat === '' || lat === null) && (lon === '' || lon === null)) input.location = null;
  }
  if (!saved || ownersKey(saved.owners) !== ownersKey(owners)) {
    if (owners.length === 0) {
      if (saved) put(OWNERS_PATH, null);
    } else if (Object.keys(checkOwners(owners, false)).length === 0) {
      put(OWNERS_PATH, owners.map(ownerToInput));
    }
  }
  return input;
}
