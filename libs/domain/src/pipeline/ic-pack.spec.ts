import type { ApplicationInput, FinancingStructure } from '../application/application-input.js';
import { icPackHash, icPackSnapshot, type IcPackParts } from './ic-pack.js';

const parts = (): IcPackParts => ({
  applicationId: 'app-1',
  reference: 'FORGE-2026-000042',
  organizationId: 'org-1',
  version: 12,
  input: { title: 'Puna Clara', capexUsd: 780000000 } as unknown as ApplicationInput,
  category: 'A',
  financing: {
    instrument: 'senior_loan',
    amountUsd: 250000000,
    tenorYears: 12,
    mitigants: [],
    conditionsPrecedent: ['permits'],
  } as FinancingStructure,
  assessmentId: 'ra-7',
  checks: [
    { code: 'ESG.WATER', outcome: 'waived' },
    { code: 'ELIG.COUNTRY', outcome: 'pass' },
  ],
  screening: { result: 'clear', listSha256: 'ab' },
  conditionsPrecedent: [
    { id: 'cp-2', text: 'offtake signed' },
    { id: 'cp-1', text: 'permits' },
  ],
});

describe('IC pack', () => {
  it('hashes to lower-case SHA-256 hex', () => {
    expect(icPackHash(icPackSnapshot(parts()))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order or on the order of check and condition rows', () => {
    const a = parts();
    const b = parts();
    b.checks = [...b.checks].reverse();
    b.conditionsPrecedent = [...b.conditionsPrecedent].reverse();
    b.input = { capexUsd: 780000000, title: 'Puna Clara' } as unknown as ApplicationInput;
    expect(icPackHash(icPackSnapshot(b))).toBe(icPackHash(icPackSnapshot(a)));
  });

  it('changes with any content put to the committee', () => {
    const base = icPackHash(icPackSnapshot(parts()));
    expect(icPackHash(icPackSnapshot({ ...parts(), assessmentId: 'ra-8' }))).not.toBe(base);
    expect(icPackHash(icPackSnapshot({ ...parts(), version: 13 }))).not.toBe(base);
    expect(icPackHash(icPackSnapshot({ ...parts(), category: 'B' }))).not.toBe(base);
  });

  it('is a tagged, JSON-only snapshot', () => {
    const snapshot = icPackSnapshot(parts()) as Record<string, unknown>;
    expect(snapshot.schema).toBe('forge.ic-pack/1');
    expect(snapshot.conditionsPrecedent).toEqual([
      { id: 'cp-1', text: 'permits' },
      { id: 'cp-2', text: 'offtake signed' },
    ]);
  });
});
