import { describe, expect, it } from '@jest/globals';
import {
  concentrationCandidate,
  concentrationGuard,
  describeBreaches,
  evaluateConcentration,
  waiverCovers,
  type ConcentrationCandidate,
} from './concentration.js';
import { FORGE_PP_1_0_0 } from './forge-pp-1-0-0.params.js';
import type { PortfolioApplicationFact } from './portfolio-facts.js';
import { portfolioPolicyHash } from './portfolio-policy.define.js';

const ENVELOPE = 30_000_000_000;

function fact(
  id: string,
  stage: string,
  country: string,
  mineral: PortfolioApplicationFact['mineral'],
  organizationId: string,
  instrument: PortfolioApplicationFact['requestedInstrument'],
  valueChainSegment: PortfolioApplicationFact['valueChainSegment'],
  amountUsd: number,
): PortfolioApplicationFact {
  return {
    applicationId: id,
    reference: `FORGE-2026-${id}`,
    stage,
    organizationId,
    country,
    mineral,
    valueChainSegment,
    requestedAmountUsd: amountUsd,
    requestedInstrument: instrument,
    financing: { instrument, amountUsd },
    category: 'B',
    stageEnteredAt: '2026-01-01T00:00:00.000Z',
    expectedLoss: null,
    repaidUsd: 0,
    cofinancing: [],
  };
}

/**
 * Book: 17,000,000,000 committed + financed. AR 7.0 bn; copper 10.0 bn (B + C + E); obligor org-1
 * 7.0 bn (already over 5%: a legacy position); risk capital (C first loss + E equity) 5.0 bn;
 * processing group (A processing + C refining) 11.0 bn. D (committee) and F (rejected) count nowhere.
 */
const BOOK: PortfolioApplicationFact[] = [
  fact('A', 'financed', 'AR', 'lithium', 'org-1', 'senior_loan', 'processing', 7_000_000_000),
  fact('B', 'approved', 'PE', 'copper', 'org-2', 'senior_loan', 'extraction', 5_000_000_000),
  fact('C', 'financed', 'CL', 'copper', 'org-3', 'first_loss', 'refining', 4_000_000_000),
  fact('E', 'monitoring', 'BR', 'copper', 'org-5', 'equity', 'extraction', 1_000_000_000),
  fact('D', 'committee', 'AR', 'copper', 'org-4', 'senior_loan', 'extraction', 5_000_000_000),
  fact('F', 'rejected', 'AR', 'lithium', 'org-1', 'senior_loan', 'processing', 9_000_000_000),
];

function candidate(
  country: string,
  mineral: ConcentrationCandidate['mineral'],
  organizationId: string,
  instrument: ConcentrationCandidate['instrument'],
  amountUsd: number,
  valueChainSegment: ConcentrationCandidate['valueChainSegment'] = 'extraction',
): ConcentrationCandidate {
  return { applicationId: 'X', country, mineral, organizationId, instrument, valueChainSegment, amountUsd };
}

const evaluate = (c: ConcentrationCandidate, facts = BOOK) =>
  evaluateConcentration({ policy: FORGE_PP_1_0_0, envelopeUsd: ENVELOPE, facts, candidate: c });

describe('evaluateConcentration (FORGE-PP 1.0.0, envelope 30 bn)', () => {
  it.each([
    // name, candidate, outcome, breaches as [limit, key, would-be share, would-be US$]
    ['country exactly at 25%', candidate('AR', 'lithium', 'org-9', 'senior_loan', 500_000_000), 'pass', []],
    [
      'country one dollar over 25%: prints 25.01%, never 25.00%',
      candidate('AR', 'lithium', 'org-9', 'senior_loan', 500_000_001),
      'fail',
      [['COUNTRY', 'AR', '25.01', 7_500_000_001]],
    ],
    ['mineral exactly at 35%', candidate('CL', 'copper', 'org-9', 'senior_loan', 500_000_000), 'pass', []],
    [
      'mineral one dollar over 35%',
      candidate('CL', 'copper', 'org-9', 'senior_loan', 500_000_001),
      'fail',
      [['MINERAL', 'copper', '35.01', 10_500_000_001]],
    ],
    ['obligor exactly at 5%', candidate('BR', 'nickel', 'org-5', 'senior_loan', 500_000_000), 'pass', []],
    [
      'obligor one dollar over 5%',
      candidate('BR', 'nickel', 'org-5', 'senior_loan', 500_000_001),
      'fail',
      [['OBLIGOR', 'org-5', '5.01', 1_500_000_001]],
    ],
    ['risk capital exactly at 20%', candidate('MX', 'zinc', 'org-9', 'equity', 1_000_000_000), 'pass', []],
    [
      'risk capital one dollar over 20% (first loss counts with equity)',
      candidate('MX', 'zinc', 'org-9', 'first_loss', 1_000_000_001),
      'fail',
      [['RISK_CAPITAL', 'equity+first_loss', '20.01', 6_000_000_001]],
    ],
    [
      'several limits at once, each with its own share',
      candidate('AR', 'lithium', 'org-1', 'equity', 1_000_000_000),
      'fail',
      [
        ['COUNTRY', 'AR', '26.67', 8_000_000_000],
        ['OBLIGOR', 'org-1', '26.67', 8_000_000_000],
      ],
    ],
  ] as const)('%s', (_name, c, outcome, breaches) => {
    const evaluation = evaluate(c);
    expect(evaluation.outcome).toBe(outcome);
    expect(evaluation.breaches.map((b) => [b.limit, b.key, b.wouldBeSharePct, b.wouldBeUsd])).toEqual(
      breaches,
    );
    expect(evaluation.code).toBe('PORTFOLIO.CONCENTRATION');
    expect(evaluation.policy).toEqual({
      policy: 'FORGE-PP',
      version: '1.0.0',
      hash: portfolioPolicyHash(FORGE_PP_1_0_0),
    });
  });

  it('measures every limit and says what each would reach', () => {
    const evaluation = evaluate(candidate('AR', 'lithium', 'org-9', 'senior_loan', 500_000_001, 'refining'));
    expect(
      evaluation.measures.map((m) => [
        m.limit,
        m.key,
        m.applies,
        m.bookUsd,
        m.wouldBeUsd,
        m.baseUsd,
        m.wouldBeSharePct,
        m.limitUsd,
        m.breached,
      ]),
    ).toEqual([
      ['COUNTRY', 'AR', true, 7_000_000_000, 7_500_000_001, ENVELOPE, '25.01', 7_500_000_000, true],
      ['MINERAL', 'lithium', true, 7_000_000_000, 7_500_000_001, ENVELOPE, '25.01', 10_500_000_000, false],
      ['OBLIGOR', 'org-9', true, 0, 500_000_001, ENVELOPE, '1.67', 1_500_000_000, false],
      // a senior loan is outside the risk-capital group: measured, never blocking it
      [
        'RISK_CAPITAL',
        'equity+first_loss',
        false,
        5_000_000_000,
        5_000_000_000,
        ENVELOPE,
        '16.67',
        6_000_000_000,
        false,
      ],
      // the target's base is the book plus the application: 11.5 bn of 17.5 bn = 65.714…% → 65.71 (down)
      [
        'PROCESSING_TARGET',
        'processing+refining+recycling',
        true,
        11_000_000_000,
        11_500_000_001,
        17_500_000_001,
        '65.71',
        null,
        false,
      ],
    ]);
  });

  it('does not block on a group limit the application is outside of, even when the group is over', () => {
    const over = [
      ...BOOK,
      fact('G', 'financed', 'MX', 'zinc', 'org-7', 'equity', 'extraction', 2_000_000_000),
    ];
    expect(
      evaluate(candidate('MX', 'zinc', 'org-9', 'equity', 1), over).breaches.map((b) => b.limit),
    ).toEqual(['RISK_CAPITAL']);
    expect(evaluate(candidate('MX', 'zinc', 'org-9', 'senior_loan', 1), over).outcome).toBe('pass');
  });

  it('reports a missed processing target without failing', () => {
    const small = [fact('G', 'financed', 'AR', 'copper', 'org-7', 'senior_loan', 'extraction', 100_000_000)];
    const evaluation = evaluate(candidate('PE', 'copper', 'org-9', 'senior_loan', 100_000_000), small);
    expect(evaluation.outcome).toBe('pass');
    expect(evaluation.targetsMissed).toEqual([
      {
        limit: 'PROCESSING_TARGET',
        key: 'processing+refining+recycling',
        limitPct: '40.00',
        wouldBeSharePct: '0.00',
        wouldBeShareBp: 0,
        wouldBeUsd: 0,
        limitUsd: null,
      },
    ]);
  });

  it('never counts the application against itself, whatever stage the caller gives it', () => {
    const self = fact('X', 'approved', 'AR', 'lithium', 'org-9', 'senior_loan', 'processing', 500_000_000);
    expect(
      evaluate(candidate('AR', 'lithium', 'org-9', 'senior_loan', 500_000_000), [...BOOK, self]).outcome,
    ).toBe('pass');
  });

  it('takes the candidate from an application fact: FORGE amount and its instrument', () => {
    const f = fact('X', 'financing', 'AR', 'lithium', 'org-9', 'senior_loan', 'processing', 1);
    f.financing = { instrument: 'equity', amountUsd: 42_000_000 };
    expect(concentrationCandidate(f)).toEqual({
      applicationId: 'X',
      country: 'AR',
      mineral: 'lithium',
      organizationId: 'org-9',
      instrument: 'equity',
      valueChainSegment: 'processing',
      amountUsd: 42_000_000,
    });
  });

  it('hashes the figures that decided it', () => {
    const c = candidate('AR', 'lithium', 'org-9', 'senior_loan', 500_000_000);
    expect(evaluate(c).inputsHash).toBe(evaluate(c).inputsHash);
    const moved = BOOK.map((f) => (f.applicationId === 'B' ? { ...f, stage: 'financed' } : f));
    expect(evaluate(c, moved).inputsHash).toBe(evaluate(c).inputsHash); // same sums
    const grown = [...BOOK, fact('H', 'approved', 'PE', 'tin', 'org-8', 'senior_loan', 'extraction', 1)];
    expect(evaluate(c, grown).inputsHash).not.toBe(evaluate(c).inputsHash);
  });

  it.each([0, -5, 1.5])('refuses a FORGE amount of %p', (amountUsd) => {
    expect(() => evaluate(candidate('AR', 'lithium', 'org-9', 'senior_loan', amountUsd))).toThrow(
      expect.objectContaining({ code: 'PORTFOLIO.INVALID_FACTS' }),
    );
  });
});

describe('waivers and guard portfolio.concentration', () => {
  const waived = evaluate(candidate('AR', 'lithium', 'org-9', 'senior_loan', 500_000_001));
  it.each([
    ['the same breach', candidate('AR', 'lithium', 'org-9', 'senior_loan', 500_000_001), true],
    [
      'a smaller breach of the same limit',
      candidate('AR', 'lithium', 'org-9', 'senior_loan', 500_000_002 - 1),
      true,
    ],
    [
      'a larger breach of the same limit',
      candidate('AR', 'lithium', 'org-9', 'senior_loan', 600_000_000),
      false,
    ],
    ['a new limit breached', candidate('AR', 'lithium', 'org-9', 'senior_loan', 1_600_000_000), false],
  ] as const)('a waiver covers %s: %s', (_name, c, covered) => {
    const fresh = evaluate(c);
    expect(waiverCovers(waived, fresh)).toBe(covered);
    expect(concentrationGuard(fresh, waived).length === 0).toBe(covered);
  });

  it('passes a pass, and names the breaches of an unwaived fail', () => {
    expect(concentrationGuard(evaluate(candidate('AR', 'lithium', 'org-9', 'senior_loan', 1)), null)).toEqual(
      [],
    );
    expect(concentrationGuard(waived, null)).toEqual([
      {
        guard: 'portfolio.concentration',
        message:
          'PORTFOLIO.CONCENTRATION fails under FORGE-PP 1.0.0: COUNTRY AR would reach 25.01% (US$7,500,000,001; limit 25.00%)',
      },
    ]);
  });

  it('names only what the waiver does not cover', () => {
    const fresh = evaluate(candidate('AR', 'lithium', 'org-9', 'senior_loan', 1_600_000_000));
    const [detail] = concentrationGuard(fresh, waived);
    expect(detail?.message).toContain('OBLIGOR org-9 would reach 5.34%');
    expect(detail?.message).toContain('COUNTRY AR would reach 28.67%');
    expect(detail?.message).toContain('(not covered by the waiver)');
    expect(describeBreaches({ breaches: [] })).toBe('');
  });
});
