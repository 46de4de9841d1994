import { DomainError } from '../errors/domain-error.js';
import {
  addBusinessDays,
  businessCalendar,
  businessDaysBetween,
  DEFAULT_BUSINESS_CALENDAR,
  isBusinessDay,
} from './business-calendar.js';
import {
  compareWorkQueue,
  DEFAULT_DEADLINE_POLICY,
  dueAt,
  earliestDue,
  escalationLevel,
  isOverdue,
  overdueSteps,
  parseStageSlaDays,
  type DeadlinePolicy,
  type TrackedWork,
  type WorkStart,
} from './deadlines.js';
import { addCalendarDays, isIsoDate, parseInstant, parseIsoDate } from './time.js';

// 2027-03-01 is a Monday; 2027-03-05 a Friday; 2027-03-06 a Saturday.
const ms = (iso: string) => parseInstant(iso);
const iso = (value: number) => new Date(value).toISOString();

describe('time', () => {
  it.each([
    ['2027-02-28', true],
    ['2027-02-29', false],
    ['2028-02-29', true],
    ['2100-02-29', false],
    ['2027-04-31', false],
    ['2027-13-01', false],
    ['27-01-01', false],
    [20270101, false],
  ])('isIsoDate(%p) = %p', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each(['2027-03-01', 'yesterday', '', null, '2027-03-01T25:00Z'])('parseInstant refuses %p', (value) => {
    expect(() => parseInstant(value, 'occurredAt')).toThrow(DomainError);
  });

  it('parses offsets and formats in UTC', () => {
    expect(iso(parseInstant('2027-03-01T10:00:00+02:00'))).toBe('2027-03-01T08:00:00.000Z');
    expect(addCalendarDays('2027-02-27', 3)).toBe('2027-03-02');
    expect(parseIsoDate('2027-03-01')).toBe(ms('2027-03-01T00:00:00Z'));
  });
});

describe('business calendar', () => {
  const withHoliday = businessCalendar([0, 6], ['2027-03-03']);

  it.each([
    ['Monday 10:00 + 0', '2027-03-01T10:00:00Z', 0, DEFAULT_BUSINESS_CALENDAR, '2027-03-01T10:00:00.000Z'],
    ['Monday + 1', '2027-03-01T10:00:00Z', 1, DEFAULT_BUSINESS_CALENDAR, '2027-03-02T10:00:00.000Z'],
    [
      'Friday + 1 skips the weekend',
      '2027-03-05T10:00:00Z',
      1,
      DEFAULT_BUSINESS_CALENDAR,
      '2027-03-08T10:00:00.000Z',
    ],
    ['Saturday + 1', '2027-03-06T10:00:00Z', 1, DEFAULT_BUSINESS_CALENDAR, '2027-03-08T10:00:00.000Z'],
    [
      'Monday + 5 is next Monday',
      '2027-03-01T10:00:00Z',
      5,
      DEFAULT_BUSINESS_CALENDAR,
      '2027-03-08T10:00:00.000Z',
    ],
    ['a holiday is skipped', '2027-03-01T10:00:00Z', 2, withHoliday, '2027-03-04T10:00:00.000Z'],
    ['Monday + 10', '2027-03-01T09:00:00Z', 10, DEFAULT_BUSINESS_CALENDAR, '2027-03-15T09:00:00.000Z'],
  ])('%s', (_name, start, days, calendar, expected) => {
    expect(iso(addBusinessDays(ms(start), days, calendar))).toBe(expected);
  });

  it('counts working days between two instants as addBusinessDays does', () => {
    const start = ms('2027-03-05T10:00:00Z');
    for (let days = 0; days < 15; days++) {
      expect(businessDaysBetween(start, addBusinessDays(start, days, withHoliday), withHoliday)).toBe(days);
    }
  });

  it.each([
    [[7], []],
    [[0, 1, 2, 3, 4, 5, 6], []],
    [[0, 6], ['2027-02-30']],
  ])('refuses weekend %p with holidays %p', (weekend, holidays) => {
    expect(() => businessCalendar(weekend, holidays)).toThrow(DomainError);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addBusinessDays(0, -1, DEFAULT_BUSINESS_CALENDAR)).toThrow(DomainError);
    expect(() => addBusinessDays(0, 1.5, DEFAULT_BUSINESS_CALENDAR)).toThrow(DomainError);
  });

  it('knows weekends and holidays', () => {
    expect(isBusinessDay(ms('2027-03-06T12:00:00Z'), DEFAULT_BUSINESS_CALENDAR)).toBe(false);
    expect(isBusinessDay(ms('2027-03-03T12:00:00Z'), withHoliday)).toBe(false);
    expect(isBusinessDay(ms('2027-03-03T12:00:00Z'), DEFAULT_BUSINESS_CALENDAR)).toBe(true);
  });
});

describe('STAGE_SLA_DAYS', () => {
  const stages = ['screening', 'esg_review', 'financing', 'committee', 'approved'];

  it('parses stage=days pairs', () => {
    expect(parseStageSlaDays('screening=5, esg_review=30,financing:30,committee=14', stages)).toEqual({
      screening: 5,
      esg_review: 30,
      financing: 30,
      committee: 14,
    });
    expect(parseStageSlaDays('  ', stages)).toEqual({});
  });

  it.each([
    'screening',
    'screening=0',
    'screening=-1',
    'nowhere=3',
    'screening=5,screening=6',
    'screening=5;x',
  ])('refuses %p', (text) => {
    expect(() => parseStageSlaDays(text, stages)).toThrow(DomainError);
  });
});

describe('due times', () => {
  const policy = DEFAULT_DEADLINE_POLICY;
  const cases: [string, WorkStart, string | null][] = [
    [
      'screening: 5 business days',
      { kind: 'stage', stage: 'screening', enteredAt: '2027-03-01T10:00:00Z' },
      '2027-03-08T10:00:00.000Z',
    ],
    [
      'esg_review: 30 business days',
      { kind: 'stage', stage: 'esg_review', enteredAt: '2027-03-01T10:00:00Z' },
      '2027-04-12T10:00:00.000Z',
    ],
    [
      'committee: 14 business days',
      { kind: 'stage', stage: 'committee', enteredAt: '2027-03-05T16:00:00Z' },
      '2027-03-25T16:00:00.000Z',
    ],
    [
      'a stage without a budget',
      { kind: 'stage', stage: 'approved', enteredAt: '2027-03-01T10:00:00Z' },
      null,
    ],
    [
      'information request: 10 business days',
      { kind: 'information_request', openedAt: '2027-03-05T10:00:00Z' },
      '2027-03-19T10:00:00.000Z',
    ],
    [
      'maker-checker item: 2 business days',
      { kind: 'approval', createdAt: '2027-03-05T10:00:00Z' },
      '2027-03-09T10:00:00.000Z',
    ],
    [
      "vote: the round's stored deadline",
      { kind: 'vote', deadline: '2027-03-15T10:00:00Z' },
      '2027-03-15T10:00:00.000Z',
    ],
    [
      'disbursement request: 5 business days',
      { kind: 'disbursement_request', requestedAt: '2027-03-01T10:00:00Z' },
      '2027-03-08T10:00:00.000Z',
    ],
    [
      'ESAP item: the day after its due date',
      { kind: 'esap_item', dueDate: '2027-06-30' },
      '2027-07-01T00:00:00.000Z',
    ],
    ['AMR: the day after its due date', { kind: 'amr', dueDate: '2028-04-30' }, '2028-05-01T00:00:00.000Z'],
  ];
  it.each(cases)('%s', (_name, work, expected) => {
    expect(dueAt(work, policy)).toBe(expected);
  });

  it('uses the configured budgets and calendar', () => {
    const custom: DeadlinePolicy = {
      ...policy,
      stageSlaBusinessDays: { screening: 1 },
      calendar: businessCalendar([0, 6], ['2027-03-08']),
    };
    expect(dueAt({ kind: 'stage', stage: 'screening', enteredAt: '2027-03-05T10:00:00Z' }, custom)).toBe(
      '2027-03-09T10:00:00.000Z',
    );
  });

  it('refuses a malformed start', () => {
    expect(() => dueAt({ kind: 'approval', createdAt: 'soon' }, policy)).toThrow(DomainError);
    expect(() => dueAt({ kind: 'esap_item', dueDate: '2027-02-30' }, policy)).toThrow(DomainError);
  });
});

describe('overdue and escalation', () => {
  const policy = DEFAULT_DEADLINE_POLICY; // escalation after 3 business days
  const due = '2027-03-05T10:00:00.000Z'; // a Friday

  it.each([
    ['before the due time', '2027-03-05T09:59:59Z', 'none'],
    ['at the due time', '2027-03-05T10:00:00Z', 'assignee'],
    ['two business days later', '2027-03-09T10:00:00Z', 'assignee'],
    ['three business days later', '2027-03-10T10:00:00Z', 'officers'],
    ['long after', '2027-06-01T00:00:00Z', 'officers'],
  ] as const)('%s (at %s)', (_name, now, level) => {
    expect(escalationLevel(due, now, policy)).toBe(level);
    expect(isOverdue(due, now)).toBe(level !== 'none');
  });

  it('work without a due time is never overdue', () => {
    expect(escalationLevel(null, '2099-01-01T00:00:00Z', policy)).toBe('none');
    expect(isOverdue(null, '2099-01-01T00:00:00Z')).toBe(false);
  });

  const work: TrackedWork[] = [
    {
      key: 'approval:a',
      kind: 'approval',
      applicationId: 'app-1',
      dueAt: '2027-03-09T10:00:00.000Z',
      level: 'none',
    },
    { key: 'stage:app-2:screening', kind: 'stage', applicationId: 'app-2', dueAt: due, level: 'none' },
    {
      key: 'esap:e',
      kind: 'esap_item',
      applicationId: 'app-3',
      dueAt: '2027-03-02T00:00:00.000Z',
      level: 'assignee',
    },
    {
      key: 'ir:x',
      kind: 'information_request',
      applicationId: 'app-1',
      dueAt: '2027-04-01T00:00:00.000Z',
      level: 'none',
    },
    { key: 'stage:app-4:approved', kind: 'stage', applicationId: 'app-4', dueAt: null, level: 'none' },
    {
      key: 'vote:v',
      kind: 'vote',
      applicationId: 'app-5',
      dueAt: '2027-03-01T00:00:00.000Z',
      level: 'officers',
    },
  ];

  it('records what fell overdue and what escalates, once', () => {
    const now = '2027-03-10T10:00:00Z';
    const steps = overdueSteps(work, now, policy);
    expect(steps.map((s) => [s.key, s.from, s.to, s.action])).toEqual([
      ['esap:e', 'assignee', 'officers', 'work.escalated'],
      ['stage:app-2:screening', 'none', 'officers', 'work.escalated'],
      ['approval:a', 'none', 'assignee', 'work.overdue'],
    ]);
    const recorded = work.map((w) => ({ ...w, level: steps.find((s) => s.key === w.key)?.to ?? w.level }));
    expect(overdueSteps(recorded, now, policy)).toEqual([]);
  });

  it('orders the work queue: overdue first, longest overdue leading, then by due time, then none', () => {
    const now = '2027-03-10T00:00:00Z';
    const items = [
      { id: 'f', dueAt: null },
      { id: 'e', dueAt: '2027-03-20T00:00:00Z' },
      { id: 'd', dueAt: '2027-03-09T00:00:00Z' },
      { id: 'c', dueAt: '2027-03-11T00:00:00Z' },
      { id: 'b', dueAt: '2027-03-01T00:00:00Z' },
      { id: 'a', dueAt: null },
    ];
    expect([...items].sort((x, y) => compareWorkQueue(x, y, now)).map((i) => i.id)).toEqual([
      'b',
      'd',
      'c',
      'e',
      'a',
      'f',
    ]);
  });

  it('an application is due when its earliest waiting work is', () => {
    expect(earliestDue([null, '2027-03-09T00:00:00Z', '2027-03-01T00:00:00+01:00', null])).toBe(
      '2027-03-01T00:00:00+01:00',
    );
    expect(earliestDue([null])).toBeNull();
  });
});
