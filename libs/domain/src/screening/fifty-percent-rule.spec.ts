/**
 * The OFAC 50% rule (checks.md): OFAC's own worked examples, then property tests against a
 * brute-force oracle over random ownership trees.
 *
 * Sources of the examples: OFAC, "Revised Guidance on Entities Owned by Persons Whose Property
 * and Interests in Property are Blocked" (13 August 2014), and OFAC FAQs 398–402 (the examples
 * of FAQ 401). In each example the entity whose status is asked is the applicant here.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ApplicationInput, BeneficialOwner } from '../application/application-input.js';
import { applyFiftyPercentRule, BLOCKING_OWNERSHIP_HUNDREDTHS } from './fifty-percent-rule.js';
import { screenApplication, type ScreeningResult } from './ownership-screening.js';
import { buildSanctionsIndex, type SanctionsIndex } from './sanctions-index.js';
import { parseSdnCsv } from './sdn-csv-parser.js';

const row = (ent: number, name: string, type: string, program: string): string =>
  `${ent},"${name}","${type}","${program}","-0-","-0-","-0-","-0-","-0-","-0-","-0-","-0-"`;

// Blocked Person X and Blocked Person Y, listed under different programmes (FAQ 399: stakes of
// persons blocked under different programmes are aggregated).
const ofacIndex = buildSanctionsIndex(
  parseSdnCsv(
    [
      row(1, 'XANDER, Blocked', 'individual', 'UKRAINE-EO13660'),
      row(2, 'YSOLDE, Blocked', 'individual', 'SDGT'),
    ].join('\n'),
  ),
);

const X = (pct: number): BeneficialOwner => person('Blocked Xander', pct);
const Y = (pct: number): BeneficialOwner => person('Blocked Ysolde', pct);
function person(name: string, pct: number): BeneficialOwner {
  return { name, type: 'person', country: 'AR', ownershipPct: pct, isPep: false };
}
function entity(name: string, pct: number, owners: BeneficialOwner[]): BeneficialOwner {
  return { name, type: 'entity', country: 'AR', ownershipPct: pct, isPep: false, owners };
}

function screen(
  owners: BeneficialOwner[],
  index: SanctionsIndex = ofacIndex,
  threshold?: number,
): ScreeningResult {
  return screenApplication({
    organizationName: 'Applicant Entity',
    input: { governance: { beneficialOwners: owners } } as unknown as Pick<ApplicationInput, 'governance'>,
    index,
    listSha256: '0'.repeat(64),
    ...(threshold === undefined ? {} : { threshold }),
  });
}

const resultOf = (r: ScreeningResult, name: string): string | undefined =>
  r.parties.find((p) => p.name === name)?.result;

describe("OFAC's worked examples (2014 revised guidance, FAQs 398–402)", () => {
  it('FAQ 401 example 1: X owns 50% of A, A owns 50% of B → A and B are blocked', () => {
    const r = screen([
      entity('Entity A Holdings', 50, [X(50), person('Free Owner', 50)]),
      person('Other Owner', 50),
    ]);
    expect(r).toMatchObject({ result: 'blocked', blockedOwnershipPct: 50, lookThroughPct: 25 });
    expect(resultOf(r, 'Entity A Holdings')).toBe('blocked_by_ownership');
  });

  it('FAQ 401 example 2: X owns 50% of A and of B, A and B each own 25% of C → C is blocked', () => {
    const r = screen([
      entity('Entity A Holdings', 25, [X(50), person('Free Owner', 50)]),
      entity('Entity B Holdings', 25, [X(50), person('Free Owner', 50)]),
      person('Other Owner', 50),
    ]);
    expect(r).toMatchObject({ result: 'blocked', blockedOwnershipPct: 50, lookThroughPct: 25 });
  });

  it('FAQ 401 example 3: X owns 50% of A and 10% of B, A owns 40% of B → B is blocked', () => {
    const r = screen([
      X(10),
      entity('Entity A Holdings', 40, [X(50), person('Free Owner', 50)]),
      person('Other Owner', 50),
    ]);
    expect(r).toMatchObject({ result: 'blocked', blockedOwnershipPct: 50, lookThroughPct: 30 });
  });

  it('FAQ 399 / guidance: X and Y, under different programmes, own 25% each of A → A is blocked (aggregation)', () => {
    expect(screen([X(25), Y(25), person('Other Owner', 50)])).toMatchObject({
      result: 'blocked',
      blockedOwnershipPct: 50,
    });
  });

  it('guidance: X and Y own 25% each of A, A owns 50% of B → A and B are blocked', () => {
    const r = screen([
      entity('Entity A Holdings', 50, [X(25), Y(25), person('Free Owner', 50)]),
      person('Other Owner', 50),
    ]);
    expect(r).toMatchObject({ result: 'blocked', blockedOwnershipPct: 50, lookThroughPct: 25 });
    expect(resultOf(r, 'Entity A Holdings')).toBe('blocked_by_ownership');
  });

  it('FAQ 401: X owns 25% of A and of B, A and B each own 50% of C → C is not blocked (X owns none of C indirectly)', () => {
    const r = screen([
      entity('Entity A Holdings', 50, [X(25), person('Free Owner', 75)]),
      entity('Entity B Holdings', 50, [X(25), person('Free Owner', 75)]),
    ]);
    // Not blocked; the fund still has to decide on a listed owner: review (checks.md).
    expect(r).toMatchObject({ result: 'review', blockedOwnershipPct: 0, lookThroughPct: 25 });
    expect(resultOf(r, 'Entity A Holdings')).toBe('clear');
  });

  it('checks.md: a listed person with 40% of A, A with 100% of the applicant → review, not blocked', () => {
    expect(screen([entity('Entity A Holdings', 100, [X(40), person('Free Owner', 60)])])).toMatchObject({
      result: 'review',
      blockedOwnershipPct: 0,
      lookThroughPct: 40,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: random ownership trees (depth ≤ 6, ≤ 200 owners, two-decimal shares).

interface GenOwner {
  listed: boolean;
  person: boolean;
  /** Integer hundredths of a percent. */
  pct: number;
  owners: GenOwner[];
}

const interestingPct = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 10000 }) },
  { weight: 2, arbitrary: fc.constantFrom(5000, 4999, 5001, 2500, 2499, 2501, 10000, 3333, 6667, 1, 0) },
);

/** Siblings whose shares add up to at most 100%. */
function siblings(depth: number, maxDepth: number): fc.Arbitrary<GenOwner[]> {
  const width = depth === 1 ? 4 : depth <= 3 ? 3 : 2;
  return fc
    .array(fc.record({ listed: fc.boolean(), person: fc.boolean(), pct: interestingPct }), {
      minLength: depth === 1 ? 1 : 0,
      maxLength: width,
    })
    .chain((level) => {
      const sum = level.reduce((a, o) => a + o.pct, 0);
      const scaled = level.map((o) => ({
        ...o,
        pct: sum > 10000 ? Math.floor((o.pct * 10000) / sum) : o.pct,
      }));
      return fc.tuple(
        ...scaled.map((o) =>
          o.person || depth >= maxDepth
            ? fc.constant<GenOwner>({ listed: o.listed, person: o.person, pct: o.pct, owners: [] })
            : siblings(depth + 1, maxDepth).map((owners) => ({
                listed: o.listed,
                person: false,
                pct: o.pct,
                owners,
              })),
        ),
      );
    });
}

const treeArb = fc
  .record({ applicantListed: fc.boolean(), maxDepth: fc.integer({ min: 1, max: 6 }) })
  .chain(({ applicantListed, maxDepth }) =>
    siblings(1, maxDepth).map((owners) => ({ applicantListed, owners })),
  )
  .filter(({ owners }) => count(owners) <= 200);

function count(owners: readonly GenOwner[]): number {
  return owners.reduce((n, o) => n + 1 + count(o.owners), 0);
}

interface FlatNode {
  parent: number;
  pct: number;
  listed: boolean;
  person: boolean;
  /** Product of the percentages from the applicant down, as a fraction num / 10000^depth. */
  num: bigint;
  depth: number;
}

function flatten(applicantListed: boolean, owners: readonly GenOwner[]): FlatNode[] {
  const nodes: FlatNode[] = [
    { parent: -1, pct: 10000, listed: applicantListed, person: false, num: 1n, depth: 0 },
  ];
  const visit = (list: readonly GenOwner[], parent: number): void => {
    for (const o of list) {
      const up = nodes[parent]!;
      nodes.push({
        parent,
        pct: o.pct,
        listed: o.listed,
        person: o.person,
        num: up.num * BigInt(o.pct),
        depth: up.depth + 1,
      });
      visit(o.owners, nodes.length - 1);
    }
  };
  visit(owners, 0);
  return nodes;
}

/**
 * The brute-force oracle: OFAC's definition as a fixpoint over the whole tree, in no particular
 * order. Start with the listed parties blocked; while some entity has blocked direct owners
 * holding ≥ 50% of it, block it too. Nothing is multiplied.
 */
function oracle(nodes: readonly FlatNode[]): { blocked: boolean[]; rootStake: number; lookThroughH: number } {
  const blocked = nodes.map((n) => n.listed);
  const stakeIn = (i: number): number =>
    nodes.reduce((sum, n, c) => (n.parent === i && blocked[c] ? sum + n.pct : sum), 0);
  for (let changed = true; changed;) {
    changed = false;
    nodes.forEach((n, i) => {
      if (!blocked[i] && !n.person && stakeIn(i) >= 5000) {
        blocked[i] = true;
        changed = true;
      }
    });
  }
  // Look-through: listed owners' multiplied shares, not again below a listed owner.
  const hasListedAncestor = (i: number): boolean => {
    for (let p = nodes[i]!.parent; p > 0; p = nodes[p]!.parent) if (nodes[p]!.listed) return true;
    return false;
  };
  let sum = 0n; // in units of 1 / 10000^6
  nodes.forEach((n, i) => {
    if (i > 0 && n.listed && !hasListedAncestor(i)) sum += n.num * 10000n ** BigInt(6 - n.depth);
  });
  const lookThroughH = Number((sum * 10000n) / 10000n ** 6n); // truncated hundredths
  return { blocked, rootStake: stakeIn(0), lookThroughH };
}

// Names: NATO words, never legal suffixes; listed and clean names never share a token set.
// Two disjoint word lists give every node index (< 400) its own token set.
const UNITS = [
  'Alfa',
  'Bravo',
  'Charlie',
  'Echo',
  'Foxtrot',
  'Golf',
  'Hotel',
  'India',
  'Juliett',
  'Kilo',
  'Lima',
  'Mike',
  'November',
  'Oscar',
  'Papa',
  'Quebec',
  'Romeo',
  'Sierra',
  'Tango',
  'Uniform',
];
const TWENTIES = [
  'Red',
  'Orange',
  'Yellow',
  'Green',
  'Blue',
  'Indigo',
  'Violet',
  'Black',
  'White',
  'Grey',
  'Amber',
  'Azure',
  'Coral',
  'Ivory',
  'Jade',
  'Khaki',
  'Lemon',
  'Maroon',
  'Navy',
  'Olive',
];
const nameOf = (i: number, listed: boolean): string =>
  `${listed ? 'Listed' : 'Clean'} ${UNITS[i % 20]} ${TWENTIES[Math.floor(i / 20) % 20]}`;

function toOwners(owners: readonly GenOwner[], next: { i: number }): BeneficialOwner[] {
  return owners.map((o) => {
    const i = next.i++;
    const base = {
      name: nameOf(i, o.listed),
      country: 'AR',
      ownershipPct: o.pct / 100,
      isPep: false,
    };
    return o.person
      ? { ...base, type: 'person' as const }
      : { ...base, type: 'entity' as const, owners: toOwners(o.owners, next) };
  });
}

describe('the OFAC 50% rule against a brute-force oracle (random trees, depth ≤ 6)', () => {
  it('applyFiftyPercentRule blocks exactly the nodes the fixpoint oracle blocks, with the same stake', () => {
    fc.assert(
      fc.property(treeArb, ({ applicantListed, owners }) => {
        const nodes = flatten(applicantListed, owners);
        const expected = oracle(nodes);
        const actual = applyFiftyPercentRule(
          nodes.map((n) => ({
            parent: n.parent,
            pctHundredths: n.pct,
            listed: n.listed,
            share: { num: n.num, k: n.depth },
          })),
        );
        expect(actual.blocked).toEqual(expected.blocked);
        expect(actual.blockedByOwnership).toEqual(expected.blocked.map((b, i) => b && !nodes[i]!.listed));
        expect(actual.blockedOwnershipHundredths).toBe(expected.rootStake);
        expect(actual.blocked[0]).toBe(
          applicantListed || expected.rootStake >= BLOCKING_OWNERSHIP_HUNDREDTHS,
        );
      }),
      { numRuns: 400 },
    );
  });

  it('screenApplication agrees with the oracle on result, blocked ownership, look-through and party results', () => {
    fc.assert(
      fc.property(treeArb, ({ applicantListed, owners }) => {
        const nodes = flatten(applicantListed, owners);
        const expected = oracle(nodes);
        const beneficialOwners = toOwners(owners, { i: 1 });
        const listedNames = nodes.flatMap((n, i) =>
          n.listed ? [i === 0 ? 'Applicant Listed Entity' : nameOf(i, true)] : [],
        );
        const index = buildSanctionsIndex(
          parseSdnCsv(
            listedNames.map((name, k) => row(k + 1, name, '-0-', 'TEST')).join('\n') ||
              row(999, 'Nobody Zulu', '-0-', 'TEST'),
          ),
        );
        const r = screenApplication({
          organizationName: applicantListed ? 'Applicant Listed Entity' : 'Applicant Clean Entity',
          input: { governance: { beneficialOwners } } as unknown as Pick<ApplicationInput, 'governance'>,
          index,
          listSha256: '0'.repeat(64),
          threshold: 1, // exact matches only: the property is about ownership, not fuzzy names
        });
        const anyListedOrBlockedOwner = expected.blocked.some((b, i) => i > 0 && b);
        expect(r.result).toBe(expected.blocked[0] ? 'blocked' : anyListedOrBlockedOwner ? 'review' : 'clear');
        expect(Math.round(r.blockedOwnershipPct * 100)).toBe(expected.rootStake);
        expect(Math.round(r.lookThroughPct * 100)).toBe(expected.lookThroughH);
        expect(r.parties.map((p) => p.result)).toEqual(
          nodes.map((n, i) => (n.listed ? 'match' : expected.blocked[i] ? 'blocked_by_ownership' : 'clear')),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('is monotonic: listing one more party never unblocks anything', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), ({ applicantListed, owners }, pick) => {
        const nodes = flatten(applicantListed, owners);
        const before = oracle(nodes).blocked;
        const i = pick % nodes.length;
        const more = nodes.map((n, j) => (j === i ? { ...n, listed: true } : n));
        const after = applyFiftyPercentRule(
          more.map((n) => ({
            parent: n.parent,
            pctHundredths: n.pct,
            listed: n.listed,
            share: { num: n.num, k: n.depth },
          })),
        ).blocked;
        before.forEach((b, j) => {
          if (b) expect(after[j]).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
