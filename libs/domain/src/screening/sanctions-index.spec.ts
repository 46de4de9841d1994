import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildSanctionsIndex,
  matchName,
  matchNameExhaustive,
  type NameMatch,
  type SanctionsIndex,
} from './sanctions-index.js';
import { parseSdnCsv, type SdnEntry } from './sdn-csv-parser.js';

const sample = (file: string): string =>
  readFileSync(resolve(process.cwd(), 'config/reference/sanctions', file), 'utf8');

const index = buildSanctionsIndex(parseSdnCsv(sample('sdn.csv'), sample('alt.csv')));
const person = (name: string, threshold?: number): NameMatch =>
  matchName(index, name, { kind: 'individual', ...(threshold === undefined ? {} : { threshold }) });
const entity = (name: string, threshold?: number): NameMatch =>
  matchName(index, name, { kind: 'entity', ...(threshold === undefined ? {} : { threshold }) });

describe('sanctions index and matcher (sample list)', () => {
  it('indexes primary names and aliases', () => {
    expect(index.entryCount).toBe(15);
    expect(index.names).toHaveLength(20);
  });

  it('matches reordered names with hyphens and accents exactly', () => {
    expect(person('Ignacio Tadeo Krasnov-Ardiles')).toEqual({
      result: 'match',
      matchedName: 'KRASNOV-ARDILES, Ignacio Tadeo',
      matchedEntNum: 9001,
      similarity: 1,
      reason: 'exact',
    });
    expect(person('Ignácio Tadeo KRASNOV ARDILES').result).toBe('match');
    expect(person('Vásquez Dragomir, Émil').matchedName).toBe('VASQUEZ-DRAGOMIR, Emil');
  });

  it('matches on aliases and ignores legal suffixes', () => {
    expect(person('Ignacio Krasnov')).toMatchObject({ result: 'match', matchedName: 'KRASNOV, Ignacio' });
    expect(entity('Gray Condor Mining S.A.')).toMatchObject({
      result: 'match',
      matchedName: 'GRAY CONDOR MINING',
    });
    expect(entity('QAL Transportes Ltda.')).toMatchObject({ result: 'match', matchedEntNum: 9005 });
    expect(entity('Black Salar Minerals Limited')).toMatchObject({
      result: 'match',
      matchedName: 'BLACK SALAR MINERALS LTD',
    });
    expect(entity('Silverline Transshipment')).toMatchObject({ result: 'match', matchedEntNum: 9014 });
  });

  it('reports near misses just above the threshold as potential matches with a 4-decimal similarity', () => {
    expect(entity('Ironveil Commodity')).toEqual({
      result: 'potential_match',
      matchedName: 'IRONVEIL COMMODITIES GMBH',
      matchedEntNum: 9008,
      similarity: 0.9118,
      reason: 'similar',
    });
    expect(person('Emil Vazquez Dragomir')).toMatchObject({ result: 'potential_match', similarity: 0.961 });
    expect(person('Lucia Orlov Santander')).toMatchObject({
      result: 'potential_match',
      matchedName: 'ORLOV SANTANDER, Lucia Veronika',
      similarity: 0.94,
    });
  });

  it('clears near misses just below the threshold', () => {
    expect(person('Boris Zhelezniak')).toMatchObject({
      result: 'clear',
      similarity: null,
      matchedName: null,
    });
    expect(entity('Quantum Andes Logistica Group').result).toBe('clear');
    // the same pairs are potential matches under a lower threshold (the threshold is a parameter)
    expect(person('Boris Zhelezniak', 0.8954)).toMatchObject({
      result: 'potential_match',
      similarity: 0.8954,
    });
    expect(person('Boris Zhelezniak', 0.8955).result).toBe('clear');
    expect(entity('Ironveil Commodity', 0.9119).result).toBe('clear');
  });

  it('clears unrelated names', () => {
    expect(person('Mariela Quispe Condori').result).toBe('clear');
    expect(entity('Cordillera del Condor Mining Corp').result).toBe('clear');
  });

  it('never clears a name written in a script it cannot read', () => {
    expect(person('Борис Ильич Железняк')).toEqual({
      result: 'potential_match',
      matchedName: null,
      matchedEntNum: null,
      similarity: null,
      reason: 'non_latin_script',
    });
    expect(entity('القاسمي للتجارة')).toMatchObject({
      result: 'potential_match',
      reason: 'non_latin_script',
    });
    // a Latin part that matches still matches
    expect(entity('ООО Black Salar Minerals')).toMatchObject({ result: 'match', matchedEntNum: 9002 });
    expect(entity('...')).toMatchObject({ result: 'potential_match', reason: 'unscreenable' });
  });
});

// ---- indexed matcher ≡ exhaustive scan on a generated list -------------------------------------

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = [
  'KA',
  'RO',
  'MI',
  'SAN',
  'TOR',
  'EL',
  'VA',
  'NOV',
  'DRA',
  'GO',
  'LI',
  'BER',
  'AS',
  'QUI',
  'ZHE',
  'LEZ',
  'MAR',
  'TA',
];
const COMMON = ['HOLDINGS', 'TRADING', 'MINING', 'METALS', 'INTERNATIONAL', 'GROUP', 'RESOURCES', 'SHIPPING'];

function generateList(count: number, rand: () => number): SdnEntry[] {
  const word = (): string => {
    let w = '';
    const n = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    return w;
  };
  const entries: SdnEntry[] = [];
  for (let i = 0; i < count; i++) {
    const individual = rand() < 0.5;
    const name = individual
      ? `${word()}-${word()}, ${word()} ${word()}`
      : `${word()} ${word()} ${COMMON[Math.floor(rand() * COMMON.length)]} LTD`;
    const aliases =
      rand() < 0.5 ? [{ altNum: i, type: 'aka', name: `${word()} ${word()}`, remarks: null }] : [];
    entries.push({
      entNum: i + 1,
      name,
      type: individual ? 'individual' : 'entity',
      programs: [],
      title: null,
      remarks: null,
      aliases,
    });
  }
  return entries;
}

function perturb(name: string, rand: () => number): string {
  const chars = name.split('');
  const edits = 1 + Math.floor(rand() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * chars.length);
    const op = rand();
    if (op < 0.33) chars.splice(at, 1);
    else if (op < 0.66) chars.splice(at, 0, SYLLABLES[Math.floor(rand() * SYLLABLES.length)]!.charAt(0));
    else if (at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  }
  return chars.join('');
}

describe('indexed matcher against the exhaustive scan', () => {
  const rand = prng(20261127);
  // A deliberately hard list: 18 syllables, so every name shares trigrams with thousands of others.
  const list = generateList(1000, rand);
  const generated: SanctionsIndex = buildSanctionsIndex(list);
  const queries = Array.from({ length: 250 }, (_, q) => {
    const source = list[Math.floor(rand() * list.length)]!;
    const kind = source.type === 'individual' ? ('individual' as const) : ('entity' as const);
    const name = q % 5 === 4 ? `UNRELATED ${q} NAME` : perturb(source.aliases[0]?.name ?? source.name, rand);
    return { name, kind };
  });

  it('returns exactly the same result at the default threshold for perturbed and unrelated names', () => {
    let potential = 0;
    for (const { name, kind } of queries) {
      const indexed = matchName(generated, name, { kind });
      expect(indexed).toEqual(matchNameExhaustive(generated, name, { kind }));
      if (indexed.result === 'potential_match') potential++;
    }
    expect(potential).toBeGreaterThan(50); // the perturbations do exercise the fuzzy path
  });

  it('agrees on at least 99% of names at a lower threshold (blocking is a heuristic: see MIN_GRAM_DICE)', () => {
    let disagreements = 0;
    for (const { name, kind } of queries) {
      const a = matchName(generated, name, { kind, threshold: 0.85 });
      const b = matchNameExhaustive(generated, name, { kind, threshold: 0.85 });
      if (JSON.stringify(a) !== JSON.stringify(b)) disagreements++;
    }
    expect(disagreements).toBeLessThanOrEqual(queries.length / 100);
  });
});
