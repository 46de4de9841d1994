import { DomainError } from '../errors/domain-error.js';
import type { Actor } from '../pipeline/roles.js';
import { fileAmr, latestReport, type AmrScope } from './amr-filing.js';

const sponsor: Actor = { id: 'sponsor-1', roles: ['sponsor'], organizationId: 'org-1' };
const stranger: Actor = { id: 'sponsor-9', roles: ['sponsor'], organizationId: 'org-9' };
const officer: Actor = { id: 'officer-1', roles: ['officer'], organizationId: null };
const auditor: Actor = { id: 'auditor-1', roles: ['auditor'], organizationId: null };

const scope = (over: Partial<AmrScope> = {}): AmrScope => ({
  applicationId: 'app-1',
  organizationId: 'org-1',
  stage: 'monitoring',
  financedAt: '2027-02-01T00:00:00.000Z',
  covenants: null,
  documentIds: ['doc-1'],
  reportedYears: [],
  ...over,
});
const figures = (over: Record<string, unknown> = {}) => ({
  year: 2027,
  dscrActual: 135,
  fatalities: 0,
  lostTimeInjuryFrequency: 45,
  waterWithdrawalM3: 1_200_000,
  ghgScope12Tonnes: 80_000,
  grievancesReceived: 12,
  grievancesResolved: 11,
  localEmploymentPct: 72.5,
  localProcurementPct: 31,
  ...over,
});
const ON_TIME = '2028-03-15T09:00:00.000Z';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('filing an annual monitoring report', () => {
  it('meets the default covenants with good figures filed on time', () => {
    const filed = fileAmr(scope(), { documentId: 'doc-1', figures: figures() }, sponsor, {
      id: 'r1',
      now: ON_TIME,
    });
    expect(filed.report).toMatchObject({ year: 2027, dueDate: '2028-04-30', submittedBy: 'sponsor-1' });
    expect(filed.report.covenantResults.map((r) => [r.code, r.met])).toEqual([
      ['DSCR_MIN', true],
      ['ZERO_FATALITIES', true],
      ['AMR_ON_TIME', true],
    ]);
    expect(filed.breaches).toEqual([]);
    expect(filed.watchlist).toEqual([]);
  });

  it.each([
    ['a DSCR under the minimum', { dscrActual: 105 }, ON_TIME, ['DSCR_MIN']],
    ['a fatality', { fatalities: 1 }, ON_TIME, ['ZERO_FATALITIES']],
    ['a late filing', {}, '2028-05-02T09:00:00.000Z', ['AMR_ON_TIME']],
    [
      'all three',
      { dscrActual: 90, fatalities: 2 },
      '2028-06-01T00:00:00.000Z',
      ['DSCR_MIN', 'ZERO_FATALITIES', 'AMR_ON_TIME'],
    ],
  ])('records %s as breaches and watchlist candidates', (_name, over, now, codes) => {
    const filed = fileAmr(scope(), { documentId: 'doc-1', figures: figures(over) }, sponsor, {
      id: 'r1',
      now,
    });
    expect(filed.breaches.map((b) => b.code)).toEqual(codes);
    expect(filed.watchlist.map((c) => [c.kind, c.ref])).toEqual(
      codes.map((c) => ['covenant_breach', `2027:${c}`]),
    );
  });

  it('tests the covenants recorded on the financing structure instead of the defaults', () => {
    const filed = fileAmr(
      scope({
        covenants: [
          { code: 'DSCR_FLOOR', kind: 'financial', rule: { type: 'min_dscr', min: 140 } },
          { code: 'LOCAL_JOBS', kind: 'es', rule: { type: 'min_local_employment_pct', minPct: 75 } },
        ],
      }),
      { documentId: 'doc-1', figures: figures() },
      officer,
      { id: 'r1', now: ON_TIME },
    );
    expect(filed.breaches.map((b) => b.code)).toEqual(['DSCR_FLOOR', 'LOCAL_JOBS']);
  });

  it.each([
    ['another organisation', stranger, scope(), 'APPLICATION.NOT_FOUND'],
    ['an auditor', auditor, scope(), 'AUTH.FORBIDDEN'],
    [
      'a project not yet financed',
      sponsor,
      scope({ stage: 'approved', financedAt: null }),
      'APPLICATION.INVALID_TRANSITION',
    ],
    ['a repaid project', sponsor, scope({ stage: 'repaid' }), 'APPLICATION.INVALID_TRANSITION'],
    ['a year already filed', sponsor, scope({ reportedYears: [2027] }), 'AMR.YEAR_CONFLICT'],
    ['a document of another application', sponsor, scope({ documentIds: ['doc-2'] }), 'VALIDATION.FAILED'],
  ])('refuses %s', (_name, actor, s, code) => {
    expect(
      codeOf(() => fileAmr(s, { documentId: 'doc-1', figures: figures() }, actor, { id: 'r', now: ON_TIME })),
    ).toBe(code);
  });

  it.each([
    ['a year before close', { year: 2026 }],
    ['a year not begun', { year: 2029 }],
    ['a missing figure', { dscrActual: undefined }],
    ['a fractional DSCR', { dscrActual: 1.2 }],
    ['an unknown figure', { revenue: 1 }],
  ])('refuses figures with %s (400)', (_name, over) => {
    expect(
      codeOf(() =>
        fileAmr(scope(), { documentId: 'doc-1', figures: figures(over) }, sponsor, { id: 'r', now: ON_TIME }),
      ),
    ).toBe('VALIDATION.FAILED');
  });

  it('the latest report is the one of the highest year', () => {
    expect(latestReport([{ year: 2027 }, { year: 2029 }, { year: 2028 }])).toEqual({ year: 2029 });
    expect(latestReport([])).toBeNull();
  });
});
