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

  it('carries the assessment put to the committee and the documents with their SHA-256, ordered by id', () => {
    const doc = (id: string, sha: string) => ({
      id,
      kind: 'esia',
      sha256: sha,
      filename: `${id}.pdf`,
      size: 10,
    });
    const snapshot = icPackSnapshot({
      ...parts(),
      assessment: { id: 'ra-7', residual: { score: 215, band: 'substantial' } },
      documents: [doc('d-2', 'b'.repeat(64)), doc('d-1', 'a'.repeat(64))],
    }) as Record<string, unknown>;
    expect(snapshot.assessment).toEqual({ id: 'ra-7', residual: { score: 215, band: 'substantial' } });
    expect((snapshot.documents as { id: string }[]).map((d) => d.id)).toEqual(['d-1', 'd-2']);
    const base = icPackHash(icPackSnapshot({ ...parts(), documents: [doc('d-1', 'a'.repeat(64))] }));
    // a different file (hash) or one more document is another pack
    expect(icPackHash(icPackSnapshot({ ...parts(), documents: [doc('d-1', 'c'.repeat(64))] }))).not.toBe(
      base,
    );
    expect(
      icPackHash(
        icPackSnapshot({ ...parts(), documents: [doc('d-1', 'a'.repeat(64)), doc('d-3', 'd'.repeat(64))] }),
      ),
    ).not.toBe(base);
  });

  it('is a tagged, JSON-only snapshot', () => {
    const snapshot = icPackSnapshot(parts()) as Record<string, unknown>;
    expect(snapshot.schema).toBe('forge.ic-pack/2');
    expect(snapshot.conditionsPrecedent).toEqual([
      { id: 'cp-1', text: 'permits' },
      { id: 'cp-2', text: 'offtake signed' },
    ]);
  });
});
