import { type QueryConfig } from 'pg';
import { type EntityManager } from 'typeorm';

/**
 * Runs `text` as the named prepared statement `name` on the manager's connection: node-postgres sends it to be
 * parsed once per pooled connection, and from its sixth execution PostgreSQL may reuse a generic plan instead of
 * planning it again. For a long statement run on every request (the application view: planning was about four
 * fifths of its cost in PostgreSQL, bench/README.md issue 18.3) that is most of the database's work saved.
 *
 * TypeORM hands its query argument to pg's `client.query` unchanged, so a pg query config goes through TypeORM's
 * transaction, error wrapping (`QueryFailedError`) and release like any other query. One name is one text for the
 * process's life: pg refuses a name prepared on a connection with another text.
 */
export function queryPrepared<T>(
  manager: EntityManager,
  name: string,
  text: string,
  parameters: unknown[],
): Promise<T[]> {
  const config: QueryConfig = { name, text };
  return manager.query(config as unknown as string, parameters);
}
