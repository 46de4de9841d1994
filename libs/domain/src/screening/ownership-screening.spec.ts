import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ApplicationInput, BeneficialOwner } from '../application/application-input.js';
import { DomainError } from '../errors/domain-error.js';
import { screenApplication, type ScreeningDisposition, type ScreeningResult } from './ownership-screening.js';
import { buildSanctionsIndex } from './sanctions-index.js';
import { parseSdnCsv, sanctionsListSha256 } from './sdn-csv-parser.js';

const ref = (file: string): string => readFileSync(resolve(process.cwd(), 'config/reference', file), 'utf8');
const sampleEntries = parseSdnCsv(ref('sanctions/sdn.csv'), ref('sanctions/alt.csv'));
const sampleIndex = buildSanctionsIndex(sampleEntries);
const sampleSha = sanctionsListSha256(sampleEntries);

interface Sample {
  key: string;
  input: ApplicationInput;
}
const portfolio = JSON.parse(ref('sample-portfolio.json')) as { applications: Sample[]; negatives: Sample[] };

const row = (ent: number, name: string, type = '-0-'): string =>
  `${ent},"${name}","${type}","T","-0-","-0-","-0-","-0-","-0-","-0-","-0-","-0-"`;
const testIndex = buildSanctionsIndex(
  parseSdnCsv(
    [
      row(1, 'VOLKOV, Pavel', 'individual'),
      row(2, 'MORROW, Edda', 'individual'),
      row(3, 'GREY LANTERN HOLDINGS LTD'),
      row(4, 'SHADOWFERN, Ilse', 'individual'),
      row(5, 'ACME APPLICANT MINING S.A.'),
      row(6, 'IRONVEIL COMMODITIES GMBH'),
    ].join('\n'),
  ),
);

const p = (name: string, pct: number, extra: Partial<BeneficialOwner> = {}): BeneficialOwner => ({
  name,
  type: 'person',
  country: 'AR',
  ownershipPct: pct,
  isPep: false,
  ...extra,
});
const e = (name: string, pct: number, owners: BeneficialOwner[] = []): BeneficialOwner => ({
  name,
  type: 'entity',
  country: 'AR',
  ownershipPct: pct,
  isPep: false,
  owners,
});

function screen(
  owners: BeneficialOwner[],
  dispositions: ScreeningDisposition[] = [],
  organizationName = 'Clean Applicant SpA',
): ScreeningResult {
  return screenApplication({
    organizationName,
    input: { governance: { beneficialOwners: owners } } as Pick<ApplicationInput, 'governance'>,
    index: testIndex,
    listSha256: 'f'.repeat(64),
    dispositions,
  });
}

function invalid(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) {
      expect(err.code).toBe('APPLICATION.INVALID_OWNERSHIP');
      return err;
    }
    throw err;
  }
  throw new Error('expected APPLICATION.INVALID_OWNERSHIP');
}

describe('screenApplication: parties, paths and effective ownership', () => {
  it('lists the organisation at 100% and every owner with its path and multiplied share', () => {
    const r = screen([e('Holdco Uno Ltd', 60, [p('Ana Ruiz', 50), p('Beto Paz', 50)]), p('Carla Sol', 40)]);
    expect(r.result).toBe('clear');
    expect(r.blockedOwnershipPct).toBe(0);
    expect(r.lookThroughPct).toBe(0);
    expect(r.listSha256).toBe('f'.repeat(64));
    expect(r.parties.map((x) => [x.name, x.path, x.effectivePct, x.result])).toEqual([
      ['Clean Applicant SpA', ['Clean Applicant SpA'], 100, 'clear'],
      ['Holdco Uno Ltd', ['Clean Applicant SpA', 'Holdco Uno Ltd'], 60, 'clear'],
      ['Ana Ruiz', ['Clean Applicant SpA', 'Holdco Uno Ltd', 'Ana Ruiz'], 30, 'clear'],
      ['Beto Paz', ['Clean Applicant SpA', 'Holdco Uno Ltd', 'Beto Paz'], 30, 'clear'],
      ['Carla Sol', ['Clean Applicant SpA', 'Carla Sol'], 40, 'clear'],
    ]);
    expect(r.parties[0]).toMatchObject({
      type: 'organization',
      matchedName: null,
      similarity: null,
      disposition: null,
    });
  });

  it('keeps integer arithmetic: no float drift, truncation to hundredths when reported', () => {
    const r = screen([p('Pavel Volkov', 33.33), p('Edda Morrow', 33.33), p('Ilse Shadowfern', 33.33)]);
    expect(r.blockedOwnershipPct).toBe(99.99);
    expect(r.result).toBe('blocked');
    const drift = screen([p('Pavel Volkov', 10.1), p('Edda Morrow', 20.2)]); // 10.1 + 20.2 = 30.299999999999997 in floats
    expect(drift.blockedOwnershipPct).toBe(30.3);
    expect(drift.lookThroughPct).toBe(30.3);
    const nested = screen([
      e('Holdco Uno Ltd', 33.33, [e('Holdco Dos Ltd', 33.33, [p('Pavel Volkov', 100)])]),
    ]);
    expect(nested.parties[3]!.effectivePct).toBe(11.1); // 11.108889% truncated to 11.10
    expect(nested.lookThroughPct).toBe(11.1);
    // Volkov owns all of Holdco Dos, which holds 33.33% of Holdco Uno: not blocked, nothing counts.
    expect(nested.blockedOwnershipPct).toBe(0);
    expect(nested.result).toBe('review');
  });
});

describe('screenApplication: OFAC 50% rule', () => {
  it('blocks a direct matched owner at exactly 50.00%', () => {
    const r = screen([p('Pavel Volkov', 50), p('Clean Person', 50)]);
    expect(r).toMatchObject({ result: 'blocked', blockedOwnershipPct: 50 });
    expect(r.parties[1]).toMatchObject({ result: 'match', matchedName: 'VOLKOV, Pavel', similarity: 1 });
  });

  it('puts a direct matched owner at 49.99% under review, not blocked', () => {
    expect(screen([p('Pavel Volkov', 49.99), p('Clean Person', 50.01)])).toMatchObject({
      result: 'review',
      blockedOwnershipPct: 49.99,
    });
  });

  it('does not multiply along the chain: a 50%-owned holding company is blocked and its whole stake counts', () => {
    const r = screen([
      e('Holdco Uno Ltd', 60, [p('Pavel Volkov', 50), p('Clean Person', 50)]),
      p('Other', 40),
    ]);
    expect(r).toMatchObject({ result: 'blocked', blockedOwnershipPct: 60, lookThroughPct: 30 });
    expect(r.parties[1]).toMatchObject({
      name: 'Holdco Uno Ltd',
      result: 'blocked_by_ownership',
      blockedStakePct: 50,
    });
    expect(r.parties[2]).toMatchObject({ effectivePct: 30, result: 'match' });
    expect(r.parties[0]).toMatchObject({ result: 'blocked_by_ownership', blockedStakePct: 60 });
  });

  it('does not carry anything up through a holding company owned less than 50% by blocked parties', () => {
    // checks.md: a listed person with 40% of A, where A holds 100% of the applicant: review.
    const r = screen([e('Holdco Uno Ltd', 100, [p('Pavel Volkov', 40), p('Clean Person', 60)])]);
    expect(r).toMatchObject({ result: 'review', blockedOwnershipPct: 0, lookThroughPct: 40 });
    expect(r.parties[1]).toMatchObject({ result: 'clear', blockedStakePct: 40 });
  });

  it('blocks through a chain of 50% links (80% × 62.5% look-through is only reported)', () => {
    expect(screen([e('Holdco Uno Ltd', 80, [p('Pavel Volkov', 62.5)])])).toMatchObject({
      result: 'blocked',
      blockedOwnershipPct: 80,
      lookThroughPct: 50,
    });
  });

  it('blocks a holding company at exactly 50.00% but not at 49.99%', () => {
    expect(screen([e('Holdco Uno Ltd', 99.99, [p('Pavel Volkov', 50)])])).toMatchObject({
      result: 'blocked',
      blockedOwnershipPct: 99.99,
      lookThroughPct: 49.99, // 49.995% truncated
    });
    expect(
      screen([e('Holdco Uno Ltd', 100, [p('Pavel Volkov', 49.99), p('Clean Person', 50.01)])]),
    ).toMatchObject({
      result: 'review',
      blockedOwnershipPct: 0,
    });
  });

  it('blocks through six levels of 50% holdings', () => {
    let tree: BeneficialOwner = p('Pavel Volkov', 50);
    for (let i = 5; i >= 1; i--)
      tree = e(`Level ${['Uno', 'Dos', 'Tres', 'Cuatro', 'Cinco'][i - 1]} Holdco`, 50, [tree]);
    const r = screen([tree, p('Clean Person', 50)]);
    expect(r).toMatchObject({ result: 'blocked', blockedOwnershipPct: 50, lookThroughPct: 1.56 }); // 0.5^6 = 1.5625%
    expect(r.parties.filter((x) => x.result === 'blocked_by_ownership').map((x) => x.name)).toHaveLength(6);
  });

  it('adds up holdings of several blocked owners (25% + 25%)', () => {
    const r = screen([p('Pavel Volkov', 25), e('Grey Lantern Holdings Limited', 25), p('Clean Person', 50)]);
    expect(r).toMatchObject({ result: 'blocked', blockedOwnershipPct: 50 });
  });

  it('does not count the descendants of a matched owner twice in the look-through', () => {
    const r = screen([e('Grey Lantern Holdings', 40, [p('Pavel Volkov', 100)]), p('Clean Person', 60)]);
    expect(r).toMatchObject({ result: 'review', blockedOwnershipPct: 40, lookThroughPct: 40 });
    expect(r.parties.filter((x) => x.result === 'match')).toHaveLength(2);
  });

  it('blocks when the organisation itself matches', () => {
    const r = screen([p('Clean Person', 100)], [], 'Acme Applicant Mining SA');
    expect(r).toMatchObject({ result: 'blocked', blockedOwnershipPct: 0 });
    expect(r.parties[0]).toMatchObject({ result: 'match', matchedEntNum: 5 });
  });

  it('reproduces sample N01: both holding companies are blocked, their whole 60% + 40% count (look-through 55%)', () => {
    const n01 = portfolio.negatives.find((s) => s.key === 'N01')!;
    const r = screenApplication({
      organizationName: n01.input.title,
      input: n01.input,
      index: sampleIndex,
      listSha256: sampleSha,
    });
    expect(r.result).toBe('blocked');
    expect(r.blockedOwnershipPct).toBe(100);
    expect(r.lookThroughPct).toBe(55);
    expect(r.listSha256).toBe(sampleSha);
    expect(
      r.parties
        .filter((x) => x.result !== 'clear')
        .map((x) => [x.name, x.result, x.effectivePct, x.matchedName]),
    ).toEqual([
      ['Rio Oro gold and copper project', 'blocked_by_ownership', 100, null],
      ['Puna Holdings BVI Ltd', 'blocked_by_ownership', 60, null],
      ['Ignacio Tadeo Krasnov-Ardiles', 'match', 30, 'KRASNOV-ARDILES, Ignacio Tadeo'],
      ['Salar Investments BVI Ltd', 'blocked_by_ownership', 40, null],
      ['Black Salar Minerals Ltd', 'match', 25, 'BLACK SALAR MINERALS LTD'],
    ]);
  });

  it.each(
    [...portfolio.applications, ...portfolio.negatives.filter((s) => s.key !== 'N01')].map((s) => [s.key, s]),
  )('screens sample %s clear against the sample list', (_key, s) => {
    const r = screenApplication({
      organizationName: s.input.title,
      input: s.input,
      index: sampleIndex,
      listSha256: sampleSha,
    });
    expect(r.parties.filter((x) => x.result !== 'clear')).toEqual([]);
    expect(r.result).toBe('clear');
  });
});

describe('screenApplication: potential matches and dispositions', () => {
  const owners = [e('Ironveil Commodity', 60), p('Clean Person', 40)]; // ≈ IRONVEIL COMMODITIES GMBH, 0.9118

  it('puts an undecided potential match under review', () => {
    const r = screen(owners);
    expect(r).toMatchObject({ result: 'review', blockedOwnershipPct: 0 });
    expect(r.parties[1]).toMatchObject({
      result: 'potential_match',
      matchedName: 'IRONVEIL COMMODITIES GMBH',
      similarity: 0.9118,
      disposition: null,
    });
  });

  it('counts a true match as a match (blocking at 60%)', () => {
    const r = screen(owners, [{ partyName: 'IRONVEIL COMMODITY', disposition: 'true_match' }]);
    expect(r).toMatchObject({ result: 'blocked', blockedOwnershipPct: 60 });
    expect(r.parties[1]!.disposition).toBe('true_match');
  });

  it('clears a false positive, keeping what the matcher found', () => {
    const r = screen(owners, [{ partyName: 'Ironveil Commodity', disposition: 'false_positive' }]);
    expect(r).toMatchObject({ result: 'clear', blockedOwnershipPct: 0 });
    expect(r.parties[1]).toMatchObject({ result: 'potential_match', disposition: 'false_positive' });
  });

  it('lets a false positive clear an exact name match too (another person of the same name)', () => {
    const r = screen([p('Pavel Volkov', 60)], [{ partyName: 'Pavel Volkov', disposition: 'false_positive' }]);
    expect(r.result).toBe('clear');
  });

  it('applies a disposition tied to a list name only while that is still the hit', () => {
    const stale = screen(owners, [
      { partyName: 'Ironveil Commodity', disposition: 'false_positive', matchedName: 'SOME OLD ENTRY' },
    ]);
    expect(stale.result).toBe('review');
    const current = screen(owners, [
      {
        partyName: 'Ironveil Commodity',
        disposition: 'false_positive',
        matchedName: 'IRONVEIL COMMODITIES GMBH',
      },
    ]);
    expect(current.result).toBe('clear');
  });

  it('uses the latest applicable disposition', () => {
    const r = screen(owners, [
      { partyName: 'Ironveil Commodity', disposition: 'false_positive' },
      { partyName: 'Ironveil Commodity', disposition: 'true_match' },
    ]);
    expect(r.result).toBe('blocked');
  });

  it('sends a non-Latin owner name to review instead of clearing it', () => {
    const r = screen([p('Павел Волков', 10), p('Clean Person', 90)]);
    expect(r.result).toBe('review');
    expect(r.parties[1]).toMatchObject({
      result: 'potential_match',
      reason: 'non_latin_script',
      matchedName: null,
    });
  });

  it('rejects a threshold outside (0, 1]', () => {
    expect(() =>
      screenApplication({
        organizationName: 'X',
        input: { governance: { beneficialOwners: [] } } as unknown as Pick<ApplicationInput, 'governance'>,
        index: testIndex,
        listSha256: '',
        threshold: 1.5,
      }),
    ).toThrow(DomainError);
  });
});

describe('screenApplication: invalid ownership trees', () => {
  it('rejects siblings summing over 100%, naming the field', () => {
    const err = invalid(() => screen([p('A One', 60), p('B Two', 40.01)]));
    expect(err.message).toContain('add up to 100.01%');
    expect(err.details[0]!.field).toBe('governance.beneficialOwners');
  });

  it('rejects nested siblings summing over 100%', () => {
    const err = invalid(() => screen([e('Holdco Uno Ltd', 100, [p('A One', 70), p('B Two', 31)])]));
    expect(err.details[0]!.field).toBe('governance.beneficialOwners[0].owners');
  });

  it('rejects a cycle (a name in its own ancestor path), legal suffix and case ignored', () => {
    const err = invalid(() =>
      screen([
        e('Holdco Uno Ltd', 100, [
          e('Holdco Dos SA', 100, [e('HOLDCO UNO LIMITED', 100, [p('A One', 100)])]),
        ]),
      ]),
    );
    expect(err.message).toContain('ownership cycle');
    expect(err.details[0]!.field).toBe('governance.beneficialOwners[0].owners[0].owners[0].name');
  });

  it('rejects an owner named like the applicant itself', () => {
    const err = invalid(() => screen([e('Clean Applicant S.p.A.', 100)]));
    expect(err.message).toContain('ownership cycle');
  });

  it('accepts the same person in two separate branches and judges each holding company on its own owners', () => {
    const r = screen([
      e('Holdco Uno Ltd', 50, [p('Pavel Volkov', 60)]),
      e('Holdco Dos Ltd', 50, [p('Pavel Volkov', 40)]),
    ]);
    // Holdco Uno is blocked (60%): its 50% counts; Holdco Dos (40%) is not.
    expect(r).toMatchObject({ result: 'blocked', blockedOwnershipPct: 50, lookThroughPct: 50 });
  });

  it('rejects percentages with more than two decimals or outside 0–100, persons with owners, and empty names', () => {
    const err = invalid(() =>
      screen([
        p('A One', 10.125),
        p('B Two', -1),
        p('', 5),
        { ...p('C Three', 10), owners: [p('D Four', 100)] },
      ]),
    );
    expect(err.details.map((d) => d.field)).toEqual([
      'governance.beneficialOwners[0].ownershipPct',
      'governance.beneficialOwners[1].ownershipPct',
      'governance.beneficialOwners[2].name',
      'governance.beneficialOwners[3].owners',
    ]);
  });

  it('rejects trees deeper than 6 levels', () => {
    let tree: BeneficialOwner = p('Leaf Person', 100);
    for (let i = 7; i >= 1; i--) tree = e(`Level ${i} Holdco`, 100, [tree]);
    const err = invalid(() => screen([tree]));
    expect(err.message).toContain('deeper than 6 levels');
  });
});
