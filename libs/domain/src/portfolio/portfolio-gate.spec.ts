import { describe, expect, it } from '@jest/globals';
import { roundOutcome, roundTally, type CommitteeRound } from '../pipeline/committee-round.js';
import { FORGE_PP_1_0_0 } from './forge-pp-1-0-0.params.js';
import { concentrationLimitWaived, evaluatePortfolioGate } from './portfolio-gate.js';
import type { PortfolioApplicationFact } from './portfolio-facts.js';

const fact = (over: Partial<PortfolioApplicationFact>): PortfolioApplicationFact => ({
  applicationId: 'x',
  reference: 'FRG-X',
  stage: 'financing',
  organizationId: 'org-x',
  country: 'AR',
  mineral: 'lithium',
  valueChainSegment: 'processing',
  requestedAmountUsd: 100,
  requestedInstrument: 'senior_loan',
  financing: null,
  category: 'B',
  stageEnteredAt: '2026-11-01T00:00:00.000Z',
  expectedLoss: null,
  repaidUsd: 0,
  cofinancing: [],
  ...over,
});

describe('portfolio gate', () => {
  const book = fact({
    applicationId: 'book',
    stage: 'financed',
    country: 'BR',
    organizationId: 'o2',
    financing: { instrument: 'senior_loan', amountUsd: 700 },
  });

  it('fits to the dollar and fails one dollar over, listing every unmet guard', () => {
    const fits = evaluatePortfolioGate({
      point: 'committee',
      application: fact({ requestedAmountUsd: 300, country: 'BR' }),
      facts: [book],
      envelopeUsd: 1000,
      policy: FORGE_PP_1_0_0,
      check: null,
    });
    expect(fits.totals.availableUsd).toBe(300);
    expect(fits.details.map((d) => d.guard)).toEqual(['portfolio.concentration']); // BR 100% > 25%
    expect(fits.checkOutcome).toBe('fail');
    const over = evaluatePortfolioGate({
      point: 'committee',
      application: fact({ requestedAmountUsd: 301, country: 'BR' }),
      facts: [book],
      envelopeUsd: 1000,
      policy: FORGE_PP_1_0_0,
      check: null,
    });
    expect(over.details.map((d) => d.guard)).toEqual(['portfolio.envelope', 'portfolio.concentration']);
  });

  it('a waiver covers the breaches it was granted for, not a larger one', () => {
    const args = {
      point: 'approval' as const,
      facts: [book],
      envelopeUsd: 2000,
      policy: FORGE_PP_1_0_0,
    };
    const first = evaluatePortfolioGate({
      ...args,
      application: fact({ requestedAmountUsd: 300, country: 'BR' }),
      check: null,
    });
    const waived = { outcome: 'waived' as const, breaches: first.evaluation.breaches };
    const same = evaluatePortfolioGate({
      ...args,
      application: fact({ requestedAmountUsd: 300, country: 'BR' }),
      check: waived,
    });
    expect(same.details).toEqual([]);
    expect(same.checkOutcome).toBe('waived');
    const larger = evaluatePortfolioGate({
      ...args,
      application: fact({ requestedAmountUsd: 301, country: 'BR' }),
      check: waived,
    });
    expect(larger.details.map((d) => d.guard)).toEqual(['portfolio.concentration']);
    expect(larger.checkOutcome).toBe('fail');
  });

  it('a waived concentration limit makes the committee decision need unanimity', () => {
    const checks = [{ code: 'PORTFOLIO.CONCENTRATION', outcome: 'waived' }];
    expect(concentrationLimitWaived(checks)).toBe(true);
    expect(concentrationLimitWaived([{ code: 'PORTFOLIO.CONCENTRATION', outcome: 'pass' }])).toBe(false);
    const vote = (userId: string, decision: 'approve' | 'reject') => ({
      userId,
      decision,
      rationale: 'r',
      conflictOfInterest: false,
      conditions: [],
      votedAt: '2026-11-01T00:00:00.000Z',
    });
    const round = {
      votes: [vote('a', 'approve'), vote('b', 'approve'), vote('c', 'reject')],
      eligibleMemberIds: ['a', 'b', 'c'],
    } as unknown as CommitteeRound;
    const majority = roundTally(round, { quorum: 3, residualBand: 'moderate' });
    expect(roundOutcome(majority)).toBe('approved');
    const waived = roundTally(round, {
      quorum: 3,
      residualBand: 'moderate',
      concentrationLimitWaived: concentrationLimitWaived(checks),
    });
    expect(roundOutcome(waived)).toBe('rejected');
  });
});
