/** checks.md `TRANS.FEOC`: foreign entity of concern, by look-through state ownership of covered nations. */
import { describe, expect, it } from '@jest/globals';
import type { ApplicationInput, BeneficialOwner } from '../application/application-input.js';
import { parseCountriesReference } from '../reference/reference-data.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHECK_CODES } from './check-codes.js';
import { assessFeoc, DEFAULT_FEOC_COVERED_COUNTRIES, evaluateEsgChecks } from './esg-checks.js';

const countries = parseCountriesReference(
  JSON.parse(readFileSync(resolve(process.cwd(), 'config/reference/countries.json'), 'utf8')),
);

const owner = (
  name: string,
  country: string,
  pct: number,
  extra: Partial<BeneficialOwner> = {},
): BeneficialOwner => ({ name, type: 'entity', country, ownershipPct: pct, isPep: false, ...extra });
const state = (name: string, country: string, pct: number, owners?: BeneficialOwner[]): BeneficialOwner =>
  owner(name, country, pct, { stateOwned: true, ...(owners ? { owners } : {}) });

describe('assessFeoc', () => {
  it('defaults to the covered nations CN, RU, IR, KP', () => {
    expect([...DEFAULT_FEOC_COVERED_COUNTRIES].sort()).toEqual(['CN', 'IR', 'KP', 'RU']);
  });

  it.each([
    ['no state-owned owner', [owner('Private Co', 'CN', 100)], 'pass', 0],
    ['9.99%: pass', [state('Sinoref State Co', 'CN', 9.99), owner('Other', 'AR', 90.01)], 'pass', 9.99],
    ['10%: review', [state('Sinoref State Co', 'CN', 10), owner('Other', 'AR', 90)], 'needs_review', 10],
    [
      '24.99%: review',
      [state('Sinoref State Co', 'CN', 24.99), owner('Other', 'AR', 75.01)],
      'needs_review',
      24.99,
    ],
    ['25%: fail', [state('Sinoref State Co', 'CN', 25), owner('Other', 'AR', 75)], 'fail', 25],
    [
      'aggregate of two covered nations (15% + 10%): fail',
      [state('Sinoref State Co', 'CN', 15), state('Rosmet State Co', 'RU', 10), owner('Other', 'AR', 75)],
      'fail',
      25,
    ],
    [
      'a state-owned owner of a nation not covered',
      [state('Codelco Like', 'CL', 60), owner('Other', 'AR', 40)],
      'pass',
      0,
    ],
  ] as const)('%s', (_name, owners, outcome, sharePct) => {
    expect(assessFeoc(owners as unknown as BeneficialOwner[])).toMatchObject({ outcome, sharePct });
  });

  it('multiplies along the chain (look-through): 40% of a holding that holds 50% is 20%', () => {
    const r = assessFeoc([
      owner('Holdco Uno', 'VG', 50, {
        owners: [state('Sinoref State Co', 'CN', 40), owner('Free', 'AR', 60)],
      }),
      owner('Other', 'AR', 50),
    ]);
    expect(r).toMatchObject({ outcome: 'needs_review', sharePct: 20 });
    expect(r.owners).toEqual([
      { name: 'Sinoref State Co', path: ['Holdco Uno', 'Sinoref State Co'], country: 'CN', effectivePct: 20 },
    ]);
  });

  it('compares the exact share: 50% × 49.99% = 24.995% is under 25%, though never rounded up', () => {
    const r = assessFeoc([
      owner('Holdco Uno', 'VG', 50, {
        owners: [state('Sinoref State Co', 'CN', 49.99), owner('Free', 'AR', 50.01)],
      }),
      owner('Other', 'AR', 50),
    ]);
    expect(r).toMatchObject({ outcome: 'needs_review', sharePct: 24.99 });
  });

  it('does not count a state-owned owner of a counted owner again', () => {
    const r = assessFeoc([
      state('Sinoref State Co', 'CN', 30, [state('State Council Holding', 'CN', 100)]),
      owner('Other', 'AR', 70),
    ]);
    expect(r).toMatchObject({ outcome: 'fail', sharePct: 30 });
    expect(r.owners.map((o) => o.name)).toEqual(['Sinoref State Co']);
  });

  it('reads the configured list, case-insensitively', () => {
    const owners = [state('Codelco Like', 'CL', 30), owner('Other', 'AR', 70)];
    expect(assessFeoc(owners, ['cl'])).toMatchObject({ outcome: 'fail', coveredCountries: ['CL'] });
  });
});

describe('TRANS.FEOC in evaluateEsgChecks', () => {
  const input = (owners: BeneficialOwner[]): ApplicationInput =>
    ({
      country: 'AR',
      environment: {
        tailings: 'none',
        tailingsConsequenceClass: 'none',
        waterStress: 'low',
        esiaStatus: 'completed',
      },
      social: { indigenousPeoplesPresent: false, fpicStatus: 'not_required' },
      governance: {
        beneficialOwners: owners,
        contractsDisclosed: true,
        paymentsToGovernmentsDisclosed: true,
        oecdAnnexIIAttestation: true,
      },
    }) as unknown as ApplicationInput;

  it.each(['A', 'B', 'C', 'FI', null] as const)(
    'exists for category %s and names the owners and the share',
    (category) => {
      const checks = evaluateEsgChecks(
        input([state('Sinoref State Co', 'CN', 25), owner('Other', 'AR', 75)]),
        category,
        [],
        { countries },
      );
      const feoc = checks.find((c) => c.code === CHECK_CODES.TRANS_FEOC);
      expect(feoc).toMatchObject({
        stage: 'esg_review',
        outcome: 'fail',
        detail: {
          coveredCountries: ['CN', 'IR', 'KP', 'RU'],
          sharePct: 25,
          owners: [{ name: 'Sinoref State Co', country: 'CN', effectivePct: 25 }],
          failAtPct: 25,
          reviewFromPct: 10,
        },
      });
    },
  );

  it('changes its inputs hash with the configured nations (a new list re-decides)', () => {
    const owners = [state('Codelco Like', 'CL', 30), owner('Other', 'AR', 70)];
    const hash = (covered?: string[]) =>
      evaluateEsgChecks(input(owners), 'B', [], {
        countries,
        ...(covered ? { feocCoveredCountries: covered } : {}),
      }).find((c) => c.code === CHECK_CODES.TRANS_FEOC)!.detail.inputsHash;
    expect(hash()).not.toBe(hash(['CL']));
  });
});
