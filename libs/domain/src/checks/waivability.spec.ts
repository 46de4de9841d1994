import { describe, expect, it } from '@jest/globals';
import { CHECK_CODES, ESG_STAGE_CHECK_CODES, SCREENING_STAGE_CHECK_CODES } from './check-codes.js';
import { assertWaivable, CHECK_WAIVER_POLICIES, waiverRefusal, type WaiverFacts } from './waivability.js';

const facts = (over: Partial<WaiverFacts> = {}): WaiverFacts => ({
  outcome: 'fail',
  detail: {},
  category: 'B',
  indigenousPeoplesPresent: false,
  screeningResult: 'clear',
  ...over,
});

describe('the waiver catalogue', () => {
  it('a failed PORTFOLIO.CONCENTRATION may be waived (portfolio.md)', () => {
    expect(waiverRefusal(CHECK_CODES.PORTFOLIO_CONCENTRATION, facts())).toBeNull();
  });

  it('covers every check code of checks.md, each with an explanation', () => {
    expect(Object.keys(CHECK_WAIVER_POLICIES).sort()).toEqual(
      [...SCREENING_STAGE_CHECK_CODES, ...ESG_STAGE_CHECK_CODES, CHECK_CODES.PORTFOLIO_CONCENTRATION].sort(),
    );
    for (const policy of Object.values(CHECK_WAIVER_POLICIES))
      expect(policy.explanation.length).toBeGreaterThan(10);
  });

  it.each([
    [
      'SANCTIONS.PARTIES blocked',
      CHECK_CODES.SANCTIONS_PARTIES,
      facts({ screeningResult: 'blocked' }),
      'sanctions_blocked',
    ],
    [
      'SANCTIONS.PARTIES whose stored result is blocked',
      CHECK_CODES.SANCTIONS_PARTIES,
      facts({ screeningResult: null, detail: { result: 'blocked' } }),
      'sanctions_blocked',
    ],
    [
      'ESG.FPIC, category A, Indigenous Peoples',
      CHECK_CODES.ESG_FPIC,
      facts({ category: 'A', indigenousPeoplesPresent: true }),
      'fpic_category_a',
    ],
    [
      'ESG.FPIC, category A, presence unknown',
      CHECK_CODES.ESG_FPIC,
      facts({ category: 'A', indigenousPeoplesPresent: null }),
      'fpic_category_a',
    ],
    [
      'ELIG.TICKET above capex',
      CHECK_CODES.ELIG_TICKET,
      facts({ detail: { problems: ['above_capex'] } }),
      'ticket_above_capex',
    ],
    ['TRANS.FEOC fail', CHECK_CODES.TRANS_FEOC, facts({ outcome: 'fail' }), 'feoc_fail'],
    ['ELIG.COUNTRY', CHECK_CODES.ELIG_COUNTRY, facts(), 'never'],
    ['ELIG.MINERAL', CHECK_CODES.ELIG_MINERAL, facts(), 'never'],
    [
      'ESG.INDEPENDENT_REVIEW',
      CHECK_CODES.ESG_INDEPENDENT_REVIEW,
      facts({ category: 'A', outcome: 'needs_review' }),
      'never',
    ],
    ['an unknown code', 'MADE.UP', facts(), 'never'],
  ])('refuses a waiver of %s', (_name, code, f, rule) => {
    expect(waiverRefusal(code, f)).toMatchObject({ code: 'CHECK.NOT_WAIVABLE', checkCode: code, rule });
  });

  it.each([
    [
      'SANCTIONS.PARTIES under review',
      CHECK_CODES.SANCTIONS_PARTIES,
      facts({ outcome: 'needs_review', screeningResult: 'review' }),
    ],
    ['ESG.FPIC, category B', CHECK_CODES.ESG_FPIC, facts({ category: 'B', indigenousPeoplesPresent: true })],
    [
      'ELIG.TICKET below the minimum',
      CHECK_CODES.ELIG_TICKET,
      facts({ detail: { problems: ['below_min_ticket'] } }),
    ],
    ['TRANS.FEOC under review', CHECK_CODES.TRANS_FEOC, facts({ outcome: 'needs_review' })],
    ['ESG.TAILINGS (upstream)', CHECK_CODES.ESG_TAILINGS, facts()],
    ['TRANS.PEP', CHECK_CODES.TRANS_PEP, facts({ outcome: 'needs_review' })],
  ])('allows a waiver of %s', (_name, code, f) => {
    expect(waiverRefusal(code, f)).toBeNull();
  });

  it('throws 409-class CHECK.NOT_WAIVABLE naming the rule as a guard', () => {
    expect(() =>
      assertWaivable(CHECK_CODES.ESG_FPIC, facts({ category: 'A', indigenousPeoplesPresent: true })),
    ).toThrow(
      expect.objectContaining({
        code: 'CHECK.NOT_WAIVABLE',
        details: [expect.objectContaining({ guard: 'waiver.fpic_category_a' })],
      }),
    );
    expect(() => assertWaivable(CHECK_CODES.TRANS_PEP, facts())).not.toThrow();
  });
});
