import type { ApplicationInput } from '../application/application-input.js';
import { DomainError } from '../errors/domain-error.js';
import type { Actor } from '../pipeline/roles.js';
import {
  amrDueDate,
  amrSchedule,
  checkAmrYear,
  nextAmrDue,
  parseAmrFigures,
  validateAmrFigures,
  type AmrFigures,
} from './amr.js';
import {
  DEFAULT_COVENANTS,
  effectiveCovenants,
  testCovenant,
  testCovenants,
  COVENANT_RULE_KIND,
  parseCovenants,
  type Covenant,
} from './covenants.js';
import { actualInput, reassessmentKey } from './reassessment.js';
import {
  addWatchlistReasons,
  clearWatchlistReason,
  covenantBreachCandidates,
  isOnWatchlist,
  rescreeningCandidates,
} from './watchlist.js';

const officer: Actor = { id: 'officer-1', roles: ['officer'], organizationId: null };
const sponsor: Actor = { id: 'sponsor-1', roles: ['sponsor'], organizationId: 'org-1' };

const figures = (overrides: Partial<AmrFigures> = {}): AmrFigures => ({
  year: 2027,
  dscrActual: 135,
  fatalities: 0,
  lostTimeInjuryFrequency: 45,
  waterWithdrawalM3: 1_200_000,
  ghgScope12Tonnes: 98_000,
  grievancesReceived: 20,
  grievancesResolved: 18,
  localEmploymentPct: 72.5,
  localProcurementPct: 41,
  ...overrides,
});
const onTime = { dueDate: '2028-04-30', submittedAt: '2028-04-15T09:00:00Z' };

describe('annual monitoring report figures', () => {
  it('accepts valid figures', () => {
    expect(validateAmrFigures(figures())).toEqual([]);
    expect(parseAmrFigures(figures())).toEqual(figures());
  });

  it.each([
    ['dscrActual', 1.35],
    ['dscrActual', -1],
    ['dscrActual', 1001],
    ['fatalities', -1],
    ['fatalities', '0'],
    ['year', 1999],
    ['lostTimeInjuryFrequency', 0.45],
    ['waterWithdrawalM3', null],
    ['localEmploymentPct', 100.01],
    ['localEmploymentPct', 33.333],
    ['localProcurementPct', -5],
    ['grievancesResolved', undefined],
  ])('refuses %s = %p', (field, value) => {
    const raw: Record<string, unknown> = { ...figures(), [field]: value };
    if (value === undefined) delete raw[field];
    expect(validateAmrFigures(raw).map((p) => p.field)).toEqual([field]);
  });

  it('refuses unknown fields and non-objects', () => {
    expect(validateAmrFigures({ ...figures(), score: 1 }).map((p) => p.field)).toEqual(['score']);
    expect(validateAmrFigures([1])).toEqual([{ field: 'figures', message: 'must be an object' }]);
    expect(() => parseAmrFigures({})).toThrow(DomainError);
  });

  it('reports are due on April 30 of the next year, one per year from the year of close', () => {
    expect(amrDueDate(2027)).toBe('2028-04-30');
    expect(amrDueDate(2027, '06-30')).toBe('2028-06-30');
    expect(() => amrDueDate(2027, '02-30')).toThrow(DomainError);
    expect(amrSchedule('2026-09-15T10:00:00Z', '2029-01-10T00:00:00Z')).toEqual([
      { year: 2026, dueDate: '2027-04-30' },
      { year: 2027, dueDate: '2028-04-30' },
      { year: 2028, dueDate: '2029-04-30' },
    ]);
    expect(
      amrSchedule('2026-09-15T10:00:00Z', '2029-01-10T00:00:00Z', { endedAt: '2028-03-01T00:00:00Z' }),
    ).toEqual([
      { year: 2026, dueDate: '2027-04-30' },
      { year: 2027, dueDate: '2028-04-30' },
    ]);
    expect(amrSchedule('2026-09-15T10:00:00Z', '2026-12-31T00:00:00Z')).toEqual([]);
  });

  it('the next report due: the first year from the year of close without a report, filed early or late', () => {
    expect(nextAmrDue('2026-09-15T10:00:00Z', [])).toEqual({ year: 2026, dueDate: '2027-04-30' });
    expect(nextAmrDue('2026-09-15T10:00:00Z', [2026, 2027], { dueMonthDay: '06-30' })).toEqual({
      year: 2028,
      dueDate: '2029-06-30',
    });
    // A gap: the 2027 report filed, the 2026 one not: 2026 is still the next one owed.
    expect(nextAmrDue('2026-09-15T10:00:00Z', [2027])).toEqual({ year: 2026, dueDate: '2027-04-30' });
  });

  it('a report covers a year from the year of close to the current year', () => {
    expect(() => checkAmrYear(2026, '2026-09-15T10:00:00Z', '2026-12-01T00:00:00Z')).not.toThrow();
    expect(() => checkAmrYear(2025, '2026-09-15T10:00:00Z', '2027-12-01T00:00:00Z')).toThrow(DomainError);
    expect(() => checkAmrYear(2028, '2026-09-15T10:00:00Z', '2027-12-01T00:00:00Z')).toThrow(DomainError);
  });
});

describe('covenants', () => {
  const cases: [string, Covenant['rule'], Partial<AmrFigures>, typeof onTime, boolean][] = [
    ['DSCR 1.35x ≥ 1.20x', { type: 'min_dscr', min: 120 }, {}, onTime, true],
    ['DSCR 1.20x ≥ 1.20x (boundary)', { type: 'min_dscr', min: 120 }, { dscrActual: 120 }, onTime, true],
    ['DSCR 1.19x < 1.20x', { type: 'min_dscr', min: 120 }, { dscrActual: 119 }, onTime, false],
    ['zero fatalities met', { type: 'max_fatalities', max: 0 }, {}, onTime, true],
    ['zero fatalities breached', { type: 'max_fatalities', max: 0 }, { fatalities: 1 }, onTime, false],
    ['LTIFR 0.45 ≤ 0.50', { type: 'max_ltifr', max: 50 }, {}, onTime, true],
    ['LTIFR 0.51 > 0.50', { type: 'max_ltifr', max: 50 }, { lostTimeInjuryFrequency: 51 }, onTime, false],
    ['water within', { type: 'max_water_withdrawal_m3', max: 1_200_000 }, {}, onTime, true],
    ['water over', { type: 'max_water_withdrawal_m3', max: 1_199_999 }, {}, onTime, false],
    ['GHG over', { type: 'max_ghg_scope12_tonnes', max: 90_000 }, {}, onTime, false],
    ['grievances 90% ≥ 90%', { type: 'min_grievance_resolution_pct', minPct: 90 }, {}, onTime, true],
    ['grievances 90% < 90.01%', { type: 'min_grievance_resolution_pct', minPct: 90.01 }, {}, onTime, false],
    [
      'no grievances meets it',
      { type: 'min_grievance_resolution_pct', minPct: 100 },
      { grievancesReceived: 0, grievancesResolved: 0 },
      onTime,
      true,
    ],
    ['local employment 72.5% ≥ 72.5%', { type: 'min_local_employment_pct', minPct: 72.5 }, {}, onTime, true],
    [
      'local procurement 41% < 41.01%',
      { type: 'min_local_procurement_pct', minPct: 41.01 },
      {},
      onTime,
      false,
    ],
    [
      'AMR on the due date',
      { type: 'amr_on_time', graceDays: 0 },
      {},
      { dueDate: '2028-04-30', submittedAt: '2028-04-30T23:59:00Z' },
      true,
    ],
    [
      'AMR a day late',
      { type: 'amr_on_time', graceDays: 0 },
      {},
      { dueDate: '2028-04-30', submittedAt: '2028-05-01T00:00:00Z' },
      false,
    ],
    [
      'AMR late within grace',
      { type: 'amr_on_time', graceDays: 15 },
      {},
      { dueDate: '2028-04-30', submittedAt: '2028-05-15T00:00:00Z' },
      true,
    ],
  ];
  it.each(cases)('%s', (_name, rule, overrides, filing, met) => {
    const covenant = { code: 'C', kind: 'es', rule } as Covenant;
    expect(testCovenant(covenant, figures(overrides), filing).met).toBe(met);
  });

  it('the standard covenants apply when a structure records none; breaches listed', () => {
    expect(effectiveCovenants(undefined)).toEqual(DEFAULT_COVENANTS);
    const { results, breaches } = testCovenants(effectiveCovenants([]), figures({ dscrActual: 105 }), {
      dueDate: '2028-04-30',
      submittedAt: '2028-05-03T10:00:00Z',
    });
    expect(results).toHaveLength(3);
    expect(breaches.map((b) => [b.code, b.kind, b.actual, b.threshold])).toEqual([
      ['DSCR_MIN', 'financial', 105, 120],
      ['AMR_ON_TIME', 'reporting', 3, 0],
    ]);
    expect(breaches[0].message).toBe('DSCR 1.05x < 1.20x');
  });

  it('reads a covenant of every rule type back as it was written (each rule is its type and one parameter)', () => {
    const written: Covenant[] = [
      { code: 'DSCR', kind: 'financial', rule: { type: 'min_dscr', min: 135 } },
      { code: 'FATALITIES', kind: 'es', rule: { type: 'max_fatalities', max: 1 } },
      { code: 'LTIFR', kind: 'es', rule: { type: 'max_ltifr', max: 250 } },
      { code: 'WATER', kind: 'es', rule: { type: 'max_water_withdrawal_m3', max: 4_000_000 } },
      { code: 'GHG', kind: 'es', rule: { type: 'max_ghg_scope12_tonnes', max: 90_000 } },
      { code: 'GRIEVANCES', kind: 'es', rule: { type: 'min_grievance_resolution_pct', minPct: 80 } },
      { code: 'LOCAL_JOBS', kind: 'es', rule: { type: 'min_local_employment_pct', minPct: 60.5 } },
      { code: 'LOCAL_BUYS', kind: 'es', rule: { type: 'min_local_procurement_pct', minPct: 33.25 } },
      { code: 'AMR', kind: 'reporting', rule: { type: 'amr_on_time', graceDays: 30 } },
    ];
    expect(new Set(written.map((c) => c.rule.type))).toEqual(new Set(Object.keys(COVENANT_RULE_KIND)));
    expect(parseCovenants(written)).toEqual({ covenants: written, problems: [] });
  });

  it('reads covenants as data: typed copies with only their fields, or the problems', () => {
    const local = {
      code: 'LOCAL_JOBS',
      kind: 'es',
      rule: { type: 'min_local_employment_pct', minPct: 60.5 },
    };
    const parsed = parseCovenants([...DEFAULT_COVENANTS, local]);
    expect(parsed).toEqual({ covenants: [...DEFAULT_COVENANTS, local], problems: [] });
    expect(parsed.covenants[3]!.rule).not.toBe(local.rule);
    const refused = parseCovenants([
      { code: 'dscr', kind: 'financial', rule: { type: 'min_dscr', min: 120 } },
      { code: 'X1', kind: 'es', rule: { type: 'min_dscr', min: 120 } },
      { code: 'X1', kind: 'es', rule: { type: 'max_fatalities', max: -1 } },
      { code: 'X2', kind: 'es', rule: { type: 'toString' } },
      { code: 'X3', kind: 'es', rule: { type: 'max_ltifr', max: 1, extra: 2 } },
      { code: 'X4', kind: 'es', rule: { type: 'min_local_procurement_pct', minPct: 101 }, note: 'x' },
    ]);
    expect(refused.problems.map((p) => p.field)).toEqual([
      'covenants[0].code',
      'covenants[1].kind',
      'covenants[2].code',
      'covenants[2].rule.max',
      'covenants[3].rule.type',
      'covenants[4].rule.extra',
      'covenants[5].note',
      'covenants[5].rule.minPct',
    ]);
    expect(refused.covenants).toEqual([]);
    expect(parseCovenants('DSCR')).toEqual({
      covenants: [],
      problems: [{ field: 'covenants', message: 'must be a list' }],
    });
  });
});

describe('watchlist', () => {
  const NOW = '2028-05-03T10:00:00.000Z';

  it('adds each breach once, clears with a note, adds again when raised again', () => {
    const candidates = covenantBreachCandidates(2027, [{ code: 'DSCR_MIN', message: 'DSCR 1.05x < 1.20x' }]);
    expect(candidates).toEqual([
      {
        kind: 'covenant_breach',
        ref: '2027:DSCR_MIN',
        detail: 'AMR 2027: DSCR_MIN breached (DSCR 1.05x < 1.20x)',
      },
    ]);
    const first = addWatchlistReasons([], candidates, NOW);
    expect(first.added.map((r) => r.id)).toEqual(['covenant_breach:2027:DSCR_MIN#1']);
    expect(isOnWatchlist(first.reasons)).toBe(true);
    const again = addWatchlistReasons(first.reasons, candidates, NOW);
    expect(again.added).toEqual([]);
    expect(again.reasons).toHaveLength(1);

    const { reasons, cleared } = clearWatchlistReason(
      again.reasons,
      'covenant_breach:2027:DSCR_MIN#1',
      'waiver signed',
      officer,
      NOW,
    );
    expect(cleared).toMatchObject({ clearedBy: 'officer-1', clearNote: 'waiver signed' });
    expect(isOnWatchlist(reasons)).toBe(false);
    const raised = addWatchlistReasons(reasons, candidates, NOW);
    expect(raised.added.map((r) => r.id)).toEqual(['covenant_breach:2027:DSCR_MIN#2']);
  });

  it('clearing needs an officer, a note and an active reason', () => {
    const { reasons } = addWatchlistReasons([], [{ kind: 'incident', ref: 'inc-1', detail: 'x' }], NOW);
    expect(() => clearWatchlistReason(reasons, 'incident:inc-1#1', 'x', sponsor, NOW)).toThrow(
      'needs the officer role',
    );
    expect(() => clearWatchlistReason(reasons, 'incident:inc-1#1', ' ', officer, NOW)).toThrow(DomainError);
    expect(() => clearWatchlistReason(reasons, 'incident:inc-2#1', 'x', officer, NOW)).toThrow(
      'no active watchlist reason',
    );
  });

  it('a re-screening adds only new concerns', () => {
    const previous = [
      { path: ['Altiplano', 'Quispe'], result: 'clear' },
      { path: ['Ibarra'], result: 'potential_match' },
    ];
    const current = [
      { path: ['Altiplano', 'Quispe'], result: 'potential_match', matchedName: 'QUISPE CONDORI, Mariela' },
      { path: ['Ibarra'], result: 'potential_match', matchedName: 'IBARRA WOLFF, Tomas' },
      { path: ['Altiplano'], result: 'clear' },
    ];
    expect(rescreeningCandidates(previous, current)).toEqual([
      {
        kind: 'sanctions_match',
        ref: 'Altiplano > Quispe',
        detail: 're-screening: Altiplano > Quispe is a potential match (QUISPE CONDORI, Mariela)',
      },
    ]);
  });
});

describe('re-assessment from actual figures', () => {
  const input = {
    title: 'x',
    sponsor: { profile: 'mid_tier', equityPct: 35, baseCaseDscr: 145 },
  } as unknown as ApplicationInput;

  it("the sponsor's DSCR becomes the actual one; nothing else changes", () => {
    const actual = actualInput(input, { dscrActual: 105 });
    expect(actual.sponsor).toEqual({ profile: 'mid_tier', equityPct: 35, baseCaseDscr: 105 });
    expect(actual.title).toBe('x');
    expect(input.sponsor.baseCaseDscr).toBe(145);
    expect(actualInput(input, null)).toBe(input);
  });

  it('one job key per trigger', () => {
    expect(reassessmentKey('app-1', { kind: 'amr', year: 2027 })).toBe('reassess:app-1:amr:2027');
    expect(reassessmentKey('app-1', { kind: 'incident', incidentId: 'inc-1' })).toBe(
      'reassess:app-1:incident:inc-1',
    );
  });
});
