/**
 * How the application list's cost grows with the fund's history (issue 18, item 5): the same list query the
 * API runs (`listApplications` with the officer's and a sponsor's compiled read rule), with and without each
 * filter and the search, at each size in turn (1,000 → 10,000 → 100,000 applications in one database, grown
 * in place). Rows are bulk-loaded by one INSERT … SELECT per table with the product's own schema, triggers and
 * indexes (a faithful bulk loader: the residual-band trigger fires per assessment as it does for the scoring
 * job); 60% of applications carry an assessment, one in twenty an approved band override.
 *
 * Per size and query: p50/p99 over the runs, rows returned, and whether the plan reads the whole table
 * (`EXPLAIN (FORMAT JSON)` has a Seq Scan on applications). Goal: each within 1.5× of its time at 1,000.
 * Run: `node dist/bench/growth.bench.js [largest]` → one JSON line.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type DataSource } from 'typeorm';
import { accessPredicateSql } from '../libs/application/src/access/access-sql.js';
import {
  listApplications,
  type ApplicationListFilter,
} from '../libs/persistence/src/applications/application-list.repository.js';
import { type DueTimeInput } from '../libs/persistence/src/applications/application-due-time.sql.js';
import { createDataSource, runMigrations } from '../libs/persistence/src/data-source.js';
import { loadConfig } from '../libs/config/src/index.js';
import { databaseUrl, percentile, postgresServer, round } from './cluster.js';

const RUNS = 40;
const GOAL_GROWTH = 1.5;

interface QueryCase {
  name: string;
  filter: Omit<ApplicationListFilter, 'limit' | 'due'>;
  sponsor?: boolean;
}

const CASES: QueryCase[] = [
  { name: 'list (no filter)', filter: {} },
  { name: 'stage=esg_review', filter: { stage: 'esg_review' } },
  { name: 'country=PE', filter: { country: 'PE' } },
  { name: 'mineral=lithium', filter: { mineral: 'lithium' } },
  { name: 'category=A', filter: { category: 'A' } },
  { name: 'residualBand=high', filter: { residualBand: 'high' } },
  { name: 'unassigned', filter: { unassigned: true } },
  { name: 'q=salar (hits)', filter: { q: 'salar' } },
  { name: 'q=no such project (no hit)', filter: { q: 'zzqx no such project' } },
  { name: 'q=organisation name', filter: { q: 'minera andina 0007' } },
  { name: "sponsor's own list", filter: {}, sponsor: true },
  { name: 'overdue=true', filter: { overdue: true } },
  { name: 'sort=due (work queue)', filter: { sort: 'due' } },
];

export interface GrowthRow {
  size: number;
  query: string;
  p50Ms: number;
  p99Ms: number;
  rows: number;
  seqScan: boolean;
}

export interface GrowthResult {
  name: 'growth';
  sizes: number[];
  /** Most runs per query (a slow query stops after three once it has used five seconds). */
  runs: number;
  rows: GrowthRow[];
  /** Per query: p50 at the largest size / p50 at the smallest (goal ≤ 1.5). */
  growth: Record<string, number>;
  worstGrowth: number;
  goalGrowth: number;
}

const organisationCount = (applications: number) => Math.max(1, Math.ceil(applications / 25));

/** Grows the tables from `from` to `total` applications (organisation 0 and the users exist already). */
export async function load(
  client: pg.Client,
  from: number,
  total: number,
  users: { officer: string; sponsor: string },
) {
  await client.query(
    `INSERT INTO organizations (id, name, country, registration_number)
     SELECT gen_random_uuid(), 'Minera Andina ' || lpad(g::text, 4, '0') || ' S.A.', 'PE', 'REG-' || g
       FROM generate_series($1::int, $2::int - 1) g`,
    [organisationCount(from), organisationCount(total)],
  );
  await client.query(
    `WITH orgs AS (SELECT array_agg(id ORDER BY created_at, id) AS ids FROM organizations)
     INSERT INTO applications (id, reference, organization_id, created_by, stage, input, category, assignee_id,
                               created_at, updated_at, stage_entered_at)
     SELECT gen_random_uuid(), 'FORGE-B-' || lpad(g::text, 7, '0'), orgs.ids[1 + g % cardinality(orgs.ids)],
            $3::uuid,
            (ARRAY['draft','submitted','screening','esg_review','financing','committee','approved','financed',
                   'rejected','withdrawn'])[1 + g % 10],
            jsonb_build_object(
              'title', (ARRAY['Salar','Cerro','Rio','Quebrada','Pampa'])[1 + g % 5] || ' processing plant ' || g,
              'country', (ARRAY['AR','PE','CL','BR','EC','PY'])[1 + g % 6],
              'mineral', (ARRAY['lithium','copper','nickel','rare_earths'])[1 + g % 4],
              'requestedAmountUsd', 100000000 + g),
            (ARRAY['A','B','C', NULL])[1 + g % 4],
            CASE WHEN g % 3 = 0 THEN NULL ELSE $4::uuid END,
            now() - make_interval(secs => ($2::int - g)), now(), now()
       FROM generate_series($1::int, $2::int - 1) g, orgs`,
    [from, total, users.sponsor, users.officer],
  );
  await client.query(
    `INSERT INTO risk_assessments (id, application_id, application_version, model_version, params_hash,
                                   inputs_hash, inputs, reference_snapshot_hashes, result, gross_score, gross_band,
                                   residual_score, residual_band, computed_at, job_id)
     SELECT gen_random_uuid(), a.id, 1, 'bench', repeat('0', 64), md5(a.id::text) || md5(a.reference), '{}',
            '{}', '{}', 200, 'high', 120 + (n % 4) * 40,
            (ARRAY['low','moderate','substantial','high'])[1 + (n % 4)::int], now(), 'bench-' || n
       FROM (SELECT a.id, a.reference, substr(a.reference, 9)::int AS n FROM applications a
              WHERE a.reference LIKE 'FORGE-B-%' AND substr(a.reference, 9)::int >= $1) a
      WHERE n % 5 < 3`,
    [from],
  );
  await client.query('ANALYZE');
}

/** Whether a plan (EXPLAIN FORMAT JSON) reads the applications table whole. */
function scansApplications(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  const plan = node as Record<string, unknown>;
  if (plan['Node Type'] === 'Seq Scan' && plan['Relation Name'] === 'applications') return true;
  return Object.values(plan).some((value) =>
    Array.isArray(value)
      ? value.some(scansApplications)
      : typeof value === 'object' && scansApplications(value),
  );
}

/** The list's due times with the product's default deadline configuration (libs/config), at the real now. */
function dueTimeInput(): DueTimeInput {
  const { deadlines } = loadConfig({ DATABASE_URL: 'postgres://unused@127.0.0.1/unused' });
  const { policy } = deadlines;
  return {
    now: new Date(),
    policy: {
      stageSlaBusinessDays: policy.stageSlaBusinessDays,
      informationRequestBusinessDays: policy.informationRequestBusinessDays,
      approvalBusinessDays: policy.approvalBusinessDays,
      disbursementRequestBusinessDays: policy.disbursementRequestBusinessDays,
      weekendDays: policy.calendar.weekendDays,
      holidays: policy.calendar.holidays,
      amrDueMonthDay: deadlines.amrDueMonthDay,
    },
  };
}

async function timeCase(
  dataSource: DataSource,
  client: pg.Client,
  actor: { id: string; roles: ['officer'] | ['sponsor']; organizationId: string | null },
  filter: ApplicationListFilter,
): Promise<{ p50: number; p99: number; rows: number; seqScan: boolean }> {
  const manager = dataSource.manager;
  const samples: number[] = [];
  let rows = 0;
  // Up to RUNS runs, but a query slower than the time budget stops after three (its p99 is then its max).
  const budgetEnds = Date.now() + 5_000;
  for (let i = 0; i < RUNS && (i < 3 || Date.now() < budgetEnds); i += 1) {
    const started = process.hrtime.bigint();
    const page = await listApplications(manager, (params) => accessPredicateSql(actor, params), filter);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    rows = page.length;
  }
  samples.sort((a, b) => a - b);
  // The plan of the very statement the list sends: the repository's query, prefixed with EXPLAIN.
  let plan: unknown = null;
  const explaining = {
    query: async (sql: string, params: unknown[]) => {
      plan = (await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)).rows[0]?.['QUERY PLAN'];
      return [];
    },
  };
  await listApplications(explaining as never, (params) => accessPredicateSql(actor, params), filter);
  const seqScan = scansApplications(plan);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), rows, seqScan };
}

export async function benchGrowth(largest = 100_000): Promise<GrowthResult> {
  const sizes = [1_000, 10_000, 100_000, 1_000_000].filter((size) => size <= largest);
  const server = await postgresServer(process.env.BENCH_DATABASE_URL);
  const name = `forge_bench_growth_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = databaseUrl(server.adminUrl, name);
  const dataSource = createDataSource({ url, poolSize: 2 });
  const client = new pg.Client({ connectionString: url });
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    await client.connect();
    const officer = randomUUID();
    const sponsor = randomUUID();
    await client.query(
      `INSERT INTO scoring_models (version, params, params_hash) VALUES ('bench', '{}', repeat('0', 64))
       ON CONFLICT DO NOTHING`,
    );
    const firstOrg = randomUUID();
    await client.query(
      `INSERT INTO organizations (id, name, country, registration_number)
       VALUES ($1, 'Minera Andina 0000 S.A.', 'PE', 'REG-0')`,
      [firstOrg],
    );
    await client.query(
      `INSERT INTO users (id, email, password_hash, display_name, roles, organization_id)
       VALUES ($1, 'officer@bench.test', 'x', 'Officer', '{officer}', NULL),
              ($2, 'sponsor@bench.test', 'x', 'Sponsor', '{sponsor}', $3)`,
      [officer, sponsor, firstOrg],
    );
    const rows: GrowthRow[] = [];
    let loaded = 0;
    for (const size of sizes) {
      await load(client, loaded, size, { officer, sponsor });
      loaded = size;
      process.stderr.write(`growth: ${size} applications loaded\n`);
      for (const testCase of CASES) {
        const actor = testCase.sponsor
          ? { id: sponsor, roles: ['sponsor'] as ['sponsor'], organizationId: firstOrg }
          : { id: officer, roles: ['officer'] as ['officer'], organizationId: null };
        const measured = await timeCase(dataSource, client, actor, {
          ...testCase.filter,
          due: dueTimeInput(),
          limit: 20,
        });
        rows.push({
          size,
          query: testCase.name,
          p50Ms: round(measured.p50, 2),
          p99Ms: round(measured.p99, 2),
          rows: measured.rows,
          seqScan: measured.seqScan,
        });
      }
    }
    const growth: Record<string, number> = {};
    for (const testCase of CASES) {
      const first = rows.find((r) => r.query === testCase.name && r.size === sizes[0])!;
      const last = rows.find((r) => r.query === testCase.name && r.size === sizes[sizes.length - 1])!;
      growth[testCase.name] = round(last.p50Ms / Math.max(first.p50Ms, 0.01), 2);
    }
    return {
      name: 'growth',
      sizes,
      runs: RUNS,
      rows,
      growth,
      worstGrowth: Math.max(...Object.values(growth)),
      goalGrowth: GOAL_GROWTH,
    };
  } finally {
    await client.end().catch(() => {});
    await dataSource.destroy().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await server.stop();
  }
}

if (process.argv[1]?.endsWith('growth.bench.js')) {
  const largest = Number(process.argv[2] ?? 100_000);
  benchGrowth(largest).then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
