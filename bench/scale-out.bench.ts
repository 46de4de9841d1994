/**
 * Scale-out on one machine. Workers: N applications are submitted with no worker running (the outbox holds the
 * jobs), then 1 or 2 worker processes start and the time to screen and score all of them is measured. API:
 * GET /api/v1/applications/:id with autocannon against 1 API process, then against 2 (two autocannon
 * processes, one per API, same total connections). Everything runs on the same cores as PostgreSQL, Redis and
 * the load generator, so the ratios say what a second process buys on THIS machine, not beyond it.
 * Run: `node dist/bench/scale-out.bench.js [applications] [seconds]` → one JSON line.
 */
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { autocannon, type LoadResult } from './api.bench.js';
import {
  ForgeCluster,
  freePort,
  postgresServer,
  RedisServer,
  round,
  waitFor,
  type PostgresServer,
} from './cluster.js';
import { driveApplications } from './pipeline.bench.js';

export interface ScaleOutBenchResult {
  name: string;
  cores: number;
  applications: number;
  workers: { processes: number; seconds: number; applicationsPerSec: number }[];
  workerRatio: number;
  apis: { processes: number; requestsPerSec: number; p99Ms: number }[];
  apiRatio: number;
}

async function drainWith(workers: number, applications: number, postgres: PostgresServer) {
  const redis = new RedisServer(await freePort());
  await redis.start();
  const cluster = await ForgeCluster.create({
    name: `scale${workers}`,
    queueBackend: 'redis',
    redisUrl: redis.url,
    postgres,
    env: { WORKER_CONCURRENCY: '8' },
  });
  try {
    const api = await cluster.startApi();
    const run = await driveApplications(cluster, [api], applications, { waitProcessed: false });
    const start = Date.now();
    await Promise.all(Array.from({ length: workers }, () => cluster.startWorker()));
    await waitFor(
      'backlog drained',
      async () => (await cluster.processedCount(run.ids)) >= run.ids.length,
      600_000,
      100,
    );
    const seconds = (Date.now() - start) / 1000;
    return {
      processes: workers,
      seconds: round(seconds, 3),
      applicationsPerSec: round(run.ids.length / seconds, 1),
    };
  } finally {
    await cluster.close();
    await redis.kill();
  }
}

async function apiThroughput(processes: number, seconds: number, postgres: PostgresServer) {
  const redis = new RedisServer(await freePort());
  await redis.start();
  const cluster = await ForgeCluster.create({
    name: `apis${processes}`,
    queueBackend: 'redis',
    redisUrl: redis.url,
    postgres,
  });
  try {
    const apis = await Promise.all(Array.from({ length: processes }, () => cluster.startApi()));
    const run = await driveApplications(cluster, apis, 1, { waitProcessed: false, sponsors: 1 });
    const id = run.ids[0];
    // Read as an officer (any organisation): the same view a fund officer opens.
    const officer = await cluster.createUser(['officer']);
    const headers = { authorization: `Bearer ${officer.token}` };
    const url = (port?: number) => `http://127.0.0.1:${port}/api/v1/applications/${id}`;
    await Promise.all(
      apis.map((api) => autocannon({ url: url(api.port), seconds: 2, headers, connections: 8 })),
    );
    const results: LoadResult[] = await Promise.all(
      apis.map((api) => autocannon({ url: url(api.port), seconds, headers, connections: 16 / processes })),
    );
    return {
      processes,
      requestsPerSec: round(
        results.reduce((sum, r) => sum + r.requestsPerSec, 0),
        1,
      ),
      p99Ms: Math.max(...results.map((r) => r.p99Ms)),
    };
  } finally {
    await cluster.close();
    await redis.kill();
  }
}

export async function benchScaleOut(
  applications = 200,
  seconds = 5,
  options: { postgres?: PostgresServer } = {},
): Promise<ScaleOutBenchResult> {
  const postgres = options.postgres ?? (await postgresServer(process.env.FORGE_BENCH_ADMIN_URL));
  try {
    const workers = [await drainWith(1, applications, postgres), await drainWith(2, applications, postgres)];
    const apis = [await apiThroughput(1, seconds, postgres), await apiThroughput(2, seconds, postgres)];
    return {
      name: 'scale-out',
      cores: cpus().length,
      applications,
      workers,
      workerRatio: round(workers[1]!.applicationsPerSec / workers[0]!.applicationsPerSec, 3),
      apis,
      apiRatio: round(apis[1]!.requestsPerSec / apis[0]!.requestsPerSec, 3),
    };
  } finally {
    if (!options.postgres) await postgres.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const applications = Number(process.argv[2] ?? 200);
  const seconds = Number(process.argv[3] ?? 5);
  console.log(JSON.stringify(await benchScaleOut(applications, seconds)));
  process.exit(0);
}
