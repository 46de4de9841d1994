import { DomainError } from '../errors/domain-error.js';

/**
 * Time in the pure domain. The clock is always an argument: instants come in as ISO-8601 strings
 * (`2027-03-01T09:30:00.000Z`, an offset is accepted) and go out as UTC ISO strings; dates
 * (`YYYY-MM-DD`) are calendar dates in UTC. Nothing here reads the current time.
 */

export const MS_PER_DAY = 86_400_000;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function bad(field: string, message: string): DomainError {
  return new DomainError('VALIDATION.FAILED', `${field} ${message}`, [{ field, message }]);
}

/** Milliseconds since the epoch of an ISO-8601 instant; `VALIDATION.FAILED` naming `field` otherwise. */
export function parseInstant(value: unknown, field = 'time'): number {
  if (typeof value !== 'string' || !INSTANT.test(value)) throw bad(field, 'must be an ISO-8601 date-time');
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw bad(field, 'must be an ISO-8601 date-time');
  return ms;
}

/** Whether `value` is a real calendar date `YYYY-MM-DD` (2027-02-30 is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Midnight UTC of a `YYYY-MM-DD` date, in milliseconds; `VALIDATION.FAILED` naming `field` otherwise. */
export function parseIsoDate(value: unknown, field = 'date'): number {
  if (!isIsoDate(value)) throw bad(field, 'must be a date YYYY-MM-DD');
  return Date.parse(`${value}T00:00:00.000Z`);
}

/** The UTC ISO string of an instant. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** The UTC calendar date (`YYYY-MM-DD`) an instant falls on. */
export function isoDateOf(ms: number): string {
  return formatInstant(ms).slice(0, 10);
}

/** `date` plus `days` calendar days (negative allowed). */
export function addCalendarDays(date: string, days: number): string {
  return isoDateOf(parseIsoDate(date) + days * MS_PER_DAY);
}

/** Day of the week of an instant in UTC: 0 Sunday … 6 Saturday. */
export function utcWeekday(ms: number): number {
  return new Date(ms).getUTCDay();
}
