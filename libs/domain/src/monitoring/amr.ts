import type { FieldProblem } from '../application/ownership-tree.js';
import { exactHundredths } from '../application/ownership-tree.js';
import { isRecord } from '../canonical/json.js';
import { isOneOf } from '../canonical/one-of.js';
import { DomainError } from '../errors/domain-error.js';
import { isIsoDate, isoDateOf, parseInstant } from '../deadlines/time.js';
import { checkInt } from './monitoring-validation.js';

/**
 * monitoring.md "Annual monitoring and covenants": each financed project owes an annual
 * monitoring report (AMR) by a due date: a document plus these figures.
 */
export interface AmrFigures {
  /** The reported year (the fiscal year = the calendar year). */
  year: number;
  /** Actual debt-service coverage ratio, integer hundredths (1.18x = 118), 0–1000 as the input's. */
  dscrActual: number;
  fatalities: number;
  /** Lost-time injury frequency rate, integer hundredths. */
  lostTimeInjuryFrequency: number;
  waterWithdrawalM3: number;
  ghgScope12Tonnes: number;
  grievancesReceived: number;
  grievancesResolved: number;
  /** Percent with at most two decimals, 0–100 (as the application input's percentages). */
  localEmploymentPct: number;
  localProcurementPct: number;
}

export const AMR_FIGURE_FIELDS = [
  'year',
  'dscrActual',
  'fatalities',
  'lostTimeInjuryFrequency',
  'waterWithdrawalM3',
  'ghgScope12Tonnes',
  'grievancesReceived',
  'grievancesResolved',
  'localEmploymentPct',
  'localProcurementPct',
] as const;

const MAX_COUNT = 1_000_000_000_000;

/**
 * A report's figures read from untrusted JSON, with every problem: every field present; `year` from 2000 to 2100;
 * `dscrActual` 0–1000 hundredths (the input's range); counts and quantities non-negative integers; percentages
 * 0–100 with at most two decimals; unknown fields refused. `figures` is null when the input is not an object, and
 * holds 0 for a field with a problem.
 */
function readAmrFigures(raw: unknown): { figures: AmrFigures | null; problems: FieldProblem[] } {
  if (!isRecord(raw))
    return { figures: null, problems: [{ field: 'figures', message: 'must be an object' }] };
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(raw)) {
    if (!isOneOf(AMR_FIGURE_FIELDS, key)) problems.push({ field: key, message: 'is not a figure of an AMR' });
  }
  const int = (field: keyof AmrFigures, min: number, max: number) =>
    checkInt(raw[field], field, min, max, problems);
  const pct = (field: keyof AmrFigures): number => {
    const v = raw[field];
    const h = exactHundredths(v);
    if (typeof v === 'number' && h !== null && h <= 10_000) return v;
    problems.push({ field, message: 'must be a percentage 0–100 with at most two decimals' });
    return 0;
  };
  // In this order: the problems list the fields as the report form does.
  const figures: AmrFigures = {
    year: int('year', 2000, 2100),
    dscrActual: int('dscrActual', 0, 1000),
    fatalities: int('fatalities', 0, 100_000),
    lostTimeInjuryFrequency: int('lostTimeInjuryFrequency', 0, 100_000),
    waterWithdrawalM3: int('waterWithdrawalM3', 0, MAX_COUNT),
    ghgScope12Tonnes: int('ghgScope12Tonnes', 0, MAX_COUNT),
    grievancesReceived: int('grievancesReceived', 0, 10_000_000),
    grievancesResolved: int('grievancesResolved', 0, 10_000_000),
    localEmploymentPct: pct('localEmploymentPct'),
    localProcurementPct: pct('localProcurementPct'),
  };
  return { figures, problems };
}

/** Field problems of a report's figures (empty when valid); see `readAmrFigures`. */
export function validateAmrFigures(raw: unknown): FieldProblem[] {
  return readAmrFigures(raw).problems;
}

/** Valid figures or `VALIDATION.FAILED` listing every problem. */
export function parseAmrFigures(raw: unknown): AmrFigures {
  const { figures, problems } = readAmrFigures(raw);
  if (figures === null || problems.length > 0) {
    throw new DomainError('VALIDATION.FAILED', 'invalid annual monitoring report figures', problems);
  }
  return figures;
}

/**
 * When the AMR of `year` is due: `AMR_DUE_MONTH_DAY` (default `04-30`) of the following year.
 */
export function amrDueDate(year: number, dueMonthDay = '04-30'): string {
  const date = `${year + 1}-${dueMonthDay}`;
  if (!isIsoDate(date))
    throw new DomainError('VALIDATION.FAILED', `AMR due date ${dueMonthDay} is not MM-DD`);
  return date;
}

/**
 * The reports a project owes at `now`: one per calendar year from the year of financial close
 * (`closedAt`) to the last full year before `now`, or before `endedAt` (repaid or written off),
 * each with its due date. A project closed in 2027 owes the 2027 report by 2028-04-30.
 */
export function amrSchedule(
  closedAt: string,
  now: string,
  options: { endedAt?: string | null; dueMonthDay?: string } = {},
): { year: number; dueDate: string }[] {
  const first = Number(isoDateOf(parseInstant(closedAt, 'closedAt')).slice(0, 4));
  const nowYear = Number(isoDateOf(parseInstant(now, 'now')).slice(0, 4));
  const endYear = options.endedAt
    ? Number(isoDateOf(parseInstant(options.endedAt, 'endedAt')).slice(0, 4))
    : Infinity;
  const schedule: { year: number; dueDate: string }[] = [];
  // Reports are owed for full years that ended before now and before the project's end year.
  for (let year = first; year < nowYear && year < endYear; year++) {
    schedule.push({ year, dueDate: amrDueDate(year, options.dueMonthDay) });
  }
  return schedule;
}

/**
 * The next report a project owes, whether or not its year has ended: the first year from the year of close
 * (`closedAt`) without a report among `reportedYears`, with its due date. This is the due date stored on the
 * application at financial close and at each filing (docs/notifications.md): an officer sees the next report's
 * deadline as soon as it is announced, and a report filed early (a fiscal year that ended before the calendar
 * year) moves it on. It falls due only after its year has ended, when `amrSchedule` owes it too.
 */
export function nextAmrDue(
  closedAt: string,
  reportedYears: readonly number[],
  options: { dueMonthDay?: string } = {},
): { year: number; dueDate: string } {
  let year = Number(isoDateOf(parseInstant(closedAt, 'closedAt')).slice(0, 4));
  while (reportedYears.includes(year)) year += 1;
  return { year, dueDate: amrDueDate(year, options.dueMonthDay) };
}

/**
 * The year a report may cover: from the year of close to the current year (a fiscal year that
 * ended before the calendar year did may be reported early); `VALIDATION.FAILED` otherwise.
 */
export function checkAmrYear(year: number, closedAt: string, now: string): void {
  const first = Number(isoDateOf(parseInstant(closedAt, 'closedAt')).slice(0, 4));
  const nowYear = Number(isoDateOf(parseInstant(now, 'now')).slice(0, 4));
  if (year < first || year > nowYear) {
    throw new DomainError('VALIDATION.FAILED', `an AMR covers a year from ${first} to ${nowYear}`, [
      { field: 'year', message: `must be from ${first} to ${nowYear}` },
    ]);
  }
}
