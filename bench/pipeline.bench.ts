/**
 * End-to-end pipeline throughput: applications created + submitted over HTTP (one API process) and screened +
 * scored by one worker process (separate OS processes from `dist/`, Redis backend on the bench's own
 * redis-server), against two baselines measured in the same run on the same machine:
 * - raw pg (ceiling): as many single-statement transactions as the pipeline committed in its database
 *   (pg_stat_database.xact_commit delta), on a pool of the same size, same concurrency;
 * - bare BullMQ: no-op jobs through the same Redis, as many as the pipeline ran (2 per application), with the
 *   worker concurrency the product uses.
 * Also reports RSS of the API and worker processes under load. `--profile` writes CPU profiles of both
 * processes (node --cpu-prof) and prints their hottest frames.
 * Run: `node dist/bench/pipeline.bench.js [applications] [--profile]` → one JSON line.
 */
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import {
  ForgeCluster,
  mapLimit,
  postgresServer,
  RedisServer,
  freePort,
  round,
  sampleInputs,
  waitFor,
  type ForgeProcess,
  type PostgresServer,
} from './cluster.js';

export interface PipelineBenchResult {
  name: string;
  applications: number;
  clientConcurrency: number;
  workerConcurrency: number;
  e2e: {
    seconds: number;
    applicationsPerSec: number;
    submitSeconds: number;
    submitsPerSec: number;
    transactions: number;
    transactionsPerApplication: number;
    httpErrors: number;
  };
  rawPg: {
    transactions: number;
    seconds: number;
    transactionsPerSec: number;
    applicationsPerSecCeiling: number;
  };
  bareBullmq: { jobs: number; seconds: number; jobsPerSec: number; applicationsPerSecCeiling: number };
  /** Issue 18.4's baseline: four small autocommitted statements per application (insert + 3 updates). */
  rawPgFourTransactions: { seconds: number; applicationsPerSec: number };
  ratioToFourTransactions: number;
  goalRatioToFourTransactions: number;
  ratioToPgCeiling: number;
  ratioToBareBullmq: number;
  goalRatioToPgCeiling: number;
  rssMiB: { apiPeak: number | null; workerPeak: number | null };
  /**
   * CPU time per application (ms) during the run, by process: the API, the worker and the PostgreSQL backends of
   * the product's connections (null where /proc cannot show them, e.g. a remote server). Unlike the rates, it
   * hardly moves with the machine's load, so it shows what a change saves when the ratios drown in noise.
   */
  cpuMsPerApplication: { api: number | null; worker: number | null; postgres: number | null };
  profile?: Record<string, ProfileFrame[]>;
}

export interface ProfileFrame {
  function: string;
  url: string;
  selfPct: number;
}

const CLIENT_CONCURRENCY = 16;
const WORKER_CONCURRENCY = 8;

async function xactCommits(pool: pg.Pool, database: string): Promise<number> {
  const { rows } = await pool.query(
    `SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = $1`,
    [database],
  );
  return Number(rows[0]?.n ?? 0);
}

/** The ceiling: `transactions` short write transactions on a pool of the product's size. */
export async function rawPgTransactions(
  url: string,
  transactions: number,
  concurrency = CLIENT_CONCURRENCY,
): Promise<{ seconds: number; transactionsPerSec: number }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, payload jsonb NOT NULL)`);
  const start = process.hrtime.bigint();
  await mapLimit(
    Array.from({ length: transactions }, (_, i) => i),
    concurrency,
    async (i) => {
      await pool.query(`INSERT INTO bench_raw (payload) VALUES ($1::jsonb)`, [JSON.stringify({ i })]);
    },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await pool.query(`DROP TABLE bench_raw`);
  await pool.end();
  return { seconds: round(seconds, 3), transactionsPerSec: round(transactions / seconds, 1) };
}

/**
 * The baseline of issue 18.4: raw `pg` doing four small transactions per application, at the same concurrency:
 * an insert of a row with a JSON body (created), then three updates of that row's stage and body (submitted,
 * screened, scored), each its own autocommitted statement.
 */
export async function rawPgFourTransactions(
  url: string,
  applications: number,
  concurrency = CLIENT_CONCURRENCY,
): Promise<{ seconds: number; applicationsPerSec: number }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_raw_apps (id bigserial PRIMARY KEY, stage text NOT NULL, body jsonb NOT NULL)`,
  );
  const input = sampleInputs()[0];
  const start = process.hrtime.bigint();
  await mapLimit(
    Array.from({ length: applications }, (_, i) => i),
    concurrency,
    async () => {
      const { rows } = await pool.query(
        `INSERT INTO bench_raw_apps (stage, body) VALUES ('draft', $1::jsonb) RETURNING id`,
        [JSON.stringify(input)],
      );
      const id = (rows[0] as { id: string }).id;
      for (const [stage, patch] of [
        ['submitted', { submittedAt: new Date().toISOString() }],
        ['screening', { screening: { result: 'clear', parties: [] } }],
        ['screening', { risk: { gross: 'medium', residual: 'low' } }],
      ] as const) {
        await pool.query(`UPDATE bench_raw_apps SET stage = $2, body = body || $3::jsonb WHERE id = $1`, [
          id,
          stage,
          JSON.stringify(patch),
        ]);
      }
    },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await pool.query(`DROP TABLE bench_raw_apps`);
  await pool.end();
  return { seconds: round(seconds, 3), applicationsPerSec: round(applications / seconds, 1) };
}

/** Bare BullMQ: `jobs` no-op jobs added one by one (as the relay does) and processed by one worker. */
export async function bareBullmqJobs(
  redisUrl: string,
  jobs: number,
  concurrency = WORKER_CONCURRENCY,
): Promise<{ seconds: number; jobsPerSec: number }> {
  const url = new URL(redisUrl);
  const connection = { host: url.hostname, port: Number(url.port), maxRetriesPerRequest: null };
  const prefix = `bench-noop-${Date.now()}`;
  const queue = new Queue('noop', { connection, prefix });
  let done = 0;
  const worker = new Worker('noop', async () => ({ ok: true }), { connection, prefix, concurrency });
  worker.on('completed', () => {
    done += 1;
  });
  await worker.waitUntilReady();
  const start = process.hrtime.bigint();
  await mapLimit(
    Array.from({ length: jobs }, (_, i) => i),
    CLIENT_CONCURRENCY,
    async (i) => {
      await queue.add('noop', { i }, { jobId: `noop.${i}`, removeOnComplete: true });
    },
  );
  await waitFor('no-op jobs', () => done >= jobs, 120_000, 5);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  return { seconds: round(seconds, 3), jobsPerSec: round(jobs / seconds, 1) };
}

/** User + system CPU seconds of a process so far (Linux /proc; clock ticks of 1/100 s), or null. */
export function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The CPU seconds of the product's PostgreSQL backends (not the harness's), by pid; null when /proc hides them. */
async function backendCpuSeconds(cluster: ForgeCluster): Promise<Map<number, number> | null> {
  const { rows } = await cluster.pool.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name <> 'forge-cluster-harness'`,
    [cluster.databaseName],
  );
  const seconds = new Map<number, number>();
  for (const { pid } of rows as Array<{ pid: number }>) {
    const cpu = processCpuSeconds(pid);
    if (cpu === null) return null;
    seconds.set(pid, cpu);
  }
  return seconds;
}

/** Samples the RSS of processes until stopped; returns the peaks. */
export function rssSampler(processes: () => ForgeProcess[]): { stop(): Record<string, number | null> } {
  const peaks: Record<string, number | null> = {};
  const timer = setInterval(() => {
    for (const p of processes()) {
      const rss = ForgeCluster.rssMiB(p);
      if (rss !== null) peaks[p.kind] = Math.max(peaks[p.kind] ?? 0, rss);
    }
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      return peaks;
    },
  };
}

/** Creates and submits `count` applications through one API, waits until every one is screened and scored. */
export async function driveApplications(
  cluster: ForgeCluster,
  apis: ForgeProcess[],
  count: number,
  options: { sponsors?: number; concurrency?: number; waitProcessed?: boolean; timeoutMs?: number } = {},
): Promise<{ ids: string[]; submitSeconds: number; seconds: number; httpErrors: number }> {
  const inputs = sampleInputs();
  const sponsors = await Promise.all(
    Array.from({ length: options.sponsors ?? 8 }, () => cluster.createSponsor()),
  );
  const start = Date.now();
  let httpErrors = 0;
  const results = await mapLimit(
    Array.from({ length: count }, (_, i) => i),
    options.concurrency ?? CLIENT_CONCURRENCY,
    async (i) => {
      const api = apis[i % apis.length] as ForgeProcess;
      const sponsor = sponsors[i % sponsors.length]!;
      const answer = await cluster.createAndSubmit(api, sponsor, inputs[i % inputs.length]);
      if (answer.created.status !== 201 || answer.submitted?.status !== 200) {
        httpErrors += 1;
        if (httpErrors === 1) {
          console.error(
            `first failing request: create ${answer.created.status} ${JSON.stringify(answer.created.body).slice(0, 500)}` +
              (answer.submitted
                ? ` submit ${answer.submitted.status} ${JSON.stringify(answer.submitted.body).slice(0, 500)}`
                : ''),
          );
        }
      }
      return answer.submitted?.status === 200 ? answer.id : undefined;
    },
  );
  const submitSeconds = (Date.now() - start) / 1000;
  const ids = results.filter((id): id is string => id !== undefined);
  if (options.waitProcessed ?? true) {
    await waitFor(
      `${ids.length} applications screened and scored`,
      async () => (await cluster.processedCount(ids)) >= ids.length,
      options.timeoutMs ?? 600_000,
      100,
    );
  }
  return { ids, submitSeconds, seconds: (Date.now() - start) / 1000, httpErrors };
}

/** Top self-time frames of a .cpuprofile (V8 format), as a share of all samples. */
export function topFrames(file: string, limit = 12): ProfileFrame[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const url = frame.url
      .replace(/^.*node_modules\//, 'node_modules/')
      .replace(/^file:\/\/.*\/dist\//, 'dist/');
    const key = `${frame.functionName || '(anonymous)'}\t${url}:${frame.lineNumber + 1}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length || 1;
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, n]) => {
      const [fn, url] = key.split('\t');
      return { function: fn!, url: url!, selfPct: round((100 * n) / total, 1) };
    });
}

export async function benchPipeline(
  applications = 300,
  options: { profile?: boolean; postgres?: PostgresServer } = {},
): Promise<PipelineBenchResult> {
  const postgres = options.postgres ?? (await postgresServer(process.env.FORGE_BENCH_ADMIN_URL));
  const redis = new RedisServer(await freePort());
  await redis.start();
  const profileDir = options.profile ? mkdtempSync(join(tmpdir(), 'forge-cpuprof-')) : undefined;
  const nodeArgs: Record<string, string> = profileDir
    ? { NODE_ARGS: `--cpu-prof --cpu-prof-dir=${profileDir}` }
    : {};
  const cluster = await ForgeCluster.create({
    name: 'pipeline',
    queueBackend: 'redis',
    redisUrl: redis.url,
    postgres,
    env: { WORKER_CONCURRENCY: String(WORKER_CONCURRENCY) },
  });
  try {
    const api = await cluster.startApi(nodeArgs);
    const worker = await cluster.startWorker(nodeArgs);
    // Warm-up (JIT, pools, reference caches): a few applications end to end, not counted.
    await driveApplications(cluster, [api], 8, { sponsors: 2 });

    const before = await xactCommits(cluster.pool, cluster.databaseName);
    const cpuBefore = {
      api: processCpuSeconds(api.child.pid),
      worker: processCpuSeconds(worker.child.pid),
      postgres: await backendCpuSeconds(cluster),
    };
    const sampler = rssSampler(() => cluster.alive());
    const run = await driveApplications(cluster, [api], applications);
    const peaks = sampler.stop();
    const cpuAfter = {
      api: processCpuSeconds(api.child.pid),
      worker: processCpuSeconds(worker.child.pid),
      postgres: await backendCpuSeconds(cluster),
    };
    const perApplication = (after: number | null, earlier: number | null) =>
      after === null || earlier === null ? null : round(((after - earlier) * 1000) / applications, 2);
    const postgresSeconds = (map: Map<number, number> | null) =>
      map === null ? null : [...map.values()].reduce((sum, seconds) => sum + seconds, 0);
    // A backend that started during the run counts from zero; one that ended during it is not counted.
    const postgresBefore =
      cpuBefore.postgres === null || cpuAfter.postgres === null
        ? null
        : [...cpuAfter.postgres.keys()].reduce((sum, pid) => sum + (cpuBefore.postgres?.get(pid) ?? 0), 0);
    const cpuMsPerApplication = {
      api: perApplication(cpuAfter.api, cpuBefore.api),
      worker: perApplication(cpuAfter.worker, cpuBefore.worker),
      postgres: perApplication(postgresSeconds(cpuAfter.postgres), postgresBefore),
    };
    // The pool's own bookkeeping reads are committed transactions too; they are few (one per poll).
    const transactions = (await xactCommits(cluster.pool, cluster.databaseName)) - before;

    let profile: Record<string, ProfileFrame[]> | undefined;
    if (profileDir) {
      for (const proc of cluster.alive()) await cluster.stop(proc, 'SIGTERM');
      profile = {};
      for (const file of readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'))) {
        profile[file] = topFrames(join(profileDir, file));
      }
    }
    for (const proc of cluster.alive()) await cluster.stop(proc, 'SIGKILL');

    const raw = await rawPgTransactions(cluster.databaseUrl, transactions);
    const four = await rawPgFourTransactions(cluster.databaseUrl, applications);
    const jobs = applications * 2;
    const bull = await bareBullmqJobs(redis.url, jobs);

    const e2eRate = run.ids.length / run.seconds;
    const pgCeiling = applications / raw.seconds;
    const bullCeiling = bull.jobsPerSec / 2;
    return {
      name: 'pipeline',
      applications,
      clientConcurrency: CLIENT_CONCURRENCY,
      workerConcurrency: WORKER_CONCURRENCY,
      e2e: {
        seconds: round(run.seconds, 3),
        applicationsPerSec: round(e2eRate, 1),
        submitSeconds: round(run.submitSeconds, 3),
        submitsPerSec: round(run.ids.length / run.submitSeconds, 1),
        transactions,
        transactionsPerApplication: round(transactions / applications, 1),
        httpErrors: run.httpErrors,
      },
      rawPg: {
        transactions,
        seconds: raw.seconds,
        transactionsPerSec: raw.transactionsPerSec,
        applicationsPerSecCeiling: round(pgCeiling, 1),
      },
      bareBullmq: {
        jobs,
        seconds: bull.seconds,
        jobsPerSec: bull.jobsPerSec,
        applicationsPerSecCeiling: round(bullCeiling, 1),
      },
      rawPgFourTransactions: four,
      ratioToFourTransactions: round(e2eRate / four.applicationsPerSec, 3),
      goalRatioToFourTransactions: 0.25,
      ratioToPgCeiling: round(e2eRate / pgCeiling, 3),
      ratioToBareBullmq: round(e2eRate / bullCeiling, 3),
      goalRatioToPgCeiling: 0.5,
      rssMiB: { apiPeak: peaks.api ?? null, workerPeak: peaks.worker ?? null },
      cpuMsPerApplication,
      ...(profile ? { profile } : {}),
    };
  } finally {
    await cluster.close();
    await redis.kill();
    if (!options.postgres) await postgres.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 300);
  const result = await benchPipeline(count, { profile: args.includes('--profile') });
  console.log(JSON.stringify(result));
  process.exit(0);
}
