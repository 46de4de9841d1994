import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runMigrations as runQueueSchemaMigrations } from 'bullmq';
import { type DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '../../libs/persistence/src/data-source.js';
import { ENV_ADMIN_URL, ENV_REDIS_URL, ENV_RUN_ID } from './global-setup.js';
import { databaseUrl } from './test-urls.js';

export interface TestDatabase {
  name: string;
  url: string;
  dataSource: DataSource;
  /** Destroys the DataSource and drops the database. */
  drop(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run integration tests through jest's global setup (npm test)`);
  return value;
}

const TEMPLATE_LOCK = 7_204_001;

/**
 * Migrations run once per test run into a template database (the first file to need it builds it, under an
 * advisory lock); each test file then gets its own copy with `CREATE DATABASE … TEMPLATE`.
 */
async function ensureTemplate(adminUrl: string, runId: string): Promise<string> {
  const template = `forge_template_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      const url = databaseUrl(adminUrl, building);
      const dataSource = createDataSource({ url, poolSize: 2 });
      await dataSource.initialize();
      await runMigrations(dataSource);
      await dataSource.destroy();
      // BullMQ's PostgreSQL backend keeps its tables in schema `bullmq`: create them once in the template too.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await runQueueSchemaMigrations(client as never, 'bullmq');
      await client.end();
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => {});
    await admin.end();
  }
  return template;
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = required(ENV_ADMIN_URL);
  const runId = required(ENV_RUN_ID);
  const template = await ensureTemplate(adminUrl, runId);
  const name = `forge_t_${runId}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);
  const dataSource = createDataSource({ url, poolSize: 10 });
  await dataSource.initialize();
  return {
    name,
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export function testRedisUrl(): string {
  return required(ENV_REDIS_URL);
}

/** A queue prefix no other test file uses, so Redis keys never collide between parallel files. */
export function uniqueQueuePrefix(): string {
  return `forge-test-${randomBytes(4).toString('hex')}`;
}
