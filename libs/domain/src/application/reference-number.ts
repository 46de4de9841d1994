import { DomainError } from '../errors/domain-error.js';

/** A human application reference, `FORGE-YYYY-NNNNNN` (api.md). */
export interface ApplicationReference {
  year: number;
  sequence: number;
}

export const MAX_REFERENCE_SEQUENCE = 999_999;
const REFERENCE = /^FORGE-(\d{4})-(\d{6})$/;

/**
 * `formatReference(2026, 42)` → `FORGE-2026-000042`. The year is a four-digit year (1000–9999)
 * and the sequence an integer in 1–999999; anything else throws `REFERENCE.INVALID`.
 */
export function formatReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new DomainError('REFERENCE.INVALID', `reference year must be a four-digit year, got ${year}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_REFERENCE_SEQUENCE) {
    throw new DomainError(
      'REFERENCE.INVALID',
      `reference sequence must be an integer from 1 to ${MAX_REFERENCE_SEQUENCE}, got ${sequence}`,
    );
  }
  return `FORGE-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The parts of a well-formed reference, or `null` (never throws: use it on untrusted input). */
export function parseReference(text: string): ApplicationReference | null {
  const match = typeof text === 'string' ? REFERENCE.exec(text) : null;
  if (!match) return null;
  const year = Number(match[1]);
  const sequence = Number(match[2]);
  if (year < 1000 || sequence < 1) return null;
  return { year, sequence };
}
