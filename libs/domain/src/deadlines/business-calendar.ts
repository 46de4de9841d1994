import { DomainError } from '../errors/domain-error.js';
import { MS_PER_DAY, isIsoDate, isoDateOf, utcWeekday } from './time.js';

/**
 * The fund's working calendar, an input like the clock: which weekdays are weekend days
 * (0 Sunday … 6 Saturday) and which dates are holidays. Days are UTC calendar days.
 */
export interface BusinessCalendar {
  weekendDays: readonly number[];
  /** `YYYY-MM-DD` dates. */
  holidays: readonly string[];
}

/** Saturday and Sunday off, no holidays (configuration `BUSINESS_HOLIDAYS` adds dates). */
export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = Object.freeze({
  weekendDays: Object.freeze([0, 6]),
  holidays: Object.freeze([]),
});

/** Builds a calendar from configuration, refusing impossible weekdays and dates. */
export function businessCalendar(
  weekendDays: readonly number[],
  holidays: readonly string[],
): BusinessCalendar {
  const badDay = weekendDays.find((d) => !Number.isInteger(d) || d < 0 || d > 6);
  if (badDay !== undefined) {
    throw new DomainError('VALIDATION.FAILED', `weekend day ${badDay} is not 0 (Sunday) … 6 (Saturday)`);
  }
  if (new Set(weekendDays).size >= 7)
    throw new DomainError('VALIDATION.FAILED', 'every day is a weekend day');
  const badDate = holidays.find((d) => !isIsoDate(d));
  if (badDate !== undefined)
    throw new DomainError('VALIDATION.FAILED', `holiday ${badDate} is not YYYY-MM-DD`);
  return { weekendDays: [...new Set(weekendDays)].sort(), holidays: [...new Set(holidays)].sort() };
}

/** Whether the UTC day an instant falls on is a working day. */
export function isBusinessDay(ms: number, calendar: BusinessCalendar): boolean {
  return !calendar.weekendDays.includes(utcWeekday(ms)) && !calendar.holidays.includes(isoDateOf(ms));
}

/**
 * `start` plus `days` business days, at the same time of day: step one calendar day at a time
 * and count the working days stepped onto. Friday 10:00 + 1 → Monday 10:00; Saturday 10:00 + 1 →
 * Monday 10:00; 0 days → `start` itself. `days` must be a non-negative integer.
 */
export function addBusinessDays(startMs: number, days: number, calendar: BusinessCalendar): number {
  if (!Number.isInteger(days) || days < 0) {
    throw new DomainError('VALIDATION.FAILED', `business days must be a non-negative integer, not ${days}`);
  }
  let ms = startMs;
  let counted = 0;
  // A calendar always has at least one working day a week, so this ends.
  while (counted < days) {
    ms += MS_PER_DAY;
    if (isBusinessDay(ms, calendar)) counted += 1;
  }
  return ms;
}

/** Working days from `fromMs` to `toMs` (the days stepped onto, as `addBusinessDays` counts them). */
export function businessDaysBetween(fromMs: number, toMs: number, calendar: BusinessCalendar): number {
  if (toMs <= fromMs) return 0;
  let n = 0;
  for (let ms = fromMs + MS_PER_DAY; ms <= toMs; ms += MS_PER_DAY) if (isBusinessDay(ms, calendar)) n += 1;
  return n;
}
