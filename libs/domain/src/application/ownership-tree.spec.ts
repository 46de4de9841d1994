import type { BeneficialOwner } from './application-input.js';
import {
  OWNERSHIP_TREE_MAX_DEPTH,
  OWNERSHIP_TREE_MAX_NODES,
  declaredTopLevelPct,
  exactHundredths,
  validateOwnershipTree,
} from './ownership-tree.js';

const owner = (name: string, ownershipPct: number, owners?: BeneficialOwner[]): BeneficialOwner => ({
  name,
  type: owners ? 'entity' : 'person',
  country: 'AR',
  ownershipPct,
  isPep: false,
  ...(owners ? { owners } : {}),
});

/** A single chain of `depth` owners, each holding 100% of the one above. */
function chain(depth: number): BeneficialOwner[] {
  let level: BeneficialOwner[] | undefined;
  for (let d = depth; d >= 1; d -= 1) level = [owner(`level ${d}`, 100, level)];
  return level as BeneficialOwner[];
}

/** `n` owners in total: top-level holders of 0.01% each, the first with the rest below it. */
function nodes(n: number): BeneficialOwner[] {
  const below = Array.from({ length: n - 2 }, (_, i) => owner(`sub ${i}`, 0.01));
  return [owner('holding', 50, below), owner('person', 50)];
}

describe('exactHundredths', () => {
  it.each([
    [0, 0],
    [60, 6000],
    [33.33, 3333],
    [33.34, 3334],
    [0.01, 1],
    [100, 10000],
    [12.5, 1250],
  ])('%s → %s', (pct, hundredths) => {
    expect(exactHundredths(pct)).toBe(hundredths);
  });

  it.each([[0.001], [33.333], [0.1 + 0.2], [-1], [Number.NaN], [Number.POSITIVE_INFINITY], [1e-7], ['50']])(
    'rejects %s',
    (value) => {
      expect(exactHundredths(value)).toBeNull();
    },
  );
});

describe('validateOwnershipTree', () => {
  it('accepts the api.md example', () => {
    const tree = [
      owner('Altiplano Resources Holdings S.A.', 60, [owner('Mariela Quispe Condori', 100)]),
      owner('Tomas Ibarra Wolff', 40),
    ];
    expect(validateOwnershipTree(tree)).toEqual([]);
  });

  it(`accepts depth ${OWNERSHIP_TREE_MAX_DEPTH} and refuses depth ${OWNERSHIP_TREE_MAX_DEPTH + 1}`, () => {
    expect(validateOwnershipTree(chain(6))).toEqual([]);
    expect(validateOwnershipTree(chain(7))).toEqual([
      {
        field: 'governance.beneficialOwners[0].owners[0].owners[0].owners[0].owners[0].owners[0].owners',
        message: 'ownership tree deeper than 6 levels',
      },
    ]);
  });

  it('reports a very deep tree once, without overflowing', () => {
    const problems = validateOwnershipTree(chain(5000));
    expect(problems.map((p) => p.message)).toEqual([
      'ownership tree has 5000 owners, more than 200',
      'ownership tree deeper than 6 levels',
    ]);
  });

  it(`accepts ${OWNERSHIP_TREE_MAX_NODES} owners and refuses ${OWNERSHIP_TREE_MAX_NODES + 1}`, () => {
    expect(validateOwnershipTree(nodes(200))).toEqual([]);
    expect(validateOwnershipTree(nodes(201))).toEqual([
      { field: 'governance.beneficialOwners', message: 'ownership tree has 201 owners, more than 200' },
    ]);
  });

  it('accepts siblings summing to exactly 100.00 and refuses 100.01', () => {
    expect(validateOwnershipTree([owner('a', 60), owner('b', 40)])).toEqual([]);
    expect(validateOwnershipTree([owner('a', 60), owner('b', 40.01)])).toEqual([
      {
        field: 'governance.beneficialOwners',
        message: 'owners at this level sum to 100.01%, more than 100%',
      },
    ]);
  });

  it('adds 33.33 + 33.33 + 33.34 to exactly 100 (no float drift)', () => {
    const tree = [owner('a', 33.33), owner('b', 33.33), owner('c', 33.34)];
    expect(validateOwnershipTree(tree)).toEqual([]);
    expect(declaredTopLevelPct(tree)).toBe(10000);
  });

  it('checks sibling sums at every level, with the path of that level', () => {
    const tree = [owner('holding', 100, [owner('x', 70), owner('y', 30.5)])];
    expect(validateOwnershipTree(tree)).toEqual([
      {
        field: 'governance.beneficialOwners[0].owners',
        message: 'owners at this level sum to 100.50%, more than 100%',
      },
    ]);
  });

  it.each([[-0.01], [100.01], [33.333], [0.1 + 0.2], [Number.NaN]])('refuses ownershipPct %s', (pct) => {
    const tree = [owner('holding', 50, [owner('a', 10), owner('b', pct)])];
    expect(validateOwnershipTree(tree)).toEqual([
      {
        field: 'governance.beneficialOwners[0].owners[1].ownershipPct',
        message: 'must be a number from 0 to 100 with at most two decimals',
      },
    ]);
  });

  it('refuses empty names and malformed nodes, naming each field', () => {
    const tree = [
      { ...owner('  ', 10) },
      { ...owner('ok', 10), type: 'trust', country: 'ar', isPep: 'no' },
      null,
    ] as unknown as BeneficialOwner[];
    expect(validateOwnershipTree(tree)).toEqual([
      { field: 'governance.beneficialOwners[0].name', message: 'must be a non-empty name' },
      { field: 'governance.beneficialOwners[1].type', message: 'must be one of person, entity' },
      {
        field: 'governance.beneficialOwners[1].country',
        message: 'must be an upper-case ISO 3166-1 alpha-2 code',
      },
      { field: 'governance.beneficialOwners[1].isPep', message: 'must be true or false' },
      { field: 'governance.beneficialOwners[2]', message: 'must be an owner object' },
    ]);
  });

  it('accepts an optional boolean stateOwned on entities only', () => {
    const entity = { ...owner('Sinoref State Co', 30), type: 'entity', country: 'CN', stateOwned: true };
    expect(
      validateOwnershipTree([entity, { ...owner('q', 70), stateOwned: false }] as BeneficialOwner[]),
    ).toEqual([]);
    const tree = [
      { ...entity, stateOwned: 'yes' },
      { ...owner('p', 10), type: 'person', stateOwned: true },
    ] as unknown as BeneficialOwner[];
    expect(validateOwnershipTree(tree)).toEqual([
      { field: 'governance.beneficialOwners[0].stateOwned', message: 'must be true or false when given' },
      { field: 'governance.beneficialOwners[1].stateOwned', message: 'only an entity can be state-owned' },
    ]);
  });

  it('reports problems in document order', () => {
    const tree = [owner('h', 50, [owner('', 10)]), owner('', 50)];
    expect(validateOwnershipTree(tree).map((p) => p.field)).toEqual([
      'governance.beneficialOwners[1].name',
      'governance.beneficialOwners[0].owners[0].name',
    ]);
  });
});

describe('declaredTopLevelPct', () => {
  it('sums only the top level, in integer hundredths', () => {
    expect(declaredTopLevelPct([owner('h', 60, [owner('p', 100)]), owner('q', 40)])).toBe(10000);
    expect(declaredTopLevelPct([owner('a', 12.34)])).toBe(1234);
    expect(declaredTopLevelPct([])).toBe(0);
  });
});
