import { DomainError } from '../errors/domain-error.js';
import type { Actor } from '../pipeline/roles.js';
import {
  applyWriteOff,
  outstandingUsd,
  POST_CLOSE_EDGES,
  postCloseGuards,
  proposeWriteOff,
  recordRepayment,
  stageAfterDisbursement,
  type PostCloseFacts,
  type PostCloseStage,
} from './post-close.js';

const officer: Actor = { id: 'officer-1', roles: ['officer'], organizationId: null };
const sponsor: Actor = { id: 'sponsor-1', roles: ['sponsor'], organizationId: 'org-1' };

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const facts = (overrides: Partial<PostCloseFacts> = {}): PostCloseFacts => ({
  stage: 'monitoring',
  forgeAmountUsd: 100_000_000,
  disbursedUsd: 100_000_000,
  repaidUsd: 100_000_000,
  openInformationRequests: 0,
  pendingApprovals: 0,
  ...overrides,
});

describe('stage after a disbursement', () => {
  it.each([
    ['first partial: financed → disbursing', 'financed', 40, { to: 'disbursing', path: ['disbursing'] }],
    [
      'first and full: financed → monitoring',
      'financed',
      100,
      { to: 'monitoring', path: ['disbursing', 'monitoring'] },
    ],
    ['another partial stays disbursing', 'disbursing', 70, { to: 'disbursing', path: ['disbursing'] }],
    ['the last: disbursing → monitoring', 'disbursing', 100, { to: 'monitoring', path: ['monitoring'] }],
  ])('%s', (_name, stage, after, expected) => {
    expect(stageAfterDisbursement(stage, 100, after)).toEqual(expected);
  });

  it.each([
    ['monitoring', 100, 'APPLICATION.INVALID_TRANSITION'],
    ['approved', 10, 'APPLICATION.INVALID_TRANSITION'],
    ['written_off', 10, 'APPLICATION.INVALID_TRANSITION'],
    ['disbursing', 101, 'APPLICATION.GUARD_FAILED'],
    ['financed', 0, 'APPLICATION.GUARD_FAILED'],
  ])('from %s with Σ %p disbursed: %s', (stage, after, code) => {
    expect(errorOf(() => stageAfterDisbursement(stage, 100, after)).code).toBe(code);
  });
});

describe('post-close guards', () => {
  const cases: [string, PostCloseStage, Partial<PostCloseFacts>, string[]][] = [
    [
      'disbursing needs a disbursement',
      'disbursing',
      { stage: 'financed', disbursedUsd: 0, repaidUsd: 0 },
      ['disbursement.first'],
    ],
    ['disbursing met', 'disbursing', { stage: 'financed', disbursedUsd: 1, repaidUsd: 0 }, []],
    [
      'monitoring needs everything disbursed',
      'monitoring',
      { stage: 'disbursing', disbursedUsd: 99_999_999, repaidUsd: 0 },
      ['disbursement.complete'],
    ],
    ['monitoring met', 'monitoring', { stage: 'disbursing', repaidUsd: 0 }, []],
    ['repaid met', 'repaid', {}, []],
    ['repaid needs everything repaid', 'repaid', { repaidUsd: 99_000_000 }, ['repayment.complete']],
    [
      'repaid blocked by a request and an item',
      'repaid',
      { openInformationRequests: 1, pendingApprovals: 2 },
      ['information_request.none_open', 'approval.none_pending'],
    ],
    [
      'written off is never blocked',
      'written_off',
      { openInformationRequests: 1, pendingApprovals: 1, repaidUsd: 0 },
      [],
    ],
  ];
  it.each(cases)('%s', (_name, to, overrides, guards) => {
    expect(postCloseGuards(facts(overrides), to).map((d) => d.guard)).toEqual(guards);
  });

  it('lists the graph of monitoring.md', () => {
    expect(POST_CLOSE_EDGES.map((e) => `${e.from}→${e.to}`)).toEqual([
      'financed→disbursing',
      'financed→monitoring',
      'disbursing→monitoring',
      'monitoring→repaid',
      'financed→written_off',
      'disbursing→written_off',
      'monitoring→written_off',
    ]);
  });
});

describe('write-off through maker-checker', () => {
  it.each(['financed', 'disbursing', 'monitoring'])('may be proposed and applied in %s', (stage) => {
    expect(proposeWriteOff(stage, 'borrower insolvent', officer)).toEqual({ reason: 'borrower insolvent' });
    expect(applyWriteOff(stage)).toEqual({ to: 'written_off' });
  });

  it.each(['approved', 'repaid', 'written_off', 'committee'])('not in %s', (stage) => {
    expect(errorOf(() => proposeWriteOff(stage, 'x', officer)).code).toBe('APPLICATION.INVALID_TRANSITION');
    expect(errorOf(() => applyWriteOff(stage)).code).toBe('APPLICATION.INVALID_TRANSITION');
  });

  it('needs an officer and a reason', () => {
    expect(errorOf(() => proposeWriteOff('monitoring', 'x', sponsor)).code).toBe('AUTH.FORBIDDEN');
    expect(errorOf(() => proposeWriteOff('monitoring', '  ', officer)).details).toEqual([
      { field: 'reason', message: 'is required' },
    ]);
  });
});

describe('repayments', () => {
  it('adds up within what was disbursed', () => {
    const f = facts({ repaidUsd: 60_000_000 });
    expect(recordRepayment(f, 40_000_000, officer)).toEqual({
      amountUsd: 40_000_000,
      repaidUsd: 100_000_000,
    });
    expect(outstandingUsd(f)).toBe(40_000_000);
  });

  it.each([
    [
      'more than outstanding',
      facts({ repaidUsd: 60_000_000 }),
      40_000_001,
      officer,
      'APPLICATION.GUARD_FAILED',
    ],
    ['zero', facts({ repaidUsd: 0 }), 0, officer, 'VALIDATION.FAILED'],
    ['a fraction', facts({ repaidUsd: 0 }), 1.5, officer, 'VALIDATION.FAILED'],
    ['a string', facts({ repaidUsd: 0 }), '10', officer, 'VALIDATION.FAILED'],
    [
      'before any disbursement',
      facts({ stage: 'financed', disbursedUsd: 0, repaidUsd: 0 }),
      1,
      officer,
      'APPLICATION.INVALID_TRANSITION',
    ],
    ['by a sponsor', facts({ repaidUsd: 0 }), 1, sponsor, 'AUTH.FORBIDDEN'],
  ])('refused: %s', (_name, f, amount, actor, code) => {
    expect(errorOf(() => recordRepayment(f, amount, actor)).code).toBe(code);
  });
});
