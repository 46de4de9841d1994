/**
 * `npm run bench`: runs every `dist/bench/*.bench.js` (each exports one `bench*` function that resolves to a
 * JSON-able result with a `name`), writes bench/results/<name>.json, and regenerates the results section of
 * bench/README.md (between the RESULTS markers) with the machine, versions, date and every ratio with its
 * goal. BENCH_ONLY=pipeline,api runs a subset; BENCH_QUICK=1 uses small sizes (BENCH_QUICK=growth,trail-growth: for
 * those benches only). The environment's load average is recorded with the machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AuditAppendRate } from './audit.bench.js';
import { ForgeCluster, postgresServer, repoRoot, round } from './cluster.js';

type Result = Record<string, unknown> & { name: string };

/** `BENCH_QUICK=1`: every bench at its small size; `BENCH_QUICK=growth,trail-growth`: only those benches. */
const QUICK_SPEC = process.env.BENCH_QUICK ?? '';
const QUICK_ONLY = QUICK_SPEC === '1' ? undefined : QUICK_SPEC.split(',').filter(Boolean);
const QUICK_ARGS: Record<string, unknown[]> = {
  pipeline: [60],
  api: [2],
  'scale-out': [60, 2],
  'scoring-pure': [20_000],
  screening: [200],
  audit: [100],
  'scoring-e2e': [100],
  growth: [10_000],
  'trail-growth': [[1000, 10_000]],
};
const FULL_ARGS: Record<string, unknown[]> = {
  pipeline: [500],
  api: [8],
  'scale-out': [300, 6],
  'scoring-pure': [200_000],
  screening: [2000],
  // Five interleaved rounds: one round's ratio moves by ±30% with the shared machine's load.
  audit: [400, 5],
  'scoring-e2e': [1000],
  growth: [100_000],
};
/** Arguments per bench; unknown benches run with their defaults. */
const ARGS: Record<string, unknown[]> = Object.fromEntries(
  [...new Set([...Object.keys(QUICK_ARGS), ...Object.keys(FULL_ARGS)])].flatMap((name) => {
    const quick = QUICK_SPEC === '1' || (QUICK_ONLY?.includes(name) ?? false);
    const args = quick ? QUICK_ARGS[name] : FULL_ARGS[name];
    return args === undefined ? [] : [[name, args]];
  }),
);

function version(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim().split('\n')[0]!;
  } catch {
    return 'unavailable';
  }
}

function packageVersion(name: string): string {
  try {
    return JSON.parse(readFileSync(join(repoRoot(), 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'unavailable';
  }
}

export function machine(): Record<string, string | number> {
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    os: `${osType()} ${release()}`,
    node: process.version,
    postgres: version('psql', ['--version']),
    redis: version('redis-server', ['--version']),
    fastify: packageVersion('fastify'),
    bullmq: packageVersion('bullmq'),
    nestjs: packageVersion('@nestjs/core'),
    typeorm: packageVersion('typeorm'),
    loadAverage: loadAverage(),
    quick: QUICK_SPEC === '1' ? 'all' : (QUICK_ONLY ?? []).join(','),
  };
}

/** The 1, 5 and 15-minute load averages (other sessions share the machine: the figures depend on them). */
function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
}

function get(result: Result | undefined, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], result);
}

interface Row {
  figure: string;
  value: unknown;
  baseline: string;
  goal: string;
  met: string;
}

function ratioRows(results: Record<string, Result>): Row[] {
  const rows: Row[] = [];
  const add = (figure: string, value: unknown, baseline: string, goal?: number) => {
    if (value === undefined) return;
    const met = goal === undefined ? '—' : Number(value) >= goal ? 'yes' : '**no** (see notes)';
    rows.push({ figure, value, baseline, goal: goal === undefined ? '—' : `≥ ${goal}`, met });
  };
  const p = results.pipeline;
  add(
    'Pipeline e2e / raw pg, 4 small transactions per application',
    get(p, 'ratioToFourTransactions'),
    `raw pg: insert + 3 updates of a JSON row (${get(p, 'rawPgFourTransactions.applicationsPerSec')} applications/s)`,
    0.25,
  );
  add('Pipeline e2e / raw pg ceiling', get(p, 'ratioToPgCeiling'), 'raw pg, same transaction count', 0.5);
  add('Pipeline e2e / bare BullMQ', get(p, 'ratioToBareBullmq'), 'no-op jobs, 2 per application');
  add('Pipeline applications/s', get(p, 'e2e.applicationsPerSec'), 'absolute');
  const a = results.api;
  add(
    'GET /applications/:id (staff view) / raw pg, same rows as JSON (16 clients)',
    get(a, 'ratioGetToRawPg'),
    `raw pg, the view's one statement, prepared as the API prepares it (${get(a, 'rawPgGet.requestsPerSec')}/s)`,
    0.5,
  );
  add(
    'GET /applications/:id (sponsor view) / raw pg, same rows as JSON (16 clients)',
    get(a, 'ratioSponsorGetToRawPg'),
    `raw pg, the sponsor view's one statement, prepared (${get(a, 'rawPgSponsorGet.requestsPerSec')}/s)`,
    0.5,
  );
  add(
    'GET /applications/:id (staff view) / raw pg parsing the statement every time',
    get(a, 'ratioGetToRawPgParsed'),
    `raw pg, the view's statement unprepared (${get(a, 'rawPgGetParsed.requestsPerSec')}/s)`,
  );
  add(
    'GET /applications/:id (sponsor view) / raw pg parsing the statement every time',
    get(a, 'ratioSponsorGetToRawPgParsed'),
    `raw pg, the sponsor view's statement unprepared (${get(a, 'rawPgSponsorGetParsed.requestsPerSec')}/s)`,
  );
  add('GET /applications/:id / bare Fastify', get(a, 'ratioGet'), 'bare Fastify, same JSON', 0.35);
  add('POST /applications / bare Fastify', get(a, 'ratioPost'), 'bare Fastify parsing the body', 0.35);
  add('Validation share of a POST', get(a, 'validation.shareOfPostRequest'), 'POST per-request time');
  const au = results.audit;
  const auditPoints = (get(au, 'appends') as AuditAppendPoint[] | undefined) ?? [];
  for (const point of auditPoints) {
    const { writers, roundRatios: rounds } = point;
    // The goal's figure: the sequencer in its own process, as deployed (the API appends, a worker sequences).
    add(
      `Audit appends / plain inserts, ${writers} writer${writers > 1 ? 's' : ''}`,
      round(point.chainPerSecond / point.plainPerSecond, 3),
      `the same transaction into a plain table (${point.plainPerSecond}/s; sequencer in its own process, as deployed` +
        (rounds ? `; ${rounds.length} interleaved rounds: ${rounds.join(', ')})` : ')'),
      writers === 16 ? 0.8 : undefined,
    );
    if (writers === 16 && point.mergeDelayMs) {
      add('Audit merge delay p50 (ms), 16 writers', point.mergeDelayMs.p50, 'COMMIT → sequenced');
      add('Audit merge delay p99 (ms), 16 writers', point.mergeDelayMs.p99, 'COMMIT → sequenced');
    }
  }
  // Beside it, the figure before 2026-11-30: the sequencer's loop in the writers' own process and event loop.
  for (const { writers, plainPerSecond, sameProcessSequencer: same } of auditPoints) {
    if (!same) continue;
    add(
      `Audit appends / plain inserts, ${writers} writer${writers > 1 ? 's' : ''}, sequencer in the writers' process`,
      same.chainToPlainRatio,
      `the same plain inserts (${plainPerSecond}/s), same rounds: ${same.roundRatios.join(', ')}` +
        (writers === 16
          ? `; merge delay p50 ${same.mergeDelayMs.p50} ms, p99 ${same.mergeDelayMs.p99} ms`
          : ''),
    );
  }
  const verify = get(au, 'verify') as Record<string, number> | undefined;
  if (verify) {
    add(
      'Audit verify (stored bytes) / SHA-256 of the same bytes',
      round(verify.verifierPerSecond / verify.hashOnlyPerSecond, 3),
      `node:crypto alone (${verify.hashOnlyPerSecond} events/s)`,
      0.5,
    );
    if (verify.columnsCheckPerSecond !== undefined) {
      add(
        'Audit columns-vs-bytes check / SHA-256 of the same bytes',
        round(verify.columnsCheckPerSecond / verify.hashOnlyPerSecond, 3),
        'node:crypto alone (separate check: RFC 8785 of the JSON columns)',
      );
    }
  }
  add(
    'Screening indexed / all-pairs speedup',
    get(results.screening, 'speedup'),
    'naive all-pairs, 20,000 entries',
  );
  const se = results['scoring-e2e'];
  add(
    'Scoring e2e (schedule → assessment) / bare BullMQ',
    get(se, 'ratioToBareBullmq'),
    `no-op jobs, same backend (${get(se, 'applications')} applications)`,
  );
  add('Scoring e2e assessments/s', get(se, 'e2e.assessmentsPerSec'), 'absolute');
  add('Scoring assessments/s', get(results['scoring-pure'], 'opsPerSec'), 'absolute');
  add('2 workers / 1 worker', get(results['scale-out'], 'workerRatio'), '1 worker process');
  add('2 APIs / 1 API', get(results['scale-out'], 'apiRatio'), '1 API process');
  const g = results.growth;
  if (g) {
    const worst = Number(get(g, 'worstGrowth'));
    add(
      `List p50 at ${(get(g, 'sizes') as number[]).at(0)} / at ${(get(g, 'sizes') as number[]).at(-1)} applications, worst filter`,
      round(1 / worst, 3),
      'the same query on the smallest size, same run (goal: within 1.5×)',
      round(1 / 1.5, 3),
    );
  }
  add('API RSS peak (MiB)', get(p, 'rssMiB.apiPeak'), 'under pipeline load');
  add('Worker RSS peak (MiB)', get(p, 'rssMiB.workerPeak'), 'under pipeline load');
  return rows;
}

/** One concurrency of the audit bench (results from before a field was added lack it). */
type AuditAppendPoint = Pick<AuditAppendRate, 'writers' | 'chainPerSecond' | 'plainPerSecond'> &
  Partial<Pick<AuditAppendRate, 'roundRatios' | 'mergeDelayMs' | 'sameProcessSequencer'>>;

interface TrailGrowthPoint {
  events: number;
  loadAverage?: { start: number; end: number };
  loadSeconds: number;
  verify: {
    seconds: number;
    eventsPerSec: number;
    peakRssMiB: number;
    rssGrowthMiB: number;
    liveHeapMiB?: number;
  };
  checkpoint: { firstSeconds: number; incrementalSeconds: number };
  proofs: { inclusionMeanMs: number; consistencyMeanMs: number; inclusionEntries: number };
  export: {
    eventsPerSec: number;
    mibPerSec: number;
    peakRssMiB: number;
    rssGrowthMiB: number;
    liveHeapMiB?: number;
  };
}

/** `peak / growth / live heap` in MiB (the live heap only in runs that measured it). */
function memory(step: { peakRssMiB: number; rssGrowthMiB: number; liveHeapMiB?: number }): string {
  return [step.peakRssMiB, step.rssGrowthMiB, step.liveHeapMiB ?? '–'].join(' / ');
}

/** The trail's growth per size (issue 18.5): one row per size, the 1M size only when it was run. */
function trailGrowthRows(result: Result | undefined): string[] {
  const points = get(result, 'points') as TrailGrowthPoint[] | undefined;
  if (!points || points.length === 0) return [];
  return [
    '',
    'Decision trail as it grows (`trail-growth`; 1M events opt-in with `TRAIL_GROWTH_1M=1`; memory of the bench ' +
      'process: RSS peak / RSS growth over the step / live heap, the most in use right after a full GC; notes in ' +
      '"Item 5, the trail as it grows" below):',
    '',
    '| events | load avg (1 min) | verify s (events/s) | verify RSS peak / growth / live heap MiB | first checkpoint s | ' +
      '+1,000 checkpoint s | inclusion proof ms (entries) | consistency proof ms | export events/s (MiB/s) | ' +
      'export RSS peak / growth / live heap MiB |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...points.map(
      (p) =>
        `| ${p.events} | ${p.loadAverage ? `${p.loadAverage.start}–${p.loadAverage.end}` : '–'} | ` +
        `${p.verify.seconds} (${p.verify.eventsPerSec}) | ${memory(p.verify)} | ` +
        `${p.checkpoint.firstSeconds} | ${p.checkpoint.incrementalSeconds} | ${p.proofs.inclusionMeanMs} ` +
        `(${p.proofs.inclusionEntries}) | ${p.proofs.consistencyMeanMs} | ${p.export.eventsPerSec} ` +
        `(${p.export.mibPerSec}) | ${memory(p.export)} |`,
    ),
  ];
}

export function renderResults(results: Record<string, Result>, env: Record<string, string | number>): string {
  const lines = [
    `Generated by \`npm run bench\` on ${env.date}.`,
    '',
    `Machine: ${env.cpu}, ${env.cores} cores, ${env.memoryGiB} GiB, ${env.os}. Node ${env.node}; ${env.postgres}; ` +
      `${env.redis}; Fastify ${env.fastify}, BullMQ ${env.bullmq}, NestJS ${env.nestjs}, TypeORM ${env.typeorm}.`,
    '',
    `Load average (1 / 5 / 15 min) at the start: ${env.loadAverage}` +
      (env.loadAverageAtEnd ? `; at the end: ${env.loadAverageAtEnd}` : '') +
      '. ' +
      (env.quick ? `Small sizes (\`BENCH_QUICK\`) for: ${env.quick}.` : 'Full sizes.') +
      (env.only
        ? ` Run: ${env.only} (\`BENCH_ONLY\`); every other row is from its bench's last run (the date in its raw file).`
        : ''),
    '',
    '| figure | value | baseline (same run) | goal | met |',
    '|---|---|---|---|---|',
    ...ratioRows(results).map((r) => `| ${r.figure} | ${r.value} | ${r.baseline} | ${r.goal} | ${r.met} |`),
    ...trailGrowthRows(results['trail-growth']),
    '',
    `Raw results: ${Object.keys(results)
      .sort()
      .map((name) => `[\`${name}.json\`](results/${name}.json)`)
      .join(', ')}.`,
  ];
  return lines.join('\n');
}

const START = '<!-- RESULTS:START -->';
const END = '<!-- RESULTS:END -->';

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.js'))
    .sort();
  const resultsDir = join(repoRoot(), 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const results: Record<string, Result> = {};
  for (const name of readdirSync(resultsDir).filter(
    (f) => f.endsWith('.json') && !f.startsWith('reliability'),
  )) {
    results[name.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(resultsDir, name), 'utf8'));
  }
  const env: Record<string, string | number> = { ...machine(), ...(only ? { only: only.join(', ') } : {}) };
  for (const file of files) {
    const key = file.replace(/\.bench\.js$/, '');
    if (only && !only.includes(key)) continue;
    const module = (await import(pathToFileURL(join(here, file)).href)) as Record<string, unknown>;
    const run = Object.entries(module).find(
      ([name, value]) => name.startsWith('bench') && typeof value === 'function',
    );
    if (!run) continue;
    console.error(`bench: ${key} …`);
    const started = Date.now();
    // The audit bench takes a migrated database as its first argument: give it its own.
    const scratch =
      key === 'audit'
        ? await ForgeCluster.create({
            name: 'audit',
            queueBackend: 'postgres',
            postgres: await postgresServer(),
          })
        : undefined;
    const args = scratch ? [scratch.databaseUrl, ...(ARGS[key] ?? [])] : (ARGS[key] ?? []);
    // Benches that read DATABASE_URL through loadConfig get the same server as the others.
    process.env.DATABASE_URL ??= (await postgresServer()).adminUrl;
    try {
      const result = (await (run[1] as (...args: unknown[]) => Promise<Result>)(...args)) as Result;
      const record = { ...result, machine: env, wallSeconds: round((Date.now() - started) / 1000, 1) };
      results[result.name ?? key] = record;
      writeFileSync(join(resultsDir, `${result.name ?? key}.json`), `${JSON.stringify(record, null, 2)}\n`);
      console.error(`bench: ${key} done in ${record.wallSeconds} s`);
    } catch (error) {
      console.error(`bench: ${key} failed: ${(error as Error).stack ?? error}`);
      process.exitCode = 1;
    } finally {
      await scratch?.close();
    }
  }
  env.loadAverageAtEnd = loadAverage();
  const readme = join(repoRoot(), 'bench', 'README.md');
  const text = existsSync(readme) ? readFileSync(readme, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const section = `${START}\n${renderResults(results, env)}\n${END}`;
  const next = text.includes(START)
    ? text.slice(0, text.indexOf(START)) + section + text.slice(text.indexOf(END) + END.length)
    : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(readme, next);
  // Keep the generated README in the repository's format (prettier pads markdown tables).
  try {
    execFileSync(join(repoRoot(), 'node_modules', '.bin', 'prettier'), ['--write', readme], {
      stdio: 'ignore',
    });
  } catch {
    // prettier not installed: the README stays as generated
  }
  console.log(renderResults(results, env));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
  process.exit(process.exitCode ?? 0);
}
