import { describe, expect, it } from '@jest/globals';
import type { CofinancingLine, OrganizationFact } from './cofinancing.js';
import {
  applicationMobilisation,
  commitPartnerLine,
  mobilisationRatioHundredths,
  partnerMayRead,
  portfolioMobilisation,
  privateDirectMobilisationUsd,
  roleOrganizationKindProblems,
  validateCofinancingLines,
  validateOrganizationKind,
} from './mobilisation.js';
import type { PortfolioApplicationFact } from './portfolio-facts.js';

const ORGS = new Map<string, OrganizationFact>(
  [
    { id: 'bank', name: 'Andean Commercial Bank', kind: 'cofinancier', sector: 'private' },
    { id: 'pension', name: 'Nordic Pension Fund', kind: 'cofinancier', sector: 'private' },
    { id: 'dfi', name: 'Partner DFI', kind: 'cofinancier', sector: 'public' },
    { id: 'sponsor', name: 'Puna Clara S.A.', kind: 'sponsor', sector: null },
    { id: 'forge', name: 'FORGE', kind: 'fund', sector: null },
  ].map((o) => [o.id, o as OrganizationFact]),
);

const line = (
  organizationId: string,
  amountUsd: number,
  status: CofinancingLine['status'],
  instrument: CofinancingLine['instrument'] = 'senior_loan',
): CofinancingLine => ({
  organizationId,
  instrument,
  amountUsd,
  status,
});

describe('organisation kinds', () => {
  it.each([
    ['sponsor', null, []],
    ['fund', undefined, []],
    ['cofinancier', 'private', []],
    ['cofinancier', 'public', []],
    ['cofinancier', null, ['sector']],
    ['sponsor', 'private', ['sector']],
    ['bank', null, ['kind']],
  ])('%s / %s → problems %j', (kind, sector, fields) => {
    expect(validateOrganizationKind(kind, sector).map((p) => p.field)).toEqual(fields);
  });
});

describe('the organisation of a partner user', () => {
  it.each([
    [['partner'], 'cofinancier', []],
    [['partner'], 'sponsor', ['organizationId']],
    [['partner'], 'fund', ['organizationId']],
    [['sponsor'], 'sponsor', []],
  ] as const)('%j in a %s organisation: problems on %j', (roles, kind, fields) => {
    expect(roleOrganizationKindProblems(roles, kind).map((p) => p.field)).toEqual(fields);
  });
});

describe('co-financing lines', () => {
  it('accepts lines of cofinanciers', () => {
    expect(
      validateCofinancingLines([line('bank', 100, 'indicated'), line('dfi', 50, 'signed')], ORGS),
    ).toEqual([]);
  });
  it.each([
    ['an unknown organisation', [line('nobody', 100, 'indicated')], 'cofinancing[0].organizationId'],
    ['a sponsor', [line('sponsor', 100, 'indicated')], 'cofinancing[0].organizationId'],
    ['the fund itself', [line('forge', 100, 'indicated')], 'cofinancing[0].organizationId'],
    ['a zero amount', [line('bank', 0, 'indicated')], 'cofinancing[0].amountUsd'],
    ['a fractional amount', [line('bank', 10.5, 'indicated')], 'cofinancing[0].amountUsd'],
    ['an unknown status', [line('bank', 1, 'maybe' as never)], 'cofinancing[0].status'],
    ['an unknown instrument', [line('bank', 1, 'indicated', 'grant' as never)], 'cofinancing[0].instrument'],
    [
      'two lines of one organisation and instrument',
      [line('bank', 1, 'indicated'), line('bank', 2, 'signed')],
      'cofinancing[1]',
    ],
  ])('refuses %s', (_name, lines, field) => {
    expect(validateCofinancingLines(lines, ORGS).map((p) => p.field)).toContain(field);
  });
});

describe('private direct mobilisation', () => {
  const lines = [
    line('bank', 100_000_000, 'committed'),
    line('pension', 40_000_000, 'signed', 'equity'),
    line('bank', 25_000_000, 'indicated', 'subordinated_loan'), // not yet committed
    line('dfi', 200_000_000, 'signed'), // public: not private mobilisation
    line('nobody', 1, 'signed'), // unknown: counts nowhere
  ];
  it('is the sum of committed and signed lines of private cofinanciers', () => {
    expect(privateDirectMobilisationUsd(lines, ORGS)).toBe(140_000_000);
  });
  it.each([
    [140_000_000, 250_000_000, 56], // 0.56x
    [1, 3, 33], // 0.333… → 33
    [1, 200, 0], // 0.005 → 0 (half-even)
    [3, 200, 2], // 0.015 → 2 (half-even)
    [500, 0, 0],
  ])('ratio %i / %i → %i hundredths', (mobilised, forge, expected) => {
    expect(mobilisationRatioHundredths(mobilised, forge)).toBe(expected);
  });

  const app = (
    id: string,
    stage: string,
    amountUsd: number,
    cofinancing: CofinancingLine[],
  ): PortfolioApplicationFact => ({
    applicationId: id,
    reference: id,
    stage,
    organizationId: 'sponsor',
    country: 'AR',
    mineral: 'lithium',
    valueChainSegment: 'processing',
    requestedAmountUsd: amountUsd,
    requestedInstrument: 'senior_loan',
    financing: null,
    category: 'B',
    stageEnteredAt: '2026-01-01T00:00:00.000Z',
    expectedLoss: null,
    repaidUsd: 0,
    cofinancing,
  });

  it('per application and for the portfolio (committed and financed only, one division)', () => {
    const a = app('a', 'financed', 250_000_000, lines);
    const b = app('b', 'approved', 150_000_000, [line('pension', 10_000_000, 'committed')]);
    const c = app('c', 'committee', 100_000_000, [line('bank', 90_000_000, 'committed')]); // pipeline: not counted
    expect(applicationMobilisation(a, ORGS)).toEqual({
      privateDirectMobilisationUsd: 140_000_000,
      forgeAmountUsd: 250_000_000,
      ratioHundredths: 56,
    });
    expect(portfolioMobilisation([a, b, c], ORGS)).toEqual({
      privateDirectMobilisationUsd: 150_000_000,
      forgeAmountUsd: 400_000_000,
      ratioHundredths: 38, // 0.375 → 0.38 (half-even: 37.5 → 38)
    });
  });
});

describe('the partner rule', () => {
  const cofinancing = [line('bank', 1, 'indicated')];
  it.each([
    ['financing', 'bank', false, false],
    ['committee', 'bank', true, true],
    ['approved', 'bank', true, true],
    ['financed', 'bank', true, true],
    ['monitoring', 'bank', true, true],
    ['rejected', 'bank', true, true], // the committee's rejection reaches the co-financier, as committee members read it
    ['rejected', 'bank', false, false], // rejected in screening: never put to the committee, never the partner's
    ['committee', 'pension', true, false], // another cofinancier
    ['committee', null, true, false],
  ])(
    'in %s, organisation %s, reached committee %s, reads: %s',
    (stage, organizationId, reachedCommittee, readable) => {
      expect(partnerMayRead(organizationId, { stage, reachedCommittee, cofinancing })).toBe(readable);
    },
  );

  it('moves its own indicated line to committed, and nothing else', () => {
    const lines = [line('bank', 100, 'indicated'), line('pension', 5, 'indicated')];
    expect(commitPartnerLine(lines, 'bank', 'senior_loan')).toEqual([
      line('bank', 100, 'committed'),
      line('pension', 5, 'indicated'),
    ]);
    expect(() => commitPartnerLine(lines, 'dfi', 'senior_loan')).toThrow(
      expect.objectContaining({ code: 'COFINANCING.NOT_FOUND' }),
    );
    expect(() => commitPartnerLine(lines, 'bank', 'equity')).toThrow(
      expect.objectContaining({ code: 'COFINANCING.NOT_FOUND' }),
    );
    expect(() => commitPartnerLine([line('bank', 100, 'signed')], 'bank', 'senior_loan')).toThrow(
      expect.objectContaining({ code: 'COFINANCING.INVALID_STATUS' }),
    );
  });
});
