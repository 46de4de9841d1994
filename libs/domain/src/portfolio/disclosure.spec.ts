import { describe, expect, it } from '@jest/globals';
import {
  buildDisclosureContent,
  disclosureDaysFor,
  disclosurePeriodGuard,
  disclosureStart,
  nextDisclosurePackage,
  type DisclosurePackage,
  type DisclosureSubject,
} from './disclosure.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-09-01T10:00:00.000Z');
const at = (days: number, ms = 0): string => new Date(T0 + days * DAY + ms).toISOString();
const POLICY = { daysA: 60, daysOther: 30 };

const subject = (overrides: Partial<DisclosureSubject> = {}): DisclosureSubject => ({
  applicationId: 'app-1',
  stage: 'esg_review',
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
  documents: [
    { id: 'doc-esia', kind: 'esia', sha256: 'a'.repeat(64), mediaType: 'application/pdf', size: 1000 },
    {
      id: 'doc-model',
      kind: 'financial_model',
      sha256: 'b'.repeat(64),
      mediaType: 'application/pdf',
      size: 10,
    },
  ],
  ...overrides,
});

const REQUEST = {
  summary: 'Battery-grade lithium carbonate by direct extraction, with brine reinjection.',
  esReviewSummary: 'Category A: Indigenous communities; FPIC process under way; water balance reviewed.',
  publicDocumentIds: ['doc-esia'],
};

describe('buildDisclosureContent', () => {
  it('summarises the investment with the documents marked public', () => {
    expect(buildDisclosureContent(subject(), REQUEST)).toEqual({
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
      summary: REQUEST.summary,
      esReviewSummary: REQUEST.esReviewSummary,
      publicDocuments: [
        { id: 'doc-esia', kind: 'esia', sha256: 'a'.repeat(64), mediaType: 'application/pdf', size: 1000 },
      ],
    });
  });
  it('never makes the ownership evidence public: it names the beneficial owners (400)', () => {
    const withOwners = subject({
      documents: [
        ...subject().documents,
        {
          id: 'doc-owners',
          kind: 'ownership_evidence',
          sha256: 'c'.repeat(64),
          mediaType: 'application/pdf',
          size: 20,
        },
      ],
    });
    expect(() =>
      buildDisclosureContent(withOwners, { ...REQUEST, publicDocumentIds: ['doc-esia', 'doc-owners'] }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION.FAILED',
        details: [
          {
            field: 'publicDocumentIds[1]',
            message: 'ownership_evidence names beneficial owners and is never made public',
          },
        ],
      }),
    );
  });
  it.each(['esg_review', 'financing', 'committee'])('is allowed in %s', (stage) => {
    expect(() => buildDisclosureContent(subject({ stage }), REQUEST)).not.toThrow();
  });
  it.each(['submitted', 'screening', 'approved', 'financed', 'rejected'])(
    'is refused in %s (409)',
    (stage) => {
      expect(() => buildDisclosureContent(subject({ stage }), REQUEST)).toThrow(
        expect.objectContaining({ code: 'DISCLOSURE.WRONG_STAGE' }),
      );
    },
  );
  it.each([
    ['A', false],
    ['B', false],
    ['FI', false],
    ['C', true],
    [null, false], // not yet categorised: asked for (fail closed)
  ] as const)('category %s without an E&S review summary is accepted: %s', (category, accepted) => {
    const build = () => buildDisclosureContent(subject({ category }), { summary: 'x' });
    if (accepted) expect(build().esReviewSummary).toBeNull();
    else expect(build).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
  });
  it.each([
    ['an empty summary', { summary: '   ' }, 'summary'],
    ['a summary too long', { summary: 'x'.repeat(10_001) }, 'summary'],
    ['a foreign document', { publicDocumentIds: ['doc-other'] }, 'publicDocumentIds[0]'],
    ['a document twice', { publicDocumentIds: ['doc-esia', 'doc-esia'] }, 'publicDocumentIds'],
  ])('refuses %s', (_name, change, field) => {
    let error: any;
    try {
      buildDisclosureContent(subject(), { ...REQUEST, ...change });
    } catch (caught) {
      error = caught;
    }
    expect(error.code).toBe('VALIDATION.FAILED');
    expect(error.details.map((d: any) => d.field)).toContain(field);
  });
});

describe('package versions', () => {
  const content = buildDisclosureContent(subject(), REQUEST);
  const v1 = nextDisclosurePackage([], content, 'app-1', 'officer-1', at(0));
  it('numbers versions and keeps who and when', () => {
    expect(v1).toMatchObject({ version: 1, disclosedAt: at(0), disclosedBy: 'officer-1', content });
    expect(v1.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const amended = buildDisclosureContent(subject(), { ...REQUEST, summary: 'Amended purpose.' });
    expect(nextDisclosurePackage([v1], amended, 'app-1', 'officer-2', at(3)).version).toBe(2);
  });
  it('refuses an amendment that changes nothing (409)', () => {
    expect(() => nextDisclosurePackage([v1], content, 'app-1', 'officer-2', at(3))).toThrow(
      expect.objectContaining({ code: 'DISCLOSURE.UNCHANGED' }),
    );
  });
});

describe('guard disclosure.period (the clock is an input)', () => {
  const pkg = (
    version: number,
    day: number,
    change: Partial<ReturnType<typeof buildDisclosureContent>> = {},
  ): DisclosurePackage => {
    const content = { ...buildDisclosureContent(subject(), REQUEST), ...change };
    return { ...nextDisclosurePackage([], content, 'app-1', 'officer-1', at(day)), version };
  };
  const guard = (
    category: 'A' | 'B' | 'C' | 'FI',
    packages: DisclosurePackage[],
    now: string,
    policy = POLICY,
  ) => disclosurePeriodGuard({ category, packages, now, policy });

  it.each([
    // category, decision time after disclosure, holds
    ['A', at(60, -1), false], // one millisecond short of 60 days
    ['A', at(60), true],
    ['B', at(30, -1), false],
    ['B', at(30), true],
    ['C', at(30), true],
    ['FI', at(29), false],
  ] as const)('category %s decided at %s: holds %s', (category, now, holds) => {
    const details = guard(category, [pkg(1, 0, { category })], now);
    expect(details.length === 0).toBe(holds);
    if (!holds) {
      expect(details[0]?.guard).toBe('disclosure.period');
      expect(details[0]?.message).toContain('the earliest decision is');
    }
  });

  it('names the earliest decision', () => {
    expect(guard('A', [pkg(1, 0)], at(12))[0]?.message).toBe(
      `category A must be disclosed 60 days before the decision: disclosed ${at(0)} (version 1), 12 full days ago; the earliest decision is ${at(60)}`,
    );
  });

  it('still needs a package when the period is 0 days', () => {
    const zero = { daysA: 0, daysOther: 0 };
    expect(guard('A', [], at(0), zero)).toEqual([
      {
        guard: 'disclosure.period',
        message: 'no disclosure package: category A must be disclosed at least 0 days before the decision',
      },
    ]);
    expect(guard('A', [pkg(1, 0)], at(0), zero)).toEqual([]);
  });

  it('runs from the first version; an amendment does not restart it', () => {
    const v1 = pkg(1, 0);
    const v2 = pkg(2, 50, { summary: 'Amended.' });
    expect(guard('A', [v2, v1], at(60))).toEqual([]);
  });

  it('runs from the first version with the E&S review summary the category needs', () => {
    const v1 = pkg(1, 0, { category: 'C', esReviewSummary: null });
    const v2 = pkg(2, 20, { category: 'A' });
    expect(disclosureStart('A', [v1, v2])?.version).toBe(2);
    expect(guard('A', [v1, v2], at(60))).toHaveLength(1);
    expect(guard('A', [v1, v2], at(80))).toEqual([]);
    expect(guard('A', [v1], at(100))[0]?.message).toContain(
      'no disclosed version carries the E&S review summary',
    );
  });

  it('is the package and its period only: a structure changed since the package does not hold the decision', () => {
    const earlier = pkg(1, 0, { forgeAmountUsd: 200_000_000, instrument: 'equity' });
    expect(guard('A', [earlier], at(90))).toEqual([]);
  });

  it.each([
    ['A', 60],
    ['B', 30],
    ['C', 30],
    ['FI', 30],
    [null, 60],
  ] as const)('category %s needs %i days by default', (category, days) => {
    expect(disclosureDaysFor(category, POLICY)).toBe(days);
  });

  it('refuses a negative period', () => {
    expect(() => guard('A', [pkg(1, 0)], at(0), { daysA: -1, daysOther: 0 })).toThrow(
      expect.objectContaining({ code: 'PORTFOLIO.INVALID_DISCLOSURE_DAYS' }),
    );
  });
});
