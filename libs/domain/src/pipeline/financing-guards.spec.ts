import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Mitigant } from '../application/application-input.js';
import { assertFinancingGuards, financingProblems, type FinancingGuardInput } from './financing-guards.js';

const base: FinancingGuardInput = {
  capexUsd: 300_000_000,
  requestedAmountUsd: 100_000_000,
  amountUsd: 100_000_000,
  mitigants: [],
};
const guards = (input: Partial<FinancingGuardInput>) => {
  const { invalid, unmet } = financingProblems({ ...base, ...input });
  return {
    invalid: invalid.map((p) => `${p.guard} ${p.field}`),
    unmet: unmet.map((p) => `${p.guard} ${p.field}`),
  };
};

describe('financing guards', () => {
  it.each([
    ['a structure that fits', {}, [], []],
    ['FORGE amount = requested = capex', { amountUsd: 300_000_000, requestedAmountUsd: 300_000_000 }, [], []],
    [
      'US$5 billion of equity on a US$300 million project (the issue)',
      { amountUsd: 5_000_000_000 },
      [],
      ['financing.amount_within_request amountUsd', 'financing.total_within_capex amountUsd'],
    ],
    [
      'FORGE amount above the request',
      { amountUsd: 100_000_001 },
      [],
      ['financing.amount_within_request amountUsd'],
    ],
    [
      'requested above capex',
      { requestedAmountUsd: 400_000_000 },
      [],
      ['financing.request_within_capex requestedAmountUsd'],
    ],
    [
      'co-financing plus FORGE above capex',
      { coFinancing: [{ amountUsd: 150_000_000 }, { amountUsd: 50_000_001 }] },
      [],
      ['financing.total_within_capex coFinancing'],
    ],
    ['co-financing that fits exactly', { coFinancing: [{ amountUsd: 200_000_000 }] }, [], []],
    [
      'a coverage above 100% and a negative first loss',
      {
        mitigants: [
          { type: 'offtake', coveragePct: 100.5 },
          { type: 'first_loss', pct: -1 },
        ] as Mitigant[],
      },
      [
        'financing.percentages_in_range mitigants[0].coveragePct',
        'financing.percentages_in_range mitigants[1].pct',
      ],
      [],
    ],
    [
      'zero and fractional amounts',
      { amountUsd: 0, coFinancing: [{ amountUsd: 1.5 }] },
      ['financing.amounts_positive amountUsd', 'financing.amounts_positive coFinancing[0].amountUsd'],
      [],
    ],
  ] as const)('%s', (_name, input, invalid, unmet) => {
    expect(guards(input as Partial<FinancingGuardInput>)).toEqual({ invalid, unmet });
  });

  it('throws 400 for malformed values before the 409 of an inconsistent structure', () => {
    expect(() =>
      assertFinancingGuards({
        ...base,
        amountUsd: 5_000_000_000,
        mitigants: [{ type: 'offtake', coveragePct: 140 }],
      }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED' }));
    expect(() => assertFinancingGuards({ ...base, amountUsd: 5_000_000_000 })).toThrow(
      expect.objectContaining({
        code: 'APPLICATION.GUARD_FAILED',
        details: [
          expect.objectContaining({ guard: 'financing.amount_within_request' }),
          expect.objectContaining({ guard: 'financing.total_within_capex' }),
        ],
      }),
    );
    expect(() => assertFinancingGuards(base)).not.toThrow();
  });

  it('sums exactly at the limits of api.md (10^13 each)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 13 }),
        fc.array(fc.integer({ min: 1, max: 10 ** 13 }), { maxLength: 5 }),
        (amount, lines) => {
          const capex = 10 ** 13;
          const { unmet } = financingProblems({
            capexUsd: capex,
            requestedAmountUsd: capex,
            amountUsd: amount,
            mitigants: [],
            coFinancing: lines.map((amountUsd) => ({ amountUsd })),
          });
          const total = lines.reduce((s, x) => s + BigInt(x), BigInt(amount));
          expect(unmet.some((p) => p.guard === 'financing.total_within_capex')).toBe(total > BigInt(capex));
        },
      ),
    );
  });
});
