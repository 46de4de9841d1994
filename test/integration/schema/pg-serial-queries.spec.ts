import pg from 'pg';
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

  it('records two queries in flight on one client, with the stack of the second', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await Promise.all([client.query('SELECT pg_sleep(0.01)'), client.query('SELECT 1')]);
    } finally {
      await client.end();
    }
    const found = takeConcurrentQueries();
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('pg-serial-queries.spec.ts');
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
