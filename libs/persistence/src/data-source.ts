import type { ClientBase, Pool, PoolConfig } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { MIGRATIONS } from '../../../migrations/index.js';
import { ENTITIES } from './entities.js';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/**
 * The one DataSource definition, used by the apps, the migration CLI and the tests.
 * `synchronize` is never on: the schema changes through reviewed migrations only.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    applicationName: options.applicationName ?? 'forge',
    extra: { max: options.poolSize ?? 10, onConnect: prepareClient } satisfies PoolConfig,
  });
}

/** Applies pending migrations; returns their names. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

/**
 * Marks every client of a pool `createDataSource` makes (set by the pool's own `onConnect` hook, so it cannot be
 * missed or forged by a name): the test guard test/support/pg-serial-queries.ts checks exactly these clients for
 * concurrent queries. `Symbol.for`, so that a second copy of this module still agrees.
 */
export const DATA_SOURCE_CLIENT = Symbol.for('forge.dataSourceClient');

type MarkedClient = ClientBase & { [DATA_SOURCE_CLIENT]?: true };

/** True for a client of a pool `createDataSource` made (see `DATA_SOURCE_CLIENT`). */
export function isDataSourceClient(client: object): boolean {
  return (client as MarkedClient)[DATA_SOURCE_CLIENT] === true;
}

/**
 * Runs once per pooled client, before the pool hands it out (pg-pool 3.9+, passed through TypeORM's `extra`):
 * marks it (`DATA_SOURCE_CLIENT`) and keeps connection errors non-fatal. When PostgreSQL terminates a connection,
 * node-postgres can emit a second `error` on a client that TypeORM has already released (it removes its listener
 * on the first), and an `error` event without a listener kills the process: a permanent no-op listener keeps that
 * a failed query (→ 503), not a crash.
 */
function prepareClient(client: MarkedClient): void {
  client[DATA_SOURCE_CLIENT] = true;
  client.on('error', () => {});
}

/**
 * This DataSource's connection pool (the metrics read its counts). TypeORM types its driver's pool as `any`;
 * for the `postgres` driver it is node-postgres's `Pool`, which this narrows to.
 */
export function connectionPool(dataSource: DataSource): Pool | null {
  if (dataSource.options.type !== 'postgres') return null;
  const pool: Pool | undefined = (dataSource.driver as PostgresDriver).master;
  return pool ?? null;
}
