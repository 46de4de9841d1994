import pg from 'pg';
import { connectionPool } from '../../../libs/persistence/src/data-source.js';
import { takeConcurrentQueries } from '../../support/pg-serial-queries.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** The guard of test/support/pg-serial-queries.ts catches what it must (so a clean run means something). */
describe('concurrent queries on one pg client', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("records two queries in flight on one of a DataSource pool's clients, with the stack of the second", async () => {
    const pool = connectionPool(db.dataSource);
    if (!pool) throw new Error('the test DataSource has no pool');
    const client = await pool.connect();
    try {
      await Promise.all([client.query('SELECT pg_sleep(0.01)'), client.query('SELECT 1')]);
    } finally {
      client.release();
    }
    const found = takeConcurrentQueries();
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('pg-serial-queries.spec.ts');
  });

  it('leaves a client the DataSource did not make to its owner, whatever its name', async () => {
    const client = new pg.Client({ connectionString: db.url, application_name: 'forge-lookalike' });
    await client.connect();
    try {
      await Promise.all([client.query('SELECT pg_sleep(0.01)'), client.query('SELECT 1')]);
    } finally {
      await client.end();
    }
    expect(takeConcurrentQueries()).toEqual([]);
  });

  it('records nothing for queries awaited one after the other, or on a transaction run serially', async () => {
    await db.dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1');
      await manager.query('SELECT 2');
    });
    await Promise.all([db.dataSource.query('SELECT 1'), db.dataSource.query('SELECT 2')]);
    expect(takeConcurrentQueries()).toEqual([]);
  });

  it('records a Promise.all over one transaction', async () => {
    await db.dataSource.transaction(async (manager) => {
      await Promise.all([manager.query('SELECT 1'), manager.query('SELECT 2')]);
    });
    expect(takeConcurrentQueries().length).toBeGreaterThan(0);
  });
});
