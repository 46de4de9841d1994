/**
 * How the application list's cost grows with the fund's history (issue 18, item 5): the same list query the
 * API runs (`listApplications` with the officer's and a sponsor's compiled read rule), with and without each
 * filter and the search, at each size in turn (1,000 → 10,000 → 100,000 applications in one database, grown
 * in place). Rows are bulk-loaded by one INSERT … SELECT per table with the product's own schema, triggers and
 * indexes (a faithful bulk loader: the residual-band trigger fires per assessment as it does for the scoring
 * job, the due-time triggers per approval and information request as for the commands, the search triggers per
 * application as for the create path); names and titles as varied as a real pipeline's; 60% of applications carry
 * an assessment. Due times are stored as the commands store them (the stage's at stage entry, spread over the last
 * 90 days so that some are overdue; one application in ten with a pending maker-checker item, one in ten with an
 * open information request), computed by `forge_add_business_days`, the SQL twin of the domain's `addBusinessDays`,
 * with the product's default deadline configuration.
 *
 * Per size and query: p50/p99 over the runs, rows returned, and whether the plan reads the whole table
 * (its plan has a Seq Scan on applications), the indexes it uses and the buffers it touches (`EXPLAIN (ANALYZE,
 * BUFFERS)` of the same statement, run once more); then the application view
 * (`readApplicationView`, the reader `GET /applications/:id` calls, staff's and the sponsor's statement) of one
 * application at each size (one with an open information request). Goal: each within 1.5× of its time at 1,000.
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
import {
  APPLICATION_SPONSOR_VIEW_SQL,
  APPLICATION_VIEW_SQL,
  readApplicationView,
} from '../libs/persistence/src/applications/application-view.reader.js';
import { createDataSource, runMigrations } from '../libs/persistence/src/data-source.js';
import { loadConfig } from '../libs/config/src/index.js';
import { databaseUrl, percentile, postgresServer, round } from './cluster.js';

const RUNS = 40;
const GOAL_GROWTH = 1.5;

interface QueryCase {
  name: string;
  filter: Omit<ApplicationListFilter, 'limit' | 'now'>;
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
  // Every trigram common (each word is in a tenth to a quarter of the titles), never in this order: no hit.
  { name: 'q=common words (no hit)', filter: { q: 'nickel plant salar' } },
  { name: 'q=organisation name', filter: { q: 'andes atacama s.a.' } },
  { name: 'q=reference', filter: { q: 'FORGE-B-0000500' } },
  { name: "sponsor's own list", filter: {}, sponsor: true },
  { name: 'overdue=true', filter: { overdue: true } },
  { name: 'sort=due (work queue)', filter: { sort: 'due' } },
  { name: 'overdue=true&sort=due', filter: { overdue: true, sort: 'due' } },
];

export interface GrowthRow {
  size: number;
  query: string;
  p50Ms: number;
  p99Ms: number;
  rows: number;
  seqScan: boolean;
  /** The indexes the plan reads. */
  indexes: string[];
  /**
   * Shared buffers (8 kB pages, hit or read) the statement touched once, by `EXPLAIN (ANALYZE, BUFFERS)`: the work
   * done, which on this shared machine is steadier than the time.
   */
  buffers: number;
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

/**
 * Names and titles as varied as a real pipeline's, not serial numbers: organisations are named from word lists
 * (20 × 50 × 6 = 6,000 distinct names, enough for the 4,000 organisations of 100,000 applications), titles from a
 * deposit, a product of the application's mineral and a kind of project (60 × 2 × 10 = 1,200 distinct titles, each
 * shared by many applications as in a real pipeline: "… lithium carbonate plant"). One in ten deposits is a salar
 * (the `q=salar` case). Before this the bench's titles were "Salar processing plant 12345" (every title sharing
 * "processing plant" and a serial number) and its organisations "Minera Andina 0007 S.A." (all sharing "Minera
 * Andina"): trigrams that every row had.
 */
const words = (list: string) =>
  list
    .split(/[|\n]/)
    .map((word) => word.trim())
    .filter(Boolean);
const NAME_PREFIXES = words(`
  Minera | Compañía Minera | Sociedad Minera | Litio | Cobre | Recursos | Metales | Andes | Exploraciones
  Inversiones | Mining | Resources | Minerals | Corporación Minera | Grupo | Energía | Nuevo | Mina | Proyectos
  Minerales
`);
const NAME_PLACES = words(`
  Atacama | Puna | del Sur | Altiplano | Cordillera | Pacífico | Los Andes | Tarapacá | Jujuy | Salta
  Catamarca | Arequipa | Cusco | Apurímac | Moquegua | Potosí | Oruro | Antofagasta | Coquimbo | Copiapó
  Minas Gerais | Goiás | Bahia | Pará | Carajás | Zamora | Azuay | Loja | Chaco | Amambay | Cajamarca | Ancash
  Junín | Pasco | Huancavelica | Tacna | Iquique | Calama | Vallenar | Mendoza | San Juan | Neuquén | Río Negro
  Chubut | Santa Cruz | Uyuni | Lípez | Cochabamba | La Rioja | Tucumán
`);
const NAME_FORMS = ['S.A.', 'S.A.C.', 'Ltda.', 'S.R.L.', 'SpA', 'Corp.'];
const DEPOSITS = words(`
  Salar de Olaroz | Cerro Verde | Quebrada Blanca | Pampa Norte | Río Blanco | Cerro Negro | Toquepala
  Las Bambas | Mina Justa | Antapaccay | Salar de Atacama | Constancia | Quellaveco | Marcobre | Zafranal
  Los Chancas | Haquira | Trapiche | Mirador | Fruta del Norte | Salar del Hombre Muerto | Taca Taca | Josemaría
  Filo del Sol | Vicuña | Agua Rica | El Pachón | Los Azules | San Jorge | Diablillos | Salar de Cauchari
  Sal de Vida | Fénix | Tres Quebradas | Kachi | Rincón | Pozuelos | Pastos Grandes | Mariana | Centenario
  Salar de Uyuni | Coipasa | Pastos Altos | Maricunga | Laguna Verde | Piedra Parada | Araxá | Catalão
  Serra Verde | Pitinga | Salar de Surire | Jacupiranga | Barreiro | Tapira | Morro do Ferro | Onça Puma
  Vermelho | Jacaré | Santa Rita | Piauí
`);
const PRODUCTS = words(`
  lithium carbonate | copper concentrate | nickel sulphate | rare earth oxide | lithium hydroxide
  copper cathode | nickel matte | mixed rare earth carbonate
`);
const PROJECT_KINDS = words(`
  plant | expansion | mine | concentrator | refinery | brine project | heap leach | tailings reprocessing
  phase 2 | debottlenecking
`);
const NAME_WORDS = [NAME_PREFIXES, NAME_PLACES, NAME_FORMS];
const TITLE_WORDS = [DEPOSITS, PRODUCTS, PROJECT_KINDS];

/** The name of organisation `g` (SQL over the text arrays bound from $first). */
const ORGANISATION_NAME = (g: string, first: number) =>
  `($${first}::text[])[${g} % 20 + 1] || ' ' || ($${first + 1}::text[])[(${g} / 20) % 50 + 1] || ' ' || ` +
  `($${first + 2}::text[])[(${g} / 1000) % 6 + 1]`;

/**
 * The title of application `g` (SQL over the text arrays bound from $first): the deposit, a product of its mineral
 * (`(ARRAY[lithium, copper, nickel, rare_earths])[1 + g % 4]`) and a kind of project.
 */
const TITLE = (g: string, first: number) =>
  `($${first}::text[])[${g} % 60 + 1] || ' ' || ($${first + 1}::text[])[${g} % 4 + 1 + 4 * ((${g} / 60) % 2)] || ' ' || ` +
  `($${first + 2}::text[])[(${g} / 120) % 10 + 1]`;

/** Grows the tables from `from` to `total` applications (organisation 0 and the users exist already). */
export async function load(
  client: pg.Client,
  from: number,
  total: number,
  users: { officer: string; sponsor: string },
) {
  const { deadlines } = loadConfig({ DATABASE_URL: 'postgres://unused@127.0.0.1/unused' });
  const { policy } = deadlines;
  const calendar = [policy.calendar.weekendDays, policy.calendar.holidays];
  await client.query(
    `INSERT INTO organizations (id, name, country, registration_number)
     SELECT gen_random_uuid(), ${ORGANISATION_NAME('g', 3)}, 'PE', 'REG-' || g
       FROM generate_series($1::int, $2::int - 1) g`,
    [organisationCount(from), organisationCount(total), ...NAME_WORDS],
  );
  await client.query(
    `WITH orgs AS (SELECT array_agg(id ORDER BY created_at, id) AS ids FROM organizations)
     INSERT INTO applications (id, reference, organization_id, created_by, stage, input, category, assignee_id,
                               created_at, updated_at, stage_entered_at, stage_due_at)
     SELECT gen_random_uuid(), 'FORGE-B-' || lpad(g::text, 7, '0'), orgs.ids[1 + g % cardinality(orgs.ids)],
            $3::uuid,
            (ARRAY['draft','submitted','screening','esg_review','financing','committee','approved','financed',
                   'rejected','withdrawn'])[1 + g % 10],
            jsonb_build_object(
              'title', ${TITLE('g', 8)},
              'country', (ARRAY['AR','PE','CL','BR','EC','PY'])[1 + g % 6],
              'mineral', (ARRAY['lithium','copper','nickel','rare_earths'])[1 + g % 4],
              'requestedAmountUsd', 100000000 + g),
            (ARRAY['A','B','C', NULL])[1 + g % 4],
            CASE WHEN g % 3 = 0 THEN NULL ELSE $4::uuid END,
            now() - make_interval(secs => ($2::int - g)), now(), now() - make_interval(days => g % 90),
            forge_add_business_days(now() - make_interval(days => g % 90),
              ($7::jsonb ->> (ARRAY['draft','submitted','screening','esg_review','financing','committee','approved',
                                    'financed','rejected','withdrawn'])[1 + g % 10])::integer,
              $5::integer[], $6::date[])
       FROM generate_series($1::int, $2::int - 1) g, orgs`,
    [
      from,
      total,
      users.sponsor,
      users.officer,
      ...calendar,
      JSON.stringify(policy.stageSlaBusinessDays),
      ...TITLE_WORDS,
    ],
  );
  // Waiting work on one application in ten each, with its due time as the commands store it.
  await client.query(
    `INSERT INTO approvals (id, application_id, action, subject, payload, maker_id, created_at, due_at)
     SELECT gen_random_uuid(), a.id, 'check.waive', 'ESG.WATER', '{}', $2::uuid, a.stage_entered_at,
            forge_add_business_days(a.stage_entered_at, $3::integer, $4::integer[], $5::date[])
       FROM (SELECT a.id, a.stage_entered_at, substr(a.reference, 9)::int AS n FROM applications a
              WHERE a.reference LIKE 'FORGE-B-%' AND substr(a.reference, 9)::int >= $1) a
      WHERE n % 10 = 4`,
    [from, users.officer, policy.approvalBusinessDays, ...calendar],
  );
  await client.query(
    `INSERT INTO information_requests (id, application_id, stage, question, asked_by, asked_at, due_at)
     SELECT gen_random_uuid(), a.id, a.stage, 'Please confirm the offtake terms', $2::uuid, a.stage_entered_at,
            forge_add_business_days(a.stage_entered_at, $3::integer, $4::integer[], $5::date[])
       FROM (SELECT a.id, a.stage, a.stage_entered_at, substr(a.reference, 9)::int AS n FROM applications a
              WHERE a.reference LIKE 'FORGE-B-%' AND substr(a.reference, 9)::int >= $1) a
      WHERE n % 10 = 3`,
    [from, users.officer, policy.informationRequestBusinessDays, ...calendar],
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

/** The names of the indexes a plan reads. */
function indexesOf(node: unknown, found = new Set<string>()): string[] {
  if (node && typeof node === 'object') {
    const plan = node as Record<string, unknown>;
    if (typeof plan['Index Name'] === 'string') found.add(plan['Index Name']);
    for (const value of Object.values(plan)) {
      if (Array.isArray(value)) value.forEach((v) => indexesOf(v, found));
      else if (typeof value === 'object') indexesOf(value, found);
    }
  }
  return [...found].sort();
}

/**
 * Up to RUNS runs of `run`, but one slower than the time budget stops after three (its p99 is then its max);
 * returns the sorted samples (ms) and what the last run returned.
 */
async function sample<T>(run: () => Promise<T>): Promise<{ samples: number[]; last: T }> {
  const samples: number[] = [];
  let last: T | undefined;
  const budgetEnds = Date.now() + 5_000;
  for (let i = 0; i < RUNS && (i < 3 || Date.now() < budgetEnds); i += 1) {
    const started = process.hrtime.bigint();
    last = await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { samples: samples.sort((a, b) => a - b), last: last as T };
}

interface Measured {
  p50: number;
  p99: number;
  rows: number;
  seqScan: boolean;
  indexes: string[];
  buffers: number;
}

/** The plan of `sql` run once with `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`. */
async function explain(client: pg.Client, sql: string, params: unknown[]): Promise<unknown> {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
  return rows[0]?.['QUERY PLAN'];
}

/** Shared buffers the plan's top node touched (its children's included). */
function buffersOf(plan: unknown): number {
  const top = (plan as Array<{ Plan: Record<string, number> }> | null)?.[0]?.Plan;
  return (top?.['Shared Hit Blocks'] ?? 0) + (top?.['Shared Read Blocks'] ?? 0);
}

async function timeCase(
  dataSource: DataSource,
  client: pg.Client,
  actor: { id: string; roles: ['officer'] | ['sponsor']; organizationId: string | null },
  filter: ApplicationListFilter,
): Promise<Measured> {
  const readable = (params: unknown[]) => accessPredicateSql(actor, params);
  const { samples, last } = await sample(() => listApplications(dataSource.manager, readable, filter));
  // The plan of the very statement the list sends: the repository's query, prefixed with EXPLAIN.
  let plan: unknown = null;
  const explaining = {
    query: async (sql: string, params: unknown[]) => {
      plan = await explain(client, sql, params);
      return [];
    },
  };
  await listApplications(explaining as never, readable, filter);
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    rows: last.length,
    seqScan: scansApplications(plan),
    indexes: indexesOf(plan),
    buffers: buffersOf(plan),
  };
}

/**
 * `GET /applications/:id` without HTTP: the reader the API calls (`readApplicationView`: its one prepared
 * statement, staff's or the sponsor's, and the mapping of the rows).
 */
async function timeView(
  dataSource: DataSource,
  client: pg.Client,
  applicationId: string,
  sponsor: boolean,
): Promise<Measured> {
  const { samples, last } = await sample(() =>
    readApplicationView(dataSource.manager, applicationId, { sponsor }),
  );
  if (last === null) throw new Error('the view found no application');
  const sql = sponsor ? APPLICATION_SPONSOR_VIEW_SQL : APPLICATION_VIEW_SQL;
  const plan = await explain(client, sql, [applicationId]);
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    rows: 1,
    seqScan: scansApplications(plan),
    indexes: indexesOf(plan),
    buffers: buffersOf(plan),
  };
}

/** The view cases, after the list's. */
const VIEWS = [
  { name: 'view (staff)', sponsor: false },
  { name: 'view (sponsor)', sponsor: true },
];

function row(size: number, query: string, measured: Measured): GrowthRow {
  return {
    size,
    query,
    p50Ms: round(measured.p50, 2),
    p99Ms: round(measured.p99, 2),
    rows: measured.rows,
    seqScan: measured.seqScan,
    indexes: measured.indexes,
    buffers: measured.buffers,
  };
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
       SELECT $1::uuid, ${ORGANISATION_NAME('0', 2)}, 'PE', 'REG-0'`,
      [firstOrg, ...NAME_WORDS],
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
          now: new Date(),
          limit: 20,
        });
        rows.push(row(size, testCase.name, measured));
      }
      // The same application at every size, one with an open information request (n % 10 = 3). Not one with an
      // assessment: the loader's assessments carry no result for the view to map.
      const [viewed] = (await client.query(`SELECT id FROM applications WHERE reference = 'FORGE-B-0000003'`))
        .rows as Array<{ id: string }>;
      for (const view of VIEWS) {
        rows.push(row(size, view.name, await timeView(dataSource, client, viewed!.id, view.sponsor)));
      }
    }
    const growth: Record<string, number> = {};
    for (const name of [...CASES.map((c) => c.name), ...VIEWS.map((v) => v.name)]) {
      const first = rows.find((r) => r.query === name && r.size === sizes[0])!;
      const last = rows.find((r) => r.query === name && r.size === sizes[sizes.length - 1])!;
      growth[name] = round(last.p50Ms / Math.max(first.p50Ms, 0.01), 2);
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
