import { jaroWinkler } from './jaro-winkler.js';
import { normaliseName, type NameKind } from './name-normaliser.js';
import type { SdnEntry } from './sdn-csv-parser.js';

/** Default `SANCTIONS_MATCH_THRESHOLD` of checks.md. */
export const DEFAULT_MATCH_THRESHOLD = 0.9;

/** One primary name or alias of the list, normalised. */
export interface IndexedName {
  readonly entNum: number;
  /** As written on the list. */
  readonly name: string;
  readonly isAlias: boolean;
  /** Sorted, de-duplicated normalised tokens joined by spaces. */
  readonly key: string;
}

/**
 * An inverted index over a sanctions list snapshot, built once per snapshot
 * (`buildSanctionsIndex`) and shared by every screening against that snapshot:
 * - `exact`: normalised token-set key → names (exact matches in O(1));
 * - `grams`: token trigram (tokens padded with a space on both sides) → names holding it.
 * A party is compared (Jaro-Winkler) only with names sharing enough trigrams with it, of a
 * compatible length, and whose character-count upper bound of Jaro-Winkler (`histograms`) can
 * still reach the threshold: not with the whole list.
 */
export interface SanctionsIndex {
  readonly entryCount: number;
  readonly names: readonly IndexedName[];
  readonly exact: ReadonlyMap<string, readonly number[]>;
  readonly grams: ReadonlyMap<string, Int32Array>;
  /** Number of distinct trigrams of each name (same order as `names`). */
  readonly gramCounts: Uint16Array;
  /** Character histograms of the keys, `HISTOGRAM_BINS` counts per name (saturating at 255). */
  readonly histograms: Uint8Array;
}

export type NameMatchResult = 'clear' | 'potential_match' | 'match';

export interface NameMatch {
  result: NameMatchResult;
  /** The list name (primary or alias, as written) that matched best; null when clear. */
  matchedName: string | null;
  matchedEntNum: number | null;
  /** Jaro-Winkler of the sorted-token keys, 4 decimals; 1 for an exact match; null when clear. */
  similarity: number | null;
  /**
   * Why a hit was reported: `exact` token-set equality, `similar` (≥ threshold),
   * `non_latin_script` (letters we cannot transliterate: an officer must review), or
   * `unscreenable` (nothing left to compare after normalisation).
   */
  reason: 'exact' | 'similar' | 'non_latin_script' | 'unscreenable' | null;
}

export interface MatchOptions {
  /** `individual` for people (no legal-suffix stripping), `entity` otherwise (default). */
  kind?: NameKind;
  /** Similarity at or above which a name is a potential match (default 0.90). */
  threshold?: number;
}

/**
 * Candidate filter (blocking): a name is verified with Jaro-Winkler only when its trigram set
 * and the query's have a Dice coefficient of at least this value. This is a heuristic, not a
 * proof: Jaro-Winkler ≥ 0.90 on sorted keys implies heavy character overlap, which in practice
 * means many shared trigrams. `sanctions-index.spec.ts` checks on a deliberately hard generated
 * list that the indexed matcher returns exactly what the exhaustive scan returns at 0.90, and
 * agrees on ≥ 99% of names at 0.85 (a single miss was seen there at similarity 0.8576).
 * `matchNameExhaustive` is the exact reference when a full scan is wanted.
 */
const MIN_GRAM_DICE = 0.2;

function gramsOf(key: string): string[] {
  const out = new Set<string>();
  for (const token of key.split(' ')) {
    if (token === '') continue;
    const padded = ` ${token} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return [...out];
}

/** Bins: A–Z, 0–9, space. Keys hold nothing else (see the normaliser). */
const HISTOGRAM_BINS = 37;

function binOf(code: number): number {
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 48 && code <= 57) return code - 48 + 26;
  return 36;
}

function fillHistogram(key: string, target: Uint8Array, offset: number): void {
  for (let i = 0; i < key.length; i++) {
    const at = offset + binOf(key.charCodeAt(i));
    if (target[at]! < 255) target[at]!++;
  }
}

/**
 * An upper bound of `jaroWinkler(q, key)` from character counts alone: Jaro's matched
 * characters m never exceed the multiset overlap of the two strings, and the transposition term
 * is at most 1, so Jaro ≤ (ov/|q| + ov/|key| + 1) / 3; the Winkler boost is monotone in Jaro.
 * Exact pruning: a name whose bound is below the threshold cannot reach it.
 */
function jaroWinklerUpperBound(
  q: string,
  qHist: Uint8Array,
  key: string,
  hist: Uint8Array,
  offset: number,
): number {
  let overlap = 0;
  for (let b = 0; b < HISTOGRAM_BINS; b++) {
    const x = qHist[b]!;
    const y = hist[offset + b]!;
    overlap += x < y ? x : y;
  }
  if (overlap === 0) return 0;
  const jaro = Math.min(1, (overlap / q.length + overlap / key.length + 1) / 3);
  if (jaro <= 0.7) return jaro;
  let prefix = 0;
  const maxPrefix = Math.min(4, q.length, key.length);
  while (prefix < maxPrefix && q.charCodeAt(prefix) === key.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const kindOf = (entry: SdnEntry): NameKind => (entry.type === 'individual' ? 'individual' : 'entity');

export function buildSanctionsIndex(entries: readonly SdnEntry[]): SanctionsIndex {
  const names: IndexedName[] = [];
  const exact = new Map<string, number[]>();
  const postings = new Map<string, number[]>();
  const counts: number[] = [];
  const add = (entNum: number, name: string, isAlias: boolean, kind: NameKind): void => {
    const { key } = normaliseName(name, kind);
    if (key === '') return; // a list name made only of non-Latin letters cannot be compared
    const id = names.length;
    names.push({ entNum, name, isAlias, key });
    const same = exact.get(key);
    if (same) same.push(id);
    else exact.set(key, [id]);
    const grams = gramsOf(key);
    counts.push(Math.min(grams.length, 0xffff));
    for (const g of grams) {
      const list = postings.get(g);
      if (list) list.push(id);
      else postings.set(g, [id]);
    }
  };
  for (const entry of entries) {
    const kind = kindOf(entry);
    add(entry.entNum, entry.name, false, kind);
    for (const alias of entry.aliases) add(entry.entNum, alias.name, true, kind);
  }
  const grams = new Map<string, Int32Array>();
  for (const [g, list] of postings) grams.set(g, Int32Array.from(list));
  const histograms = new Uint8Array(names.length * HISTOGRAM_BINS);
  names.forEach((n, id) => fillHistogram(n.key, histograms, id * HISTOGRAM_BINS));
  return {
    entryCount: entries.length,
    names,
    exact,
    grams,
    gramCounts: Uint16Array.from(counts),
    histograms,
  };
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

const CLEAR: NameMatch = {
  result: 'clear',
  matchedName: null,
  matchedEntNum: null,
  similarity: null,
  reason: null,
};

/** Prefer the higher similarity, then a primary name over an alias, then the lower ent_num. */
function better(index: SanctionsIndex, id: number, sim: number, bestId: number, bestSim: number): boolean {
  if (bestId < 0 || sim > bestSim) return true;
  if (sim < bestSim) return false;
  const a = index.names[id]!;
  const b = index.names[bestId]!;
  if (a.isAlias !== b.isAlias) return !a.isAlias;
  return a.entNum < b.entNum;
}

function exactHit(index: SanctionsIndex, key: string): NameMatch | null {
  const ids = index.exact.get(key);
  if (!ids) return null;
  let best = -1;
  for (const id of ids) if (better(index, id, 1, best, 1)) best = id;
  const hit = index.names[best]!;
  return {
    result: 'match',
    matchedName: hit.name,
    matchedEntNum: hit.entNum,
    similarity: 1,
    reason: 'exact',
  };
}

function finish(
  index: SanctionsIndex,
  bestId: number,
  bestSim: number,
  threshold: number,
  nonLatin: boolean,
  empty: boolean,
): NameMatch {
  const sim = round4(bestSim);
  if (bestId >= 0 && sim >= threshold) {
    const hit = index.names[bestId]!;
    return {
      result: 'potential_match',
      matchedName: hit.name,
      matchedEntNum: hit.entNum,
      similarity: sim,
      reason: 'similar',
    };
  }
  if (nonLatin) return { ...CLEAR, result: 'potential_match', reason: 'non_latin_script' };
  if (empty) return { ...CLEAR, result: 'potential_match', reason: 'unscreenable' };
  return { ...CLEAR };
}

let counter = new Uint16Array(0);

/**
 * Screens one name against the index: exact normalised token-set equality with a primary name
 * or alias → `match`; otherwise the best Jaro-Winkler similarity of the sorted-token keys,
 * rounded to 4 decimals, at or above `threshold` → `potential_match`; otherwise `clear`
 * (or `potential_match` with reason `non_latin_script` / `unscreenable`, see NameMatch).
 */
export function matchName(index: SanctionsIndex, name: string, options: MatchOptions = {}): NameMatch {
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const norm = normaliseName(name, options.kind ?? 'entity');
  if (norm.key !== '') {
    const hit = exactHit(index, norm.key);
    if (hit) return hit;
  }
  if (norm.key === '') return finish(index, -1, 0, threshold, norm.nonLatin, true);

  const queryGrams = gramsOf(norm.key);
  const n = index.names.length;
  if (counter.length < n) counter = new Uint16Array(n);
  const touched: number[] = [];
  for (const g of queryGrams) {
    const list = index.grams.get(g);
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const id = list[k]!;
      if (counter[id] === 0) touched.push(id);
      counter[id]++;
    }
  }
  // Jaro-Winkler ≤ 0.6·Jaro + 0.4 and Jaro ≤ (2 + short/long)/3: lengths must be compatible.
  const minJaro = (threshold - 0.4) / 0.6;
  const minLengthRatio = Math.max(0, 3 * minJaro - 2);
  const q = norm.key;
  const qHist = new Uint8Array(HISTOGRAM_BINS);
  fillHistogram(q, qHist, 0);
  let bestId = -1;
  let bestSim = 0;
  for (const id of touched) {
    const shared = counter[id]!;
    counter[id] = 0;
    if ((2 * shared) / (queryGrams.length + index.gramCounts[id]!) < MIN_GRAM_DICE) continue;
    const key = index.names[id]!.key;
    const ratio = key.length < q.length ? key.length / q.length : q.length / key.length;
    if (ratio < minLengthRatio) continue;
    // Cannot beat the threshold nor the best so far (a tie with the best may still win on order).
    const bound = round4(jaroWinklerUpperBound(q, qHist, key, index.histograms, id * HISTOGRAM_BINS));
    if (bound < threshold || bound < round4(bestSim)) continue;
    const sim = jaroWinkler(q, key);
    if (better(index, id, sim, bestId, bestSim)) {
      bestId = id;
      bestSim = sim;
    }
  }
  return finish(index, bestId, bestSim, threshold, norm.nonLatin, false);
}

/**
 * The same decision by comparing the name with every name of the list (no blocking): the
 * reference the indexed matcher is tested and benchmarked against.
 */
export function matchNameExhaustive(
  index: SanctionsIndex,
  name: string,
  options: MatchOptions = {},
): NameMatch {
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const norm = normaliseName(name, options.kind ?? 'entity');
  if (norm.key === '') return finish(index, -1, 0, threshold, norm.nonLatin, true);
  let exactId = -1;
  let bestId = -1;
  let bestSim = 0;
  index.names.forEach((candidate, id) => {
    if (candidate.key === norm.key) {
      if (better(index, id, 1, exactId, 1)) exactId = id;
      return;
    }
    const sim = jaroWinkler(norm.key, candidate.key);
    if (better(index, id, sim, bestId, bestSim)) {
      bestId = id;
      bestSim = sim;
    }
  });
  if (exactId >= 0) {
    const hit = index.names[exactId]!;
    return {
      result: 'match',
      matchedName: hit.name,
      matchedEntNum: hit.entNum,
      similarity: 1,
      reason: 'exact',
    };
  }
  return finish(index, bestId, bestSim, threshold, norm.nonLatin, false);
}
