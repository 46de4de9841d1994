/**
 * API throughput and latency: GET /api/v1/applications/:id and POST /api/v1/applications on one API process
 * (from `dist/`, real PostgreSQL, auth, validation, audit), against a bare Fastify process returning the same
 * JSON on the same machine in the same run. The load generator (autocannon) runs as its own process.
 * - closed loop: maximum throughput with 16 connections (the ratio of the issue: goal ≥ 0.35);
 * - open loop: fixed arrival rates (autocannon --overallRate) at 50% and 80% of the API's maximum, p50/p99
 *   for both servers at the same rate;
 * - validation on vs off: the global ValidationPipe on the application input, timed in process (µs per
 *   request) and as a share of the POST route's per-request time.
 * The API runs as one replica, with RATE_LIMIT_STORE=memory (`--store redis`: the store several replicas share).
 * Run: `node dist/bench/api.bench.js [seconds] [--store redis]` → one JSON line.
 */
import { fork, spawn } from 'node:child_process';
import pg from 'pg';
import {
  APPLICATION_SPONSOR_VIEW_SQL,
  APPLICATION_VIEW_SQL,
} from '../libs/persistence/src/applications/application-view.reader.js';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApplicationInputDto } from '../apps/api/src/applications/dto/index.js';
import { createValidationPipe } from '../apps/api/src/common/validation.js';
import {
  ForgeCluster,
  freePort,
  postgresServer,
  RedisServer,
  repoRoot,
  round,
  sampleInputs,
  waitFor,
  type ForgeProcess,
  type PostgresServer,
} from './cluster.js';

export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export interface ApiBenchResult {
  name: string;
  seconds: number;
  connections: number;
  rateLimitStore: RateLimitStore;
  closedLoop: { bareGet: LoadResult; apiGet: LoadResult; barePost: LoadResult; apiPost: LoadResult };
  openLoop: { route: string; rate: number; bare: LoadResult; api: LoadResult }[];
  ratioGet: number;
  ratioPost: number;
  /**
   * GET against raw `pg` running the view's one statement (same rows as JSON, one round trip), 16 clients, prepared
   * once per connection as the API prepares it (`queryPrepared`); `rawPgGetParsed`: parsed and planned every time.
   */
  rawPgGet: { requestsPerSec: number; p50Ms: number; p99Ms: number };
  rawPgGetParsed: { requestsPerSec: number; p50Ms: number; p99Ms: number };
  /** GET by an officer (the staff view) of a submitted application: the ratio of issue 18.3. */
  apiGetStaff: LoadResult;
  ratioGetToRawPg: number;
  /** Raw `pg` running the sponsor view's one statement (the view plus its timeline, contact and documents). */
  rawPgSponsorGet: { requestsPerSec: number; p50Ms: number; p99Ms: number };
  rawPgSponsorGetParsed: { requestsPerSec: number; p50Ms: number; p99Ms: number };
  /** The staff and sponsor ratios against the parsed-every-time baselines (the figures before the API prepared). */
  ratioGetToRawPgParsed: number;
  ratioSponsorGetToRawPgParsed: number;
  /** The sponsor view (the closed-loop GET above) against raw `pg` running the sponsor view's statement. */
  ratioSponsorGetToRawPg: number;
  goalRatioToRawPg: number;
  goalRatio: number;
  validation: { microsPerRequest: number; shareOfPostRequest: number; postRequestMicros: number };
  rssMiB: { apiPeak: number | null };
}

const CONNECTIONS = 16;

/**
 * The API's rate-limit store in these benches: one API replica, so `memory` (RATE_LIMIT_STORE, docs/operations.md),
 * unless `--store redis` asks for the store several replicas need.
 */
type RateLimitStore = 'memory' | 'redis';

/** Runs autocannon as a separate process and reads its JSON summary. */
export async function autocannon(options: {
  url: string;
  seconds: number;
  connections?: number;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  overallRate?: number;
}): Promise<LoadResult> {
  const args = [
    join(repoRoot(), 'node_modules', 'autocannon', 'autocannon.js'),
    '--json',
    '-c',
    String(options.connections ?? CONNECTIONS),
    '-d',
    String(options.seconds),
    '-m',
    options.method ?? 'GET',
  ];
  for (const [key, value] of Object.entries(options.headers ?? {})) args.push('-H', `${key}=${value}`);
  if (options.body !== undefined) args.push('-b', options.body);
  if (options.overallRate !== undefined) args.push('-R', String(options.overallRate));
  args.push(options.url);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', () => {});
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`autocannon failed (${code}): ${out.slice(-500)}`);
  const result = JSON.parse(line) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    duration: number;
  };
  return {
    requestsPerSec: round(result.requests.total / result.duration, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The baseline: a bare Fastify process answering GET with the same JSON and POST by parsing the body. */
async function startBareServer(payload: unknown): Promise<{ port: number; stop(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'forge-bare-'));
  const file = join(dir, 'payload.json');
  writeFileSync(file, JSON.stringify(payload));
  const port = await freePort();
  const child = fork(fileURLToPath(import.meta.url), ['--bare-server', String(port), file], {
    stdio: 'ignore',
  });
  await waitFor(
    'bare Fastify',
    async () => {
      const answer = await fetch(`http://127.0.0.1:${port}/bare/x`).catch(() => undefined);
      return answer?.status === 200;
    },
    120_000,
  );
  return { port, stop: () => child.kill('SIGKILL') };
}

async function runBareServer(port: number, file: string): Promise<void> {
  const { default: Fastify } = await import('fastify');
  const payload = readFileSync(file, 'utf8');
  const app = Fastify({ logger: false });
  app.get('/bare/:id', async (_request, reply) => reply.type('application/json').send(payload));
  app.post('/bare', async (request, reply) => {
    if (typeof request.body !== 'object') return reply.code(400).send({});
    return reply.code(201).type('application/json').send(payload);
  });
  await app.listen({ port, host: '127.0.0.1' });
}

/**
 * The baseline of issue 18.3: the same machine's PostgreSQL returning the same rows (the application and its
 * detail lists, as JSON) in one round trip, `connections` clients in a closed loop for `seconds`.
 */
export async function rawPgView(
  url: string,
  applicationId: string,
  seconds: number,
  connections = CONNECTIONS,
  sql = APPLICATION_VIEW_SQL,
  /** A statement name: the statement is prepared once per connection (as the API does), else parsed every time. */
  prepared?: string,
): Promise<{ requestsPerSec: number; p50Ms: number; p99Ms: number }> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  try {
    const once = async () => {
      const { rows } = await pool.query(
        prepared
          ? { name: prepared, text: sql, values: [applicationId] }
          : { text: sql, values: [applicationId] },
      );
      if (rows.length !== 1) throw new Error('the view statement found no application');
    };
    for (let i = 0; i < connections * 20; i++) await once();
    const latencies: number[] = [];
    const deadline = Date.now() + seconds * 1000;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < deadline) {
          const t = process.hrtime.bigint();
          await once();
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!, 2);
    return { requestsPerSec: round(latencies.length / elapsed, 1), p50Ms: at(0.5), p99Ms: at(0.99) };
  } finally {
    await pool.end();
  }
}

/** The API's stack for both API benches: a Redis of its own and a cluster on `postgres` (BullMQ over Redis). */
async function startApiCluster(
  postgres: PostgresServer,
): Promise<{ redis: RedisServer; cluster: ForgeCluster }> {
  const redis = new RedisServer(await freePort());
  await redis.start();
  const cluster = await ForgeCluster.create({
    name: 'api',
    queueBackend: 'redis',
    redisUrl: redis.url,
    postgres,
  });
  return { redis, cluster };
}

/** µs per application-input validation with the API's global ValidationPipe. */
async function validationMicros(input: unknown, iterations = 2000): Promise<number> {
  const pipe = createValidationPipe();
  const metadata = { type: 'body' as const, metatype: ApplicationInputDto, data: '' };
  for (let i = 0; i < 200; i++) await pipe.transform(structuredClone(input), metadata);
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await pipe.transform(structuredClone(input), metadata);
  const withPipe = Number(process.hrtime.bigint() - start) / iterations / 1000;
  const start2 = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) structuredClone(input);
  const cloneOnly = Number(process.hrtime.bigint() - start2) / iterations / 1000;
  return round(withPipe - cloneOnly, 1);
}

/**
 * What the GET measurements read: a sponsor's draft application (the sponsor view) and a submitted one read by an
 * officer (the staff view: one statement, plus the account check every request makes).
 */
async function prepareReads(cluster: ForgeCluster, api: ForgeProcess) {
  const sponsor = await cluster.createSponsor();
  const input = sampleInputs()[0];
  const created = await cluster.request(api, 'POST', '/api/v1/applications', {
    token: sponsor.token,
    body: input,
  });
  if (created.status !== 201) throw new Error(`POST /applications answered ${created.status}`);
  const id = created.body.id as string;
  const view = await cluster.request(api, 'GET', `/api/v1/applications/${id}`, { token: sponsor.token });
  // The staff view (one statement, plus the account check every request makes) of a submitted application.
  const officer = await cluster.createUser(['officer']);
  const submitted = await cluster.createAndSubmit(api, sponsor, input, 60_000);
  if (submitted.submitted?.status !== 200) throw new Error('could not submit the staff view application');
  const staffId = submitted.id as string;
  const staffView = await cluster.request(api, 'GET', `/api/v1/applications/${staffId}`, {
    token: officer.token,
  });
  if (staffView.status !== 200) throw new Error(`staff GET answered ${staffView.status}`);
  return { sponsor, officer, id, staffId, view, input };
}

/**
 * The GET figures of issue 18.3 alone, for iterating on the read path: the staff view then the sponsor view at 16
 * connections for `seconds` each.
 * - `node dist/bench/api.bench.js <seconds> --reads`: also raw `pg` running each view's statement, parsed every time
 *   and prepared, and the ratios;
 * - `node dist/bench/api.bench.js <seconds> --profile <dir>`: the API under `node --cpu-prof` (profile written into
 *   <dir> when it stops), the two load results only. Open the .cpuprofile in Chrome DevTools or summarise its last
 *   18 s (the load): `node dist/bench/profile-summary.js <dir>/<file>.cpuprofile 18`;
 * - `--store redis` with either: the API counts requests in Redis, as several replicas must.
 */
export async function measureReads(
  seconds: number,
  profileDir?: string,
  rateLimitStore: RateLimitStore = 'memory',
): Promise<Record<string, unknown>> {
  const postgres = await postgresServer(process.env.FORGE_BENCH_ADMIN_URL);
  const { redis, cluster } = await startApiCluster(postgres);
  try {
    const api = await cluster.startApi({
      RATE_LIMIT_STORE: rateLimitStore,
      ...(profileDir ? { NODE_ARGS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
    });
    const { sponsor, officer, id, staffId } = await prepareReads(cluster, api);
    const url = `http://127.0.0.1:${api.port}/api/v1/applications`;
    await autocannon({
      url: `${url}/${id}`,
      seconds: 2,
      headers: { authorization: `Bearer ${sponsor.token}` },
    });
    const staff = await autocannon({
      url: `${url}/${staffId}`,
      seconds,
      headers: { authorization: `Bearer ${officer.token}` },
    });
    const sponsorView = await autocannon({
      url: `${url}/${id}`,
      seconds,
      headers: { authorization: `Bearer ${sponsor.token}` },
    });
    if (profileDir) {
      await cluster.stop(api, 'SIGTERM');
      return { rateLimitStore, staff, sponsorView };
    }
    const views = [
      ['staff', staffId, APPLICATION_VIEW_SQL, staff],
      ['sponsor', id, APPLICATION_SPONSOR_VIEW_SQL, sponsorView],
    ] as const;
    const result: Record<string, unknown> = { rateLimitStore };
    for (const [name, applicationId, sql, load] of views) {
      const parsed = await rawPgView(cluster.databaseUrl, applicationId, seconds, CONNECTIONS, sql);
      const prepared = await rawPgView(
        cluster.databaseUrl,
        applicationId,
        seconds,
        CONNECTIONS,
        sql,
        `bench_${name}`,
      );
      result[name] = {
        api: load,
        rawPg: parsed,
        rawPgPrepared: prepared,
        ratio: round(load.requestsPerSec / parsed.requestsPerSec, 3),
        ratioToPrepared: round(load.requestsPerSec / prepared.requestsPerSec, 3),
      };
    }
    return result;
  } finally {
    await cluster.close();
    await redis.kill();
    await postgres.stop();
  }
}

export async function benchApi(
  seconds = 5,
  options: { postgres?: PostgresServer; rateLimitStore?: RateLimitStore } = {},
): Promise<ApiBenchResult> {
  const rateLimitStore = options.rateLimitStore ?? 'memory';
  const postgres = options.postgres ?? (await postgresServer(process.env.FORGE_BENCH_ADMIN_URL));
  const { redis, cluster } = await startApiCluster(postgres);
  let bare: { port: number; stop(): void } | undefined;
  try {
    // One API replica: the in-process rate-limit store (RATE_LIMIT_STORE=memory, docs/operations.md).
    const api = await cluster.startApi({ RATE_LIMIT_STORE: rateLimitStore });
    const { sponsor, officer, id, staffId, view, input } = await prepareReads(cluster, api);
    bare = await startBareServer(view.body);

    const auth = { authorization: `Bearer ${sponsor.token}` };
    const json = { 'content-type': 'application/json' };
    const apiUrl = `http://127.0.0.1:${api.port}`;
    const bareUrl = `http://127.0.0.1:${bare.port}`;
    const body = JSON.stringify(input);
    const get = (url: string, extra: { overallRate?: number } = {}, headers: Record<string, string> = auth) =>
      autocannon({ url, seconds, headers, ...extra });
    const post = (
      url: string,
      extra: { overallRate?: number } = {},
      headers: Record<string, string> = json,
    ) => autocannon({ url, seconds, method: 'POST', body, headers, ...extra });

    // Warm both servers (JIT, pools) before measuring.
    await autocannon({ url: `${apiUrl}/api/v1/applications/${id}`, seconds: 2, headers: auth });
    await autocannon({ url: `${bareUrl}/bare/${id}`, seconds: 1 });

    let peak: number | null = null;
    const timer = setInterval(() => {
      const rss = ForgeCluster.rssMiB(api);
      if (rss !== null) peak = Math.max(peak ?? 0, rss);
    }, 200);
    const bareGet = await get(`${bareUrl}/bare/${id}`, {}, {});
    const apiGet = await get(`${apiUrl}/api/v1/applications/${id}`);
    const apiGetStaff = await get(
      `${apiUrl}/api/v1/applications/${staffId}`,
      {},
      {
        authorization: `Bearer ${officer.token}`,
      },
    );
    const rawPgGet = await rawPgView(
      cluster.databaseUrl,
      staffId,
      seconds,
      CONNECTIONS,
      APPLICATION_VIEW_SQL,
      'bench_staff',
    );
    const rawPgGetParsed = await rawPgView(cluster.databaseUrl, staffId, seconds);
    const rawPgSponsorGet = await rawPgView(
      cluster.databaseUrl,
      id,
      seconds,
      CONNECTIONS,
      APPLICATION_SPONSOR_VIEW_SQL,
      'bench_sponsor',
    );
    const rawPgSponsorGetParsed = await rawPgView(
      cluster.databaseUrl,
      id,
      seconds,
      CONNECTIONS,
      APPLICATION_SPONSOR_VIEW_SQL,
    );
    const barePost = await post(`${bareUrl}/bare`);
    const apiPost = await post(`${apiUrl}/api/v1/applications`, {}, { ...json, ...auth });

    const openLoop: ApiBenchResult['openLoop'] = [];
    for (const share of [0.5, 0.8]) {
      const rate = Math.max(10, Math.round(apiGet.requestsPerSec * share));
      openLoop.push({
        route: 'GET /applications/:id',
        rate,
        bare: await get(`${bareUrl}/bare/${id}`, { overallRate: rate }, {}),
        api: await get(`${apiUrl}/api/v1/applications/${id}`, { overallRate: rate }),
      });
      const postRate = Math.max(10, Math.round(apiPost.requestsPerSec * share));
      openLoop.push({
        route: 'POST /applications',
        rate: postRate,
        bare: await post(`${bareUrl}/bare`, { overallRate: postRate }),
        api: await post(`${apiUrl}/api/v1/applications`, { overallRate: postRate }, { ...json, ...auth }),
      });
    }
    clearInterval(timer);

    const micros = await validationMicros(input);
    const postRequestMicros = round(1e6 / apiPost.requestsPerSec, 1);
    return {
      name: 'api',
      seconds,
      connections: CONNECTIONS,
      rateLimitStore,
      closedLoop: { bareGet, apiGet, barePost, apiPost },
      openLoop,
      ratioGet: round(apiGet.requestsPerSec / bareGet.requestsPerSec, 3),
      ratioPost: round(apiPost.requestsPerSec / barePost.requestsPerSec, 3),
      goalRatio: 0.35,
      rawPgGet,
      apiGetStaff,
      ratioGetToRawPg: round(apiGetStaff.requestsPerSec / rawPgGet.requestsPerSec, 3),
      rawPgSponsorGet,
      ratioSponsorGetToRawPg: round(apiGet.requestsPerSec / rawPgSponsorGet.requestsPerSec, 3),
      rawPgGetParsed,
      rawPgSponsorGetParsed,
      ratioGetToRawPgParsed: round(apiGetStaff.requestsPerSec / rawPgGetParsed.requestsPerSec, 3),
      ratioSponsorGetToRawPgParsed: round(apiGet.requestsPerSec / rawPgSponsorGetParsed.requestsPerSec, 3),
      goalRatioToRawPg: 0.5,
      validation: {
        microsPerRequest: micros,
        postRequestMicros,
        shareOfPostRequest: round(micros / postRequestMicros, 3),
      },
      rssMiB: { apiPeak: peak },
    };
  } finally {
    bare?.stop();
    await cluster.close();
    await redis.kill();
    if (!options.postgres) await postgres.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--bare-server') {
    await runBareServer(Number(process.argv[3]), process.argv[4]!);
  } else {
    const seconds = Number(process.argv[2] ?? 5);
    const at = process.argv.indexOf('--store');
    const store: RateLimitStore = at > 0 && process.argv[at + 1] === 'redis' ? 'redis' : 'memory';
    if (process.argv[3] === '--reads') {
      console.log(JSON.stringify(await measureReads(seconds, undefined, store)));
    } else if (process.argv[3] === '--profile') {
      console.log(JSON.stringify(await measureReads(seconds, process.argv[4]!, store)));
    } else {
      const result = await benchApi(Number.isFinite(seconds) ? seconds : 5, { rateLimitStore: store });
      console.log(JSON.stringify(result));
    }
    process.exit(0);
  }
}
