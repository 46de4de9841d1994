import { QueryFailedError } from 'typeorm';
import { queryPrepared } from '../../../libs/persistence/src/prepared-statement.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** `queryPrepared` (the application view's statement): prepared once per connection, through TypeORM's query. */
describe('queryPrepared', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('prepares the statement on the connection once and runs it with its parameters, in a transaction too', async () => {
    const text = 'SELECT $1::int + 1 AS n';
    await db.dataSource.transaction(async (manager) => {
      expect(await queryPrepared(manager, 'forge_test_plus_one', text, [1])).toEqual([{ n: 2 }]);
      expect(await queryPrepared(manager, 'forge_test_plus_one', text, [41])).toEqual([{ n: 42 }]);
      const prepared: Array<{ statement: string }> = await manager.query(
        `SELECT statement FROM pg_prepared_statements WHERE name = 'forge_test_plus_one'`,
      );
      expect(prepared).toEqual([{ statement: text }]);
    });
    expect(await queryPrepared(db.dataSource.manager, 'forge_test_plus_one', text, [2])).toEqual([{ n: 3 }]);
  });

  it('fails as any TypeORM query fails (QueryFailedError with the driver error)', async () => {
    await expect(
      queryPrepared(db.dataSource.manager, 'forge_test_bad_cast', 'SELECT $1::int AS n', ['not a number']),
    ).rejects.toBeInstanceOf(QueryFailedError);
  });
});
