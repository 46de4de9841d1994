/**
 * Sanctions screening throughput. Generates a 20,000-entry SDN list in the legacy CSV layout
 * (the 15 entries of the sample list plus generated ones, ~1 alias per entry), parses it,
 * builds the index once (both timed), then screens sample application N01 (blocked at 55.00%)
 * repeatedly with the indexed matcher and with a naive all-pairs scan (every party against
 * every primary name and alias), in the same run, and reports screenings per second and the
 * ratio. Run: `node dist/bench/screening.bench.js [iterations]` → one JSON line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  buildSanctionsIndex,
  flattenOwnership,
  matchName,
  matchNameExhaustive,
  parseSdnCsv,
  sanctionsListSha256,
  screenApplication,
  type ApplicationInput,
  type NameMatch,
} from '@forge/domain';

export interface ScreeningBenchResult {
  name: string;
  listEntries: number;
  listNames: number;
  parseMs: number;
  indexBuildMs: number;
  application: string;
  parties: number;
  result: string;
  blockedOwnershipPct: number;
  indexed: { iterations: number; screeningsPerSec: number; meanMicros: number };
  naive: { iterations: number; screeningsPerSec: number; meanMicros: number };
  speedup: number;
  sameMatches: boolean;
}

const LIST_SIZE = 20_000;

/** Walks up from this file to the repository root (works from `bench/` and `dist/bench/`). */
function referenceFile(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'config', 'reference', name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`config/reference/${name} not found`);
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ONSETS = [
  'B',
  'D',
  'K',
  'M',
  'N',
  'R',
  'S',
  'T',
  'V',
  'Z',
  'KH',
  'SH',
  'AL',
  'GR',
  'TR',
  'BR',
  'CH',
  'F',
  'H',
  'L',
];
const VOWELS = ['A', 'E', 'I', 'O', 'U', 'IA', 'OU', 'AI'];
const CODAS = ['', '', 'N', 'R', 'S', 'V', 'M', 'L', 'K', 'D'];
const BUSINESS = [
  'HOLDINGS',
  'TRADING',
  'MINING',
  'METALS',
  'INTERNATIONAL',
  'GROUP',
  'RESOURCES',
  'SHIPPING',
  'BANK',
];
const FORMS = ['LTD', 'LLC', 'S.A.', 'GMBH', 'FZE', 'CO., LTD.', 'PLC', 'JSC', ''];

/** A synthetic list: realistic shapes (individuals `LAST, First`, entities with legal forms). */
function generateList(size: number): { sdn: string; alt: string } {
  const rand = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const word = (): string => {
    let w = '';
    const n = 2 + Math.floor(rand() * 2);
    for (let i = 0; i < n; i++) w += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    return w;
  };
  const sdn = [readFileSync(referenceFile('sanctions/sdn.csv'), 'utf8').trimEnd()];
  const alt = [readFileSync(referenceFile('sanctions/alt.csv'), 'utf8').trimEnd()];
  const field = (v: string): string => `"${v.replace(/"/g, '""')}"`;
  let altNum = 1000;
  for (let i = 15; i < size; i++) {
    const ent = 20000 + i;
    const individual = rand() < 0.45;
    const name = individual
      ? `${word()}${rand() < 0.3 ? `-${word()}` : ''}, ${word()} ${word()}`
      : `${word()} ${word()} ${pick(BUSINESS)} ${pick(FORMS)}`.trim();
    const cells = [String(ent), field(name), field(individual ? 'individual' : '-0-'), field('DEMO-X')];
    for (let k = 0; k < 7; k++) cells.push(field('-0-'));
    cells.push(field(`generated entry ${i}, for benchmarking`));
    sdn.push(cells.join(','));
    const aliases = rand() < 0.3 ? 0 : rand() < 0.6 ? 1 : 2;
    for (let a = 0; a < aliases; a++) {
      const aliasName = individual ? `${word()}, ${word()}` : `${word()} ${pick(BUSINESS)}`;
      alt.push([String(ent), String(++altNum), field('aka'), field(aliasName), field('-0-')].join(','));
    }
  }
  return { sdn: `${sdn.join('\r\n')}\r\n\x1a`, alt: `${alt.join('\r\n')}\r\n\x1a` };
}

function timeLoop(
  iterations: number,
  body: () => void,
): { iterations: number; screeningsPerSec: number; meanMicros: number } {
  const warmup = Math.min(iterations, 50);
  for (let i = 0; i < warmup; i++) body();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) body();
  const ns = Number(process.hrtime.bigint() - start);
  return {
    iterations,
    screeningsPerSec: Math.round((iterations * 1e11) / ns) / 100,
    meanMicros: Math.round(ns / iterations / 10) / 100,
  };
}

export async function benchScreening(iterations = 2000): Promise<ScreeningBenchResult> {
  const { sdn, alt } = generateList(LIST_SIZE);
  let t = process.hrtime.bigint();
  const entries = parseSdnCsv(sdn, alt);
  const parseMs = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  const index = buildSanctionsIndex(entries);
  const indexBuildMs = Number(process.hrtime.bigint() - t) / 1e6;
  const listSha256 = sanctionsListSha256(entries);

  const portfolio = JSON.parse(readFileSync(referenceFile('sample-portfolio.json'), 'utf8')) as {
    negatives: { key: string; input: ApplicationInput }[];
  };
  const n01 = portfolio.negatives.find((s) => s.key === 'N01')!.input;
  const organizationName = n01.title;
  const screenOnce = () => screenApplication({ organizationName, input: n01, index, listSha256 });
  const first = screenOnce();
  if (first.result !== 'blocked' || first.blockedOwnershipPct !== 100) {
    throw new Error(`N01 should be blocked at 100.00%, got ${first.result} ${first.blockedOwnershipPct}`);
  }

  // The naive scan does the same per-party work as screenApplication but compares every name.
  const parties = flattenOwnership(organizationName, n01.governance.beneficialOwners).map((n) => ({
    name: n.name,
    kind: n.type === 'person' ? ('individual' as const) : ('entity' as const),
  }));
  const naiveOnce = (): NameMatch[] =>
    parties.map((p) => matchNameExhaustive(index, p.name, { kind: p.kind }));
  const indexedMatches = parties.map((p) => matchName(index, p.name, { kind: p.kind }));
  const sameMatches = JSON.stringify(indexedMatches) === JSON.stringify(naiveOnce());

  const count = Math.max(1, Math.trunc(iterations));
  const indexed = timeLoop(count, () => void screenOnce());
  const naive = timeLoop(Math.max(3, Math.ceil(count / 200)), () => void naiveOnce());

  return {
    name: 'screening',
    listEntries: entries.length,
    listNames: index.names.length,
    parseMs: Math.round(parseMs * 100) / 100,
    indexBuildMs: Math.round(indexBuildMs * 100) / 100,
    application: 'N01',
    parties: parties.length,
    result: first.result,
    blockedOwnershipPct: first.blockedOwnershipPct,
    indexed,
    naive,
    speedup: Math.round((naive.meanMicros / indexed.meanMicros) * 10) / 10,
    sameMatches,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const iterations = Number(process.argv[2] ?? 2000);
  console.log(JSON.stringify(await benchScreening(Number.isFinite(iterations) ? iterations : 2000)));
}
