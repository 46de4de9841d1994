import { DomainError } from '../errors/domain-error.js';
import { formatReference, parseReference } from './reference-number.js';

describe('application reference numbers', () => {
  it.each([
    [2026, 42, 'FORGE-2026-000042'],
    [2026, 1, 'FORGE-2026-000001'],
    [1999, 999999, 'FORGE-1999-999999'],
  ])('formats %s/%s as %s and parses it back', (year, sequence, text) => {
    expect(formatReference(year, sequence)).toBe(text);
    expect(parseReference(text)).toEqual({ year, sequence });
  });

  it.each([
    [2026, 0],
    [2026, 1_000_000],
    [2026, 1.5],
    [26, 1],
    [10000, 1],
  ])('refuses year %s, sequence %s', (year, sequence) => {
    expect(() => formatReference(year, sequence)).toThrow(DomainError);
  });

  it.each([
    'FORGE-2026-42',
    'forge-2026-000042',
    'FORGE-2026-000000',
    'FORGE-0999-000001',
    ' FORGE-2026-000042',
    '',
  ])('does not parse %j', (text) => {
    expect(parseReference(text)).toBeNull();
  });
});
