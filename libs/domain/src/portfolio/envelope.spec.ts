import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../errors/domain-error.js';
import { DEFAULT_ENVELOPE_USD, envelopeGuard, envelopeTotals, usd } from './envelope.js';
import {
  exposureUsd,
  forgeAmountUsd,
  forgeInstrument,
  portfolioBucket,
  type PortfolioApplicationFact,
} from './portfolio-facts.js';

function fact(
  overrides: Partial<PortfolioApplicationFact> & { applicationId: string },
): PortfolioApplicationFact {
  return {
    reference: `FORGE-2026-${overrides.applicationId.padStart(6, '0')}`,
    stage: 'approved',
    organizationId: `org-${overrides.applicationId}`,
    country: 'AR',
    mineral: 'lithium',
    valueChainSegment: 'processing',
    requestedAmountUsd: 100_000_000,
    requestedInstrument: 'senior_loan',
    financing: null,
    category: 'B',
    stageEnteredAt: '2026-01-01T00:00:00.000Z',
    expectedLoss: null,
    repaidUsd: 0,
    cofinancing: [],
    ...overrides,
  };
}

describe('portfolio buckets', () => {
  it.each([
    ['draft', 'outside'],
    ['submitted', 'pipeline'],
    ['screening', 'pipeline'],
    ['esg_review', 'pipeline'],
    ['financing', 'pipeline'],
    ['committee', 'pipeline'],
    ['approved', 'committed'],
    ['financed', 'financed'],
    ['disbursing', 'financed'],
    ['monitoring', 'financed'],
    ['repaid', 'financed'],
    ['written_off', 'financed'],
    ['rejected', 'outside'],
    ['withdrawn', 'outside'],
  ])('%s → %s', (stage, bucket) => {
    expect(portfolioBucket(stage)).toBe(bucket);
  });
  it('refuses a stage it does not know (fail closed)', () => {
    expect(() => portfolioBucket('limbo')).toThrow(DomainError);
  });
});

describe('FORGE amount', () => {
  it('is the requested amount until a structure is recorded, then the structure amount', () => {
    const requested = fact({ applicationId: '1', requestedAmountUsd: 250_000_000 });
    expect(forgeAmountUsd(requested)).toBe(250_000_000);
    expect(forgeInstrument(requested)).toBe('senior_loan');
    const structured = fact({
      applicationId: '1',
      requestedAmountUsd: 250_000_000,
      financing: { instrument: 'equity', amountUsd: 180_000_000 },
    });
    expect(forgeAmountUsd(structured)).toBe(180_000_000);
    expect(forgeInstrument(structured)).toBe('equity');
  });
  it.each([
    ['approved', 0, 100_000_000],
    ['financed', 30_000_000, 70_000_000],
    ['financed', 130_000_000, 0], // never below zero
    ['committee', 0, 0],
    ['rejected', 0, 0],
  ])('exposure in %s with %i repaid is %i', (stage, repaidUsd, expected) => {
    expect(exposureUsd(fact({ applicationId: '1', stage, repaidUsd }))).toBe(expected);
  });
});

describe('envelopeTotals', () => {
  const facts = [
    fact({ applicationId: '1', stage: 'approved', requestedAmountUsd: 400_000_000 }),
    fact({
      applicationId: '2',
      stage: 'financed',
      financing: { instrument: 'senior_loan', amountUsd: 600_000_000 },
    }),
    fact({
      applicationId: '3',
      stage: 'financed',
      requestedAmountUsd: 100_000_000,
      disbursedUsd: 60_000_000,
      repaidUsd: 25_000_000,
    }),
    fact({ applicationId: '4', stage: 'committee', requestedAmountUsd: 50_000_000 }),
    fact({ applicationId: '5', stage: 'submitted', requestedAmountUsd: 20_000_000 }),
    fact({ applicationId: '6', stage: 'draft', requestedAmountUsd: 999_000_000 }),
    fact({ applicationId: '7', stage: 'rejected', requestedAmountUsd: 999_000_000 }),
  ];
  it('counts committed, financed (less repayments) and pipeline; drafts and rejections nowhere', () => {
    expect(envelopeTotals(facts, DEFAULT_ENVELOPE_USD)).toEqual({
      envelopeUsd: 30_000_000_000,
      committedUsd: 400_000_000,
      committedCount: 1,
      financedUsd: 675_000_000,
      financedCount: 2,
      // Issue 16: outstanding = disbursed − repaid (60m − 25m); undisbursed = FORGE − disbursed (600m + 40m);
      // together the financed figure the envelope counts (35m + 640m = 675m).
      financedOutstandingUsd: 35_000_000,
      financedUndisbursedUsd: 640_000_000,
      pipelineUsd: 70_000_000,
      pipelineCount: 2,
      availableUsd: 30_000_000_000 - 400_000_000 - 675_000_000,
    });
  });
  it('leaves out the application being decided', () => {
    expect(envelopeTotals(facts, DEFAULT_ENVELOPE_USD, '1').committedUsd).toBe(0);
  });
  it('may go negative when the envelope is set below what is out', () => {
    expect(envelopeTotals(facts, 1_000_000_000).availableUsd).toBe(-75_000_000);
  });
  it.each([0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1])('refuses an envelope of %p', (envelope) => {
    expect(() => envelopeTotals(facts, envelope)).toThrow(
      expect.objectContaining({ code: 'PORTFOLIO.INVALID_ENVELOPE' }),
    );
  });
});

describe('guard portfolio.envelope', () => {
  const totals = envelopeTotals(
    [fact({ applicationId: '1', stage: 'financed', requestedAmountUsd: 29_900_000_000 })],
    DEFAULT_ENVELOPE_USD,
  );
  it.each([
    [99_999_999, true],
    [100_000_000, true], // the last dollar fits
    [100_000_001, false],
  ])('US$%i fits: %s', (amount, fits) => {
    const details = envelopeGuard(amount, totals);
    expect(details.length === 0).toBe(fits);
    if (!fits) {
      expect(details[0]).toEqual({
        guard: 'portfolio.envelope',
        message: expect.stringContaining('exceeds what is available, US$100,000,000'),
      });
      expect(details[0]?.message).toContain('by US$1');
    }
  });
  it('formats dollars with separators', () => {
    expect(usd(30_000_000_000)).toBe('30,000,000,000');
    expect(usd(-75_000_000)).toBe('-75,000,000');
    expect(usd(999)).toBe('999');
  });
});
