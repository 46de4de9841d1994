import pg from 'pg';
import { isDataSourceClient } from '../../libs/persistence/src/data-source.js';

/**
 * Fails a test that sends a query on a pg client while another query is in flight on it (issue 12): pg 8
 * prints "Calling client.query() when the client is already executing a query is deprecated" (only from the
 * third query queued, once per process), and pg 9 refuses it. A Promise.all over one transaction's
 * EntityManager is the usual cause. Installed for the integration project (jest.config.js): every query of our
 * DataSources' clients is checked (the pool `createDataSource` makes marks each client it connects,
 * `isDataSourceClient`; a name could be reused or changed), stricter than pg (from the second query), with the
 * stack of the offending call. Clients a library opens for itself (BullMQ's PostgreSQL backend has its own LISTEN
 * client) are that library's to serialise.
 */

interface GuardedClient {
  _activeQuery?: unknown;
  _queryQueue?: unknown[];
  pipeline?: boolean;
}

const GUARD = Symbol.for('forge.pgSerialQueries');
const violations: string[] = [];

type QueryFunction = (this: GuardedClient, ...args: unknown[]) => unknown;
const prototype = pg.Client.prototype as unknown as Record<symbol | string, unknown> & {
  query: QueryFunction;
};

if (!prototype[GUARD]) {
  const original = prototype.query;
  prototype.query = function guardedQuery(this: GuardedClient, ...args: unknown[]) {
    const busy = !this.pipeline && (Boolean(this._activeQuery) || (this._queryQueue?.length ?? 0) > 0);
    if (busy && isDataSourceClient(this)) {
      violations.push((new Error('concurrent query').stack ?? '').split('\n').slice(2, 14).join('\n'));
    }
    return original.apply(this, args);
  };
  prototype[GUARD] = true;
}

/** The concurrent queries recorded so far (and forgets them). */
export function takeConcurrentQueries(): string[] {
  return violations.splice(0, violations.length);
}

function failOnConcurrentQueries(): void {
  const found = takeConcurrentQueries();
  if (found.length > 0) {
    throw new Error(
      `${found.length} query(ies) sent on a pg client that was already executing one (pg 9 refuses this; serialise them):\n\n${found.join('\n\n')}`,
    );
  }
}

// After each test, and after the file (what beforeAll/afterAll hooks sent).
afterEach(failOnConcurrentQueries);
afterAll(failOnConcurrentQueries);
