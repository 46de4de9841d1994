import fc from 'fast-check';
import { DomainError } from '../errors/domain-error.js';
import type { Actor } from '../pipeline/roles.js';
import {
  applyDisbursement,
  cancelOpenDisbursements,
  declineDisbursement,
  disbursedUsd,
  proposeDisbursement,
  rejectDisbursement,
  requestDisbursement,
  trancheBalances,
  type Disbursement,
  type DisbursementContext,
} from './disbursements.js';
import { effectiveTranches, parseTranches } from './tranches.js';

const sponsor: Actor = { id: 'sponsor-1', roles: ['sponsor'], organizationId: 'org-1' };
const otherSponsor: Actor = { id: 'sponsor-9', roles: ['sponsor'], organizationId: 'org-9' };
const maker: Actor = { id: 'officer-1', roles: ['officer'], organizationId: null };
const checker: Actor = { id: 'officer-2', roles: ['officer'], organizationId: null };
const NOW = '2027-03-01T10:00:00.000Z';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('tranches', () => {
  const known = ['cp-1', 'cp-2', 'esap-1'];

  it('reads tranches summing to the FORGE amount as copies with only their fields', () => {
    const raw = [
      { id: 'T1', amountUsd: 60, conditionIds: ['cp-1'], extra: true },
      { id: 'T2', amountUsd: 40, conditionIds: ['cp-2', 'esap-1'] },
    ];
    const parsed = parseTranches(raw, 100, known);
    expect(parsed).toEqual({
      tranches: [
        { id: 'T1', amountUsd: 60, conditionIds: ['cp-1'] },
        { id: 'T2', amountUsd: 40, conditionIds: ['cp-2', 'esap-1'] },
      ],
      problems: [],
    });
    expect(parsed.tranches[1]!.conditionIds).not.toBe(raw[1]!.conditionIds);
    expect(parseTranches([], 100, known)).toEqual({ tranches: [], problems: [] });
  });

  it.each([
    ['not a list', { id: 'T1' }, ['tranches']],
    ['sum short of the amount', [{ id: 'T1', amountUsd: 99, conditionIds: [] }], ['tranches']],
    [
      'sum over the amount',
      [
        { id: 'T1', amountUsd: 60, conditionIds: [] },
        { id: 'T2', amountUsd: 41, conditionIds: [] },
      ],
      ['tranches'],
    ],
    [
      'duplicate ids',
      [
        { id: 'T1', amountUsd: 50, conditionIds: [] },
        { id: 'T1', amountUsd: 50, conditionIds: [] },
      ],
      ['tranches[1].id'],
    ],
    ['bad id', [{ id: 'T 1', amountUsd: 100, conditionIds: [] }], ['tranches[0].id']],
    ['fractional amount', [{ id: 'T1', amountUsd: 99.5, conditionIds: [] }], ['tranches[0].amountUsd']],
    [
      'zero amount',
      [
        { id: 'T1', amountUsd: 0, conditionIds: [] },
        { id: 'T2', amountUsd: 100, conditionIds: [] },
      ],
      ['tranches[0].amountUsd'],
    ],
    [
      'unknown condition',
      [{ id: 'T1', amountUsd: 100, conditionIds: ['cp-7'] }],
      ['tranches[0].conditionIds[0]'],
    ],
    [
      'condition twice',
      [{ id: 'T1', amountUsd: 100, conditionIds: ['cp-1', 'cp-1'] }],
      ['tranches[0].conditionIds[1]'],
    ],
    ['conditions missing', [{ id: 'T1', amountUsd: 100 }], ['tranches[0].conditionIds']],
  ])('refuses %s', (_name, tranches, fields) => {
    const parsed = parseTranches(tranches, 100, known);
    expect(parsed.problems.map((p) => p.field)).toEqual(fields);
    expect(parsed.tranches).toEqual([]);
  });

  it('without tranches, the FORGE amount is one tranche on the conditions precedent', () => {
    expect(effectiveTranches(undefined, 100, ['cp-1', 'cp-2'])).toEqual([
      { id: 'T1', amountUsd: 100, conditionIds: ['cp-1', 'cp-2'] },
    ]);
    expect(effectiveTranches([], 100, [])).toEqual([{ id: 'T1', amountUsd: 100, conditionIds: [] }]);
  });
});

function ctx(overrides: Partial<DisbursementContext> = {}): DisbursementContext {
  return {
    applicationId: 'app-1',
    organizationId: 'org-1',
    stage: 'financed',
    forgeAmountUsd: 100_000_000,
    tranches: [
      { id: 'A', amountUsd: 60_000_000, conditionIds: ['cp-1'] },
      { id: 'B', amountUsd: 40_000_000, conditionIds: ['cp-1', 'esap-1'] },
    ],
    disbursements: [],
    conditions: [
      { id: 'cp-1', kind: 'condition_precedent', satisfied: true },
      { id: 'esap-1', kind: 'esap_item', satisfied: false },
    ],
    ...overrides,
  };
}

function request(
  c: DisbursementContext,
  input: { trancheId?: unknown; amountUsd: unknown },
  id = 'd-1',
): Disbursement {
  return requestDisbursement(c, input, sponsor, { id, now: NOW });
}

describe('disbursement requests', () => {
  it('the sponsor requests from a tranche; without one, from the first with money left', () => {
    const d = request(ctx(), { amountUsd: 10_000_000 });
    expect(d).toMatchObject({
      trancheId: 'A',
      amountUsd: 10_000_000,
      status: 'requested',
      requestedBy: 'sponsor-1',
    });
    const full = ctx({ disbursements: [{ ...d, amountUsd: 60_000_000 }] });
    expect(request(full, { amountUsd: 1 }, 'd-2').trancheId).toBe('B');
  });

  it('open requests count against the tranche', () => {
    const c = ctx({ disbursements: [request(ctx(), { trancheId: 'A', amountUsd: 50_000_000 })] });
    expect(trancheBalances(c)[0]).toEqual({
      trancheId: 'A',
      amountUsd: 60_000_000,
      disbursedUsd: 0,
      openUsd: 50_000_000,
      availableUsd: 10_000_000,
    });
    const error = errorOf(() => request(c, { trancheId: 'A', amountUsd: 10_000_001 }, 'd-2'));
    expect(error.code).toBe('APPLICATION.GUARD_FAILED');
    expect(error.details[0].guard).toBe('disbursement.within_amount');
  });

  it.each([
    ['zero', { amountUsd: 0 }, sponsor, 'VALIDATION.FAILED'],
    ['fraction', { amountUsd: 1.5 }, sponsor, 'VALIDATION.FAILED'],
    ['string amount', { amountUsd: '5' }, sponsor, 'VALIDATION.FAILED'],
    ['unknown tranche', { trancheId: 'Z', amountUsd: 5 }, sponsor, 'VALIDATION.FAILED'],
    ['over the FORGE amount', { trancheId: 'B', amountUsd: 40_000_001 }, sponsor, 'APPLICATION.GUARD_FAILED'],
    ['another organisation', { amountUsd: 5 }, otherSponsor, 'APPLICATION.NOT_FOUND'],
    ['an officer', { amountUsd: 5 }, maker, 'AUTH.FORBIDDEN'],
  ])('refuses %s', (_name, input, actor, code) => {
    expect(errorOf(() => requestDisbursement(ctx(), input, actor, { id: 'd', now: NOW })).code).toBe(code);
  });

  it.each(['approved', 'monitoring', 'repaid', 'written_off'])('not in %s', (stage) => {
    expect(errorOf(() => request(ctx({ stage }), { amountUsd: 5 })).code).toBe(
      'APPLICATION.INVALID_TRANSITION',
    );
  });
});

describe('proposal and four-eyes approval', () => {
  it('proposes when the tranche conditions are satisfied, then disburses with the value date', () => {
    const requested = request(ctx(), { trancheId: 'A', amountUsd: 60_000_000 });
    const proposed = proposeDisbursement(ctx({ disbursements: [requested] }), requested, maker, NOW);
    expect(proposed).toMatchObject({ status: 'proposed', proposedBy: 'officer-1' });
    const applied = applyDisbursement(ctx({ disbursements: [proposed] }), proposed, checker, {
      now: '2027-03-03T12:00:00Z',
      valueDate: '2027-03-02',
    });
    expect(applied.disbursement).toMatchObject({
      status: 'disbursed',
      decidedBy: 'officer-2',
      valueDate: '2027-03-02',
    });
    expect(applied.disbursedUsd).toBe(60_000_000);
    expect(applied.stage).toEqual({ from: 'financed', to: 'disbursing', path: ['disbursing'] });
  });

  it('the value date defaults to the approval date', () => {
    const proposed = proposeDisbursement(ctx(), request(ctx(), { amountUsd: 5 }), maker, NOW);
    expect(
      applyDisbursement(ctx(), proposed, checker, { now: '2027-03-04T23:00:00Z' }).disbursement.valueDate,
    ).toBe('2027-03-04');
  });

  it.each(['2027-02-28', '2027-03-05', '03/04/2027'])('refuses value date %s', (valueDate) => {
    const proposed = proposeDisbursement(ctx(), request(ctx(), { amountUsd: 5 }), maker, NOW);
    expect(
      errorOf(() => applyDisbursement(ctx(), proposed, checker, { now: '2027-03-04T10:00:00Z', valueDate }))
        .code,
    ).toBe('VALIDATION.FAILED');
  });

  it('guard disbursement.conditions names the unmet conditions', () => {
    const requested = request(ctx(), { trancheId: 'B', amountUsd: 1 });
    const error = errorOf(() => proposeDisbursement(ctx(), requested, maker, NOW));
    expect(error.code).toBe('APPLICATION.GUARD_FAILED');
    expect(error.details).toEqual([
      { guard: 'disbursement.conditions', message: 'tranche B: conditions not satisfied: esap-1' },
    ]);
  });

  it('checks the conditions again at approval', () => {
    const proposed = proposeDisbursement(ctx(), request(ctx(), { trancheId: 'A', amountUsd: 1 }), maker, NOW);
    const unsatisfied = ctx({ conditions: [{ id: 'cp-1', kind: 'condition_precedent', satisfied: false }] });
    expect(
      errorOf(() => applyDisbursement(unsatisfied, proposed, checker, { now: NOW })).details[0].guard,
    ).toBe('disbursement.conditions');
  });

  it('the last disbursement moves the project to monitoring', () => {
    const done: Disbursement = {
      ...request(ctx(), { trancheId: 'A', amountUsd: 60_000_000 }, 'd-0'),
      status: 'disbursed',
      valueDate: '2027-01-01',
    };
    const c = ctx({
      stage: 'disbursing',
      disbursements: [done],
      conditions: [
        { id: 'cp-1', kind: 'condition_precedent', satisfied: true },
        { id: 'esap-1', kind: 'esap_item', satisfied: true },
      ],
    });
    const proposed = proposeDisbursement(c, request(c, { amountUsd: 40_000_000 }), maker, NOW);
    const applied = applyDisbursement({ ...c, disbursements: [done, proposed] }, proposed, checker, {
      now: NOW,
    });
    expect(applied.disbursedUsd).toBe(100_000_000);
    expect(applied.stage).toEqual({ from: 'disbursing', to: 'monitoring', path: ['monitoring'] });
  });

  it('refuses a state that moved on', () => {
    const requested = request(ctx(), { amountUsd: 5 });
    expect(errorOf(() => applyDisbursement(ctx(), requested, checker, { now: NOW })).code).toBe(
      'DISBURSEMENT.STATE_CONFLICT',
    );
    const proposed = proposeDisbursement(ctx(), requested, maker, NOW);
    expect(errorOf(() => proposeDisbursement(ctx(), proposed, maker, NOW)).code).toBe(
      'DISBURSEMENT.STATE_CONFLICT',
    );
    expect(errorOf(() => declineDisbursement(proposed, 'no', maker, NOW)).code).toBe(
      'DISBURSEMENT.STATE_CONFLICT',
    );
    expect(errorOf(() => proposeDisbursement(ctx(), requested, sponsor, NOW)).code).toBe('AUTH.FORBIDDEN');
  });

  it('decline, reject and cancel keep the record', () => {
    const requested = request(ctx(), { amountUsd: 5 });
    expect(declineDisbursement(requested, 'not yet', maker, NOW)).toMatchObject({
      status: 'declined',
      note: 'not yet',
    });
    expect(errorOf(() => declineDisbursement(requested, '', maker, NOW)).code).toBe('VALIDATION.FAILED');
    const proposed = proposeDisbursement(ctx(), requested, maker, NOW);
    expect(rejectDisbursement(proposed, checker, 'wrong account', NOW).status).toBe('rejected');
    expect(
      cancelOpenDisbursements([requested, proposed, { ...requested, id: 'x', status: 'disbursed' }], NOW),
    ).toHaveLength(2);
  });

  it('property: whatever is requested, proposed and approved, Σ disbursed never passes the FORGE amount', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            tranche: fc.constantFrom('A', 'B', undefined),
            amount: fc.integer({ min: 1, max: 70_000_000 }),
          }),
          {
            maxLength: 12,
          },
        ),
        (steps) => {
          const satisfied = ctx({
            conditions: [
              { id: 'cp-1', kind: 'condition_precedent', satisfied: true },
              { id: 'esap-1', kind: 'esap_item', satisfied: true },
            ],
          });
          let c = satisfied;
          steps.forEach((step, i) => {
            try {
              const r = requestDisbursement(c, { trancheId: step.tranche, amountUsd: step.amount }, sponsor, {
                id: `d-${i}`,
                now: NOW,
              });
              const p = proposeDisbursement({ ...c, disbursements: [...c.disbursements, r] }, r, maker, NOW);
              const withP = { ...c, disbursements: [...c.disbursements, p] };
              const applied = applyDisbursement(withP, p, checker, { now: NOW });
              c = {
                ...c,
                stage: applied.stage.to,
                disbursements: [...c.disbursements, applied.disbursement],
              };
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
            }
          });
          expect(disbursedUsd(c.disbursements)).toBeLessThanOrEqual(c.forgeAmountUsd);
          for (const b of trancheBalances(c)) expect(b.availableUsd).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
