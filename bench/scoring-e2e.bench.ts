/**
 * Risk scoring end to end: N applications inserted (cycling the sample portfolio S01–S14 with their financing)
 * and scheduled through the outbox, relayed to BullMQ, scored by the worker's processor (one append-only row +
 * one audit event each) until all are assessed → assessments/s. Baseline in the same run on the same backend:
 * a bare BullMQ loop of N no-op jobs → jobs/s; `ratio` = assessments/s ÷ no-op jobs/s.
 * In-process worker (the real WorkerModule), a fresh database created on the DATABASE_URL server (else an
 * embedded PostgreSQL) and dropped afterwards.
 * Run: `node dist/bench/scoring-e2e.bench.js [applications=200] [--backend=postgres|redis]` → one JSON line
 * (1,000 applications: pass 1000). The redis backend uses REDIS_URL.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { loadConfig } from '@forge/config';
import { parseCountriesReference } from '@forge/domain';
import { createDataSource, openDatabase, runMigrations, type Runtime } from '@forge/persistence';
import { scheduleRiskAssessment } from '@forge/application';
import { QueueBackend } from '@forge/queue';
import { startWorker } from '../apps/worker/src/worker.bootstrap.js';
import { repoRoot, round, waitFor } from './cluster.js';

export interface ScoringE2eBenchResult {
  name: string;
  backend: 'postgres' | 'redis';
  applications: number;
  workerConcurrency: number;
  e2e: { seconds: number; assessmentsPerSec: number; auditEvents: number };
  bareBullmq: { jobs: number; seconds: number; jobsPerSec: number };
  ratioToBareBullmq: number;
}

interface Sample {
  input: unknown;
  financing?: unknown;
}

function portfolio(): Sample[] {
  const file = join(repoRoot(), 'config', 'reference', 'sample-portfolio.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { applications: Sample[] }).applications;
}

async function seed(url: string, applications: number): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    const active = await pool.query(`SELECT 1 FROM reference_snapshots WHERE kind = 'countries' AND active`);
    if (active.rowCount === 0) {
      const countries = parseCountriesReference(
        JSON.parse(readFileSync(join(repoRoot(), 'config', 'reference', 'countries.json'), 'utf8')),
      );
      await pool.query(
        `INSERT INTO reference_snapshots (id, kind, name, sha256, content, entries, active, loaded_by)
         VALUES ($1, 'countries', 'countries.json', $2, $3::jsonb, $4, true, 'bench')`,
        [
          randomUUID(),
          countries.sha256,
          JSON.stringify(countries.content),
          countries.content.countries.length,
        ],
      );
    }
    const organizationId = randomUUID();
    const userId = randomUUID();
    await pool.query(
      `INSERT INTO organizations (id, name, country, registration_number) VALUES ($1, 'Bench', 'AR', $2)`,
      [organizationId, `BENCH-${organizationId}`],
    );
    await pool.query(
      `INSERT INTO users (id, email, password_hash, display_name, roles, organization_id)
       VALUES ($1, $2, 'x', 'Bench', ARRAY['sponsor'], $3)`,
      [userId, `bench-${userId}@forge.test`, organizationId],
    );
    const samples = portfolio();
    const ids: string[] = [];
    for (let i = 0; i < applications; i += 1) {
      const s = samples[i % samples.length]!;
      const id = randomUUID();
      ids.push(id);
      await pool.query(
        `INSERT INTO applications (id, reference, organization_id, created_by, stage, input, financing, submitted_at)
         VALUES ($1, $2, $3, $4, 'submitted', $5::jsonb, $6::jsonb, now())`,
        [
          id,
          `BENCH-${id}`,
          organizationId,
          userId,
          JSON.stringify(s.input),
          JSON.stringify(s.financing ?? null),
        ],
      );
    }
    return ids;
  } finally {
    await pool.end();
  }
}

async function bareBullmq(
  backend: QueueBackend['options'],
  jobs: number,
  concurrency: number,
): Promise<{ seconds: number; jobsPerSec: number }> {
  const queues = new QueueBackend({ ...backend, prefix: `bench-noop-${Date.now()}` });
  let done = 0;
  const worker = queues.worker('noop', async () => ({ ok: true }), { concurrency });
  worker.on('completed', () => {
    done += 1;
  });
  await worker.waitUntilReady();
  const queue = queues.queue('noop');
  const start = process.hrtime.bigint();
  // One by one, as the outbox relay adds them.
  for (let i = 0; i < jobs; i += 1) await queue.add('noop', { i }, { jobId: `noop.${i}` });
  await waitFor('no-op jobs', async () => done >= jobs, 300_000);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await queues.close();
  return { seconds: round(seconds, 3), jobsPerSec: round(jobs / seconds, 1) };
}

export async function benchScoringE2e(
  applications = 200,
  backend: 'postgres' | 'redis' = 'postgres',
): Promise<ScoringE2eBenchResult> {
  const configured = loadConfig();
  const server = await openDatabase(configured.database.url, mkdtempSync(join(tmpdir(), 'forge-bench-pg-')));
  const database = `forge_bench_scoring_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  try {
    const redisUrl = configured.queue.redisUrl;
    if (backend === 'redis' && !redisUrl) throw new Error('the redis backend needs REDIS_URL');
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      QUEUE_BACKEND: backend,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      QUEUE_PREFIX: `bench-scoring-${Date.now()}`,
      FORGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'forge-bench-scoring-')),
      JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-0123456789',
      OUTBOX_POLL_INTERVAL_MS: '50',
    });
    const migrate = createDataSource({ url: databaseUrl, poolSize: 2 });
    await migrate.initialize();
    await runMigrations(migrate);
    await migrate.destroy();
    const runtime: Runtime = { config, databaseUrl, embeddedDatabase: false, stop: async () => {} };

    const worker = await startWorker(runtime);
    const ids = await seed(databaseUrl, applications);
    const dataSource = createDataSource({ url: databaseUrl, poolSize: 4 });
    await dataSource.initialize();
    const start = process.hrtime.bigint();
    for (let i = 0; i < ids.length; i += 50) {
      await dataSource.transaction(async (manager) => {
        for (const id of ids.slice(i, i + 50)) await scheduleRiskAssessment(manager, id, 'submitted');
      });
    }
    const assessed = async (): Promise<number> => {
      const rows: Array<{ n: string }> = await dataSource.query(
        `SELECT count(*)::text AS n FROM risk_assessments`,
      );
      return Number(rows[0]!.n);
    };
    await waitFor('assessments', async () => (await assessed()) >= applications, 600_000);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const events: Array<{ n: string }> = await dataSource.query(
      `SELECT count(*)::text AS n FROM audit_events WHERE action = 'risk.assessed'`,
    );
    await dataSource.destroy();
    await worker.close();

    const noop = await bareBullmq(
      { backend, redisUrl, databaseUrl, prefix: 'unused' },
      applications,
      config.queue.concurrency,
    );
    const assessmentsPerSec = round(applications / seconds, 1);
    return {
      name: 'scoring-e2e',
      backend,
      applications,
      workerConcurrency: config.queue.concurrency,
      e2e: { seconds: round(seconds, 3), assessmentsPerSec, auditEvents: Number(events[0]!.n) },
      bareBullmq: { jobs: applications, ...noop },
      ratioToBareBullmq: round(assessmentsPerSec / noop.jobsPerSec, 3),
    };
  } finally {
    const cleanup = new pg.Client({ connectionString: server.url });
    await cleanup.connect();
    // Let closed pools finish disconnecting first: a connection cut by DROP … FORCE surfaces as an 'error'
    // event on a client nobody listens to any more, which would end the whole bench run.
    await waitFor(
      'the bench database to have no connections',
      async () => {
        const { rows } = await cleanup.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`,
          [database],
        );
        return rows[0].n === 0;
      },
      10_000,
    ).catch(() => {});
    await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
    await cleanup.end();
    await server.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 200);
  const backendArg = args.find((a) => a.startsWith('--backend='))?.split('=')[1];
  const backend = backendArg === 'redis' ? 'redis' : 'postgres';
  benchScoringE2e(n, backend)
    .then((result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
