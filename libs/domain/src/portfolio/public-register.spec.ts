import { describe, expect, it } from '@jest/globals';
import { buildDisclosureContent, nextDisclosurePackage, type DisclosurePackage } from './disclosure.js';
import {
  PUBLIC_DOCUMENT_FIELDS,
  PUBLIC_PROJECT_FIELDS,
  publicProject,
  publicStatus,
} from './public-register.js';

const content = buildDisclosureContent(
  {
    applicationId: 'app-1',
    stage: 'committee',
    reference: 'FORGE-2026-000001',
    title: 'Puna Clara DLE lithium carbonate plant',
    sponsorName: 'Puna Clara S.A.',
    country: 'AR',
    region: 'Jujuy',
    mineral: 'lithium',
    valueChainSegment: 'processing',
    forgeAmountUsd: 250_000_000,
    instrument: 'senior_loan',
    category: 'A',
    documents: [{ id: 'doc-1', kind: 'esia', sha256: 'a'.repeat(64), mediaType: 'application/pdf', size: 9 }],
  },
  { summary: 'Purpose.', esReviewSummary: 'E&S review.', publicDocumentIds: ['doc-1'] },
);
const v1 = nextDisclosurePackage([], content, 'app-1', 'officer-secret-id', '2026-09-01T10:00:00.000Z');
const v2 = nextDisclosurePackage(
  [v1],
  { ...content, summary: 'Amended purpose.' },
  'app-1',
  'officer-2',
  '2026-09-15T10:00:00.000Z',
);
const url = (reference: string, id: string) => `/api/v1/public/projects/${reference}/documents/${id}`;

/** Every key at any depth of a JSON value. */
function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysDeep(v, into));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysDeep(v, into);
    }
  }
  return into;
}

describe('publicProject', () => {
  it('leaves out a document of a kind that is never public, even if a stored package lists it', () => {
    const owners = {
      id: 'doc-owners',
      kind: 'ownership_evidence',
      sha256: 'c'.repeat(64),
      mediaType: 'application/pdf',
      size: 20,
    };
    const stored = {
      ...v1,
      content: { ...v1.content, publicDocuments: [...v1.content.publicDocuments, owners] },
    };
    const project = publicProject([stored], { stage: 'committee', decision: null }, url);
    expect(project.documents.map((d) => d.id)).toEqual(['doc-1']);
  });
  it('shows exactly the allow-listed fields of the latest version, the decision and document links', () => {
    const project = publicProject(
      [v1, v2],
      { stage: 'approved', decision: { outcome: 'approved', decidedAt: '2026-11-02T09:00:00.000Z' } },
      url,
    );
    expect(Object.keys(project)).toEqual([...PUBLIC_PROJECT_FIELDS]);
    expect(project).toEqual({
      reference: 'FORGE-2026-000001',
      title: 'Puna Clara DLE lithium carbonate plant',
      sponsorName: 'Puna Clara S.A.',
      country: 'AR',
      region: 'Jujuy',
      mineral: 'lithium',
      valueChainSegment: 'processing',
      forgeAmountUsd: 250_000_000,
      instrument: 'senior_loan',
      category: 'A',
      summary: 'Amended purpose.',
      esReviewSummary: 'E&S review.',
      documents: [
        {
          id: 'doc-1',
          kind: 'esia',
          sha256: 'a'.repeat(64),
          mediaType: 'application/pdf',
          size: 9,
          url: '/api/v1/public/projects/FORGE-2026-000001/documents/doc-1',
        },
      ],
      disclosure: {
        version: 2,
        disclosedAt: '2026-09-15T10:00:00.000Z',
        firstDisclosedAt: '2026-09-01T10:00:00.000Z',
      },
      status: 'approved',
      decision: { outcome: 'approved', decidedAt: '2026-11-02T09:00:00.000Z' },
    });
    expect(Object.keys(project.documents[0] ?? {})).toEqual([...PUBLIC_DOCUMENT_FIELDS]);
  });

  it('copies nothing it was not told to, even when the stored content carries more', () => {
    // A package row read back with extra keys (a bug, a migration, a hand edit) must not leak them.
    const poisoned: DisclosurePackage = {
      ...v1,
      content: {
        ...v1.content,
        beneficialOwners: [{ name: 'Mariela Quispe Condori' }],
        riskScore: 285,
        votes: [{ decision: 'approve' }],
        internalNote: 'confidential',
        publicDocuments: [{ ...v1.content.publicDocuments[0]!, storagePath: '/var/forge/doc-1' } as never],
      } as never,
    };
    const project = publicProject([poisoned], { stage: 'committee', decision: null }, url);
    const keys = keysDeep(project);
    for (const forbidden of [
      'beneficialOwners',
      'riskScore',
      'votes',
      'internalNote',
      'storagePath',
      'disclosedBy',
      'applicationId',
      'contentHash',
    ]) {
      expect(keys.has(forbidden)).toBe(false);
    }
    expect(JSON.stringify(project)).not.toContain('officer-secret-id');
    expect(JSON.stringify(project)).not.toContain('Mariela');
    expect(project.status).toBe('pending_decision');
    expect(project.decision).toBeNull();
  });

  it('refuses to project what was never disclosed', () => {
    expect(() => publicProject([], { stage: 'committee', decision: null }, url)).toThrow(
      expect.objectContaining({ code: 'DISCLOSURE.NOT_DISCLOSED' }),
    );
  });

  it.each([
    ['esg_review', 'pending_decision'],
    ['committee', 'pending_decision'],
    ['approved', 'approved'],
    ['financed', 'financed'],
    ['monitoring', 'financed'],
    ['rejected', 'rejected'],
    ['withdrawn', 'withdrawn'],
  ])('stage %s shows as %s', (stage, status) => {
    expect(publicStatus(stage)).toBe(status);
  });
});
