import { DataSource } from 'typeorm';
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
    extra: { max: options.poolSize ?? 10 },
  });
}

/** Applies pending migrations; returns their names. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

interface GuardablePgClient {
  on(event: 'error', listener: (error: Error) => void): unknown;
  forgeErrorGuard?: boolean;
}

interface GuardablePgPool {
  on(event: 'connect', listener: (client: GuardablePgClient) => void): unknown;
  _clients?: GuardablePgClient[];
}

/**
 * When PostgreSQL terminates a connection, node-postgres can emit a second `error` on a client that TypeORM has
 * already released (it removes its listener on the first), and an `error` event without a listener kills the
 * process. A permanent no-op listener on every pooled client keeps that a failed query (→ 503), not a crash.
 */
export function guardConnectionErrors(dataSource: DataSource): DataSource {
  const pool = (dataSource.driver as unknown as { master?: GuardablePgPool }).master;
  if (!pool) return dataSource;
  const guard = (client: GuardablePgClient) => {
    if (client.forgeErrorGuard) return;
    client.forgeErrorGuard = true;
    client.on('error', () => {});
  };
  pool.on('connect', guard);
  for (const client of pool._clients ?? []) guard(client);
  return dataSource;
}
