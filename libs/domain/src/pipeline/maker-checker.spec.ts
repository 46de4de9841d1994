import type { EsCategory } from '../application/application-input.js';
import { DomainError } from '../errors/domain-error.js';
import {
  assertFourEyes,
  assertResolvable,
  classifyCategoryChange,
  decideApproval,
  isCategoryDowngrade,
  requestApproval,
  type ApprovalItem,
  type ApprovalRequest,
} from './maker-checker.js';
import type { Actor } from './roles.js';

const maker: Actor = { id: 'officer-1', roles: ['officer'], organizationId: null };
const checker: Actor = { id: 'officer-2', roles: ['officer'], organizationId: null };
const T0 = '2026-03-01T10:00:00.000Z';
const T1 = '2026-03-01T11:00:00.000Z';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const request = (overrides: Partial<ApprovalRequest> = {}): ApprovalRequest => ({
  id: 'ap-1',
  applicationId: 'app-1',
  action: 'check.waive',
  subject: 'ESG.WATER',
  payload: { outcome: 'waived', note: 'mitigated by dry processing' },
  createdAt: T0,
  ...overrides,
});

describe('requestApproval', () => {
  it('creates a pending item that names its maker', () => {
    expect(requestApproval([], request(), maker)).toEqual({
      id: 'ap-1',
      applicationId: 'app-1',
      action: 'check.waive',
      subject: 'ESG.WATER',
      payload: { outcome: 'waived', note: 'mitigated by dry processing' },
      makerId: 'officer-1',
      createdAt: T0,
      status: 'pending',
      checkerId: null,
      decidedAt: null,
      note: null,
    });
  });

  it('refuses a duplicate pending item (same application, action and subject) with APPROVAL.DUPLICATE', () => {
    const pending = [requestApproval([], request(), maker)];
    expect(codeOf(() => requestApproval(pending, request({ id: 'ap-2' }), checker))).toBe(
      'APPROVAL.DUPLICATE',
    );
  });

  it.each([
    { what: 'another subject', overrides: { subject: 'ESG.ESIA' } },
    { what: 'another action', overrides: { action: 'risk.override' as const } },
    { what: 'another application', overrides: { applicationId: 'app-2' } },
  ])('accepts $what', ({ overrides }) => {
    const pending = [requestApproval([], request(), maker)];
    expect(requestApproval(pending, request({ id: 'ap-2', ...overrides }), maker).status).toBe('pending');
  });

  it('a decided item does not block a new request for the same subject', () => {
    const rejected = decideApproval(requestApproval([], request(), maker), checker, 'reject', 'no', T1).item;
    expect(requestApproval([rejected], request({ id: 'ap-2' }), maker).status).toBe('pending');
  });

  it('only officers propose', () => {
    const auditor: Actor = { id: 'a', roles: ['auditor'], organizationId: null };
    expect(codeOf(() => requestApproval([], request(), auditor))).toBe('AUTH.FORBIDDEN');
  });

  it('rejects an unknown action or an empty subject', () => {
    const odd = request({ action: 'check.delete' as unknown as ApprovalRequest['action'] });
    expect(codeOf(() => requestApproval([], odd, maker))).toBe('VALIDATION.FAILED');
    expect(codeOf(() => requestApproval([], request({ subject: '' }), maker))).toBe('VALIDATION.FAILED');
  });
});

describe('decideApproval', () => {
  let item: ApprovalItem;
  beforeEach(() => {
    item = requestApproval([], request(), maker);
  });

  it('a different officer approves: the action takes effect', () => {
    const result = decideApproval(item, checker, 'approve', 'evidence reviewed', T1);
    expect(result.action).toBe('approval.granted');
    expect(result.takeEffect).toBe(true);
    expect(result.item).toMatchObject({
      status: 'approved',
      checkerId: 'officer-2',
      decidedAt: T1,
      note: 'evidence reviewed',
    });
  });

  it('a rejected item is kept with its maker, payload and the checker’s note', () => {
    const result = decideApproval(item, checker, 'reject', 'not convincing', T1);
    expect(result.action).toBe('approval.rejected');
    expect(result.takeEffect).toBe(false);
    expect(result.item).toEqual({
      ...item,
      status: 'rejected',
      checkerId: 'officer-2',
      decidedAt: T1,
      note: 'not convincing',
    });
  });

  it('the maker cannot check their own item: APPROVAL.SELF_APPROVAL, approve or reject', () => {
    expect(codeOf(() => decideApproval(item, maker, 'approve', 'ok', T1))).toBe('APPROVAL.SELF_APPROVAL');
    expect(codeOf(() => decideApproval(item, maker, 'reject', 'ok', T1))).toBe('APPROVAL.SELF_APPROVAL');
  });

  it('a decided item cannot be decided again: APPROVAL.ALREADY_DECIDED', () => {
    const approved = decideApproval(item, checker, 'approve', 'ok', T1).item;
    const rejected = decideApproval(item, checker, 'reject', 'no', T1).item;
    const third: Actor = { id: 'officer-3', roles: ['officer'], organizationId: null };
    expect(codeOf(() => decideApproval(approved, third, 'reject', 'x', T1))).toBe('APPROVAL.ALREADY_DECIDED');
    expect(codeOf(() => decideApproval(rejected, third, 'approve', 'x', T1))).toBe(
      'APPROVAL.ALREADY_DECIDED',
    );
  });

  it('only officers check, and a note is required', () => {
    const committee: Actor = { id: 'c', roles: ['committee'], organizationId: null };
    expect(codeOf(() => decideApproval(item, committee, 'approve', 'ok', T1))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(() => decideApproval(item, checker, 'approve', '', T1))).toBe('VALIDATION.FAILED');
  });

  it('does not mutate the item', () => {
    const copy = structuredClone(item);
    decideApproval(item, checker, 'approve', 'ok', T1);
    expect(item).toEqual(copy);
  });
});

describe('category downgrade', () => {
  const cases: [EsCategory | null, EsCategory, boolean][] = [
    ['A', 'A', false],
    ['A', 'B', true],
    ['A', 'C', true],
    ['B', 'C', true],
    ['B', 'A', false],
    ['C', 'B', false],
    ['C', 'A', false],
    ['FI', 'A', false],
    ['FI', 'B', true],
    ['FI', 'C', true],
    ['B', 'FI', true],
    ['C', 'FI', true],
    ['A', 'FI', true],
    ['FI', 'FI', false],
    [null, 'A', false],
    [null, 'C', true],
  ];
  it.each(cases)('%s → %s is a downgrade: %s', (proposed, chosen, downgrade) => {
    expect(isCategoryDowngrade(proposed, chosen)).toBe(downgrade);
  });

  it('classifies a decision and requires a rationale for any change', () => {
    expect(classifyCategoryChange('B', 'B', undefined)).toBe('confirm');
    expect(classifyCategoryChange('B', 'A', 'tailings')).toBe('upgrade');
    expect(classifyCategoryChange('B', 'C', 'recycling only')).toBe('downgrade');
    expect(codeOf(() => classifyCategoryChange('B', 'A', ' '))).toBe('VALIDATION.FAILED');
  });
});

describe('four-eyes outcomes change only through four eyes', () => {
  it.each([
    ['waived', 'pass', 'CHECK.RESOLUTION_CONFLICT'],
    ['waived', 'fail', 'CHECK.RESOLUTION_CONFLICT'],
    ['waived', 'waived', 'CHECK.RESOLUTION_CONFLICT'],
    ['fail', 'pass', 'CHECK.RESOLUTION_CONFLICT'],
    ['pass', 'fail', 'CHECK.RESOLUTION_CONFLICT'],
    ['needs_review', 'pass', null],
    ['needs_review', 'fail', null],
    ['needs_review', 'waived', null],
    ['fail', 'waived', null],
  ] as const)('a %s check resolved to %s → %s', (outcome, requested, code) => {
    const resolve = () => assertResolvable({ code: 'ESG.WATER', outcome }, requested);
    if (code === null) expect(resolve).not.toThrow();
    else expect(codeOf(resolve)).toBe(code);
  });
});

describe('decideApproval of a two-approval item (check.reevaluate, issue 13.4)', () => {
  const third: Actor = { id: 'officer-3', roles: ['officer'], organizationId: null };
  // Opened by a re-evaluation; its maker is the officer whose waiver it would undo.
  const reevaluation = (): ApprovalItem => ({
    ...requestApproval(
      [],
      request({
        action: 'check.reevaluate',
        subject: 'ESG.FPIC',
        payload: { proposedOutcome: 'fail', keptOutcome: 'waived', endorsedBy: null },
      }),
      maker,
    ),
  });

  it('the first approval endorses (still pending, nothing applies), a second officer applies it', () => {
    const first = decideApproval(reevaluation(), checker, 'approve', 'new evidence reviewed', T1);
    expect(first).toMatchObject({ action: 'approval.endorsed', takeEffect: false });
    expect(first.item).toMatchObject({
      status: 'pending',
      checkerId: null,
      payload: { proposedOutcome: 'fail', keptOutcome: 'waived', endorsedBy: 'officer-2' },
    });
    const second = decideApproval(first.item, third, 'approve', 'agreed', T1);
    expect(second).toMatchObject({ action: 'approval.granted', takeEffect: true });
    expect(second.item).toMatchObject({ status: 'approved', checkerId: 'officer-3' });
  });

  it('the endorser cannot approve twice, and the maker can do neither', () => {
    const endorsed = decideApproval(reevaluation(), checker, 'approve', 'ok', T1).item;
    expect(codeOf(() => decideApproval(endorsed, checker, 'approve', 'again', T1))).toBe(
      'APPROVAL.SELF_APPROVAL',
    );
    expect(codeOf(() => decideApproval(reevaluation(), maker, 'approve', 'mine', T1))).toBe(
      'APPROVAL.SELF_APPROVAL',
    );
    expect(codeOf(() => decideApproval(endorsed, maker, 'approve', 'mine', T1))).toBe(
      'APPROVAL.SELF_APPROVAL',
    );
  });

  it('one rejection, before or after an endorsement, keeps the four-eyes outcome', () => {
    expect(decideApproval(reevaluation(), checker, 'reject', 'waiver stands', T1)).toMatchObject({
      action: 'approval.rejected',
      takeEffect: false,
      item: { status: 'rejected' },
    });
    const endorsed = decideApproval(reevaluation(), checker, 'approve', 'ok', T1).item;
    expect(decideApproval(endorsed, third, 'reject', 'no', T1)).toMatchObject({
      action: 'approval.rejected',
      takeEffect: false,
    });
  });

  it('a one-approval action still takes effect on its first approval', () => {
    expect(
      decideApproval(requestApproval([], request(), maker), checker, 'approve', 'ok', T1).takeEffect,
    ).toBe(true);
  });
});

describe('assertFourEyes (every four-eyes path: pipeline items and role grants)', () => {
  const pending = { makerId: 'admin-1', status: 'pending' as const };

  it('the maker never approves their own item, whether or not they may withdraw it', () => {
    for (const makerMayWithdraw of [false, true]) {
      expect(codeOf(() => assertFourEyes(pending, 'admin-1', 'approve', { makerMayWithdraw }))).toBe(
        'APPROVAL.SELF_APPROVAL',
      );
    }
  });

  it('the maker rejects their own item only where the path lets them withdraw it (a role grant)', () => {
    expect(codeOf(() => assertFourEyes(pending, 'admin-1', 'reject', { makerMayWithdraw: false }))).toBe(
      'APPROVAL.SELF_APPROVAL',
    );
    expect(() => assertFourEyes(pending, 'admin-1', 'reject', { makerMayWithdraw: true })).not.toThrow();
  });

  it('another checker decides a pending item once: APPROVAL.ALREADY_DECIDED after', () => {
    expect(() => assertFourEyes(pending, 'admin-2', 'approve', { makerMayWithdraw: true })).not.toThrow();
    for (const status of ['approved', 'rejected'] as const) {
      expect(
        codeOf(() => assertFourEyes({ ...pending, status }, 'admin-2', 'reject', { makerMayWithdraw: true })),
      ).toBe('APPROVAL.ALREADY_DECIDED');
    }
  });

  it('an item the system asked for (no maker) may be approved by any checker', () => {
    expect(() =>
      assertFourEyes({ makerId: null, status: 'pending' }, 'admin-2', 'approve', { makerMayWithdraw: true }),
    ).not.toThrow();
  });
});
