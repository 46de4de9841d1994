import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * Typed persistence (issue 12): every table the migrations build has an entity (`libs/persistence/src/entities/`),
 * and each entity says exactly what its table holds: the same columns, types, nullability and primary key. A
 * migration that adds, drops or changes a column without its entity (or the reverse) fails here.
 */

/** TypeORM's own bookkeeping. */
const NOT_ENTITIES = new Set(['schema_migrations']);

interface ColumnShape {
  type: string;
  nullable: boolean;
  primary: boolean;
}

type TableShapes = Map<string, Map<string, ColumnShape>>;

function describeColumn(shape: ColumnShape): string {
  return `${shape.type}${shape.nullable ? ' NULL' : ' NOT NULL'}${shape.primary ? ' PK' : ''}`;
}

describe('entities and the migrated schema', () => {
  let db: TestDatabase;
  let schema: TableShapes;
  let entities: TableShapes;

  beforeAll(async () => {
    db = await createTestDatabase();
    const rows: Array<{ table: string; column: string; type: string; not_null: boolean; primary: boolean }> =
      await db.dataSource.query(
        `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
                a.attnotnull AS not_null,
                EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary
                          AND a.attnum = ANY (i.indkey)) AS primary
           FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
          WHERE n.nspname = 'public' AND c.relkind = 'r'
          ORDER BY c.relname, a.attnum`,
      );
    schema = new Map();
    for (const row of rows) {
      if (NOT_ENTITIES.has(row.table)) continue;
      if (!schema.has(row.table)) schema.set(row.table, new Map());
      schema
        .get(row.table)!
        .set(row.column, { type: row.type, nullable: !row.not_null, primary: row.primary });
    }
    entities = new Map();
    for (const metadata of db.dataSource.entityMetadatas) {
      const columns = new Map<string, ColumnShape>();
      for (const column of metadata.columns) {
        const type = `${String(column.type)}${column.length ? `(${column.length})` : ''}${column.isArray ? '[]' : ''}`;
        columns.set(column.databaseName, { type, nullable: column.isNullable, primary: column.isPrimary });
      }
      entities.set(metadata.tableName, columns);
    }
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('reads the schema and the entities (the comparison sees both)', () => {
    expect(schema.get('applications')?.get('stage')).toEqual({
      type: 'text',
      nullable: false,
      primary: false,
    });
    expect(entities.get('applications')?.get('id')).toEqual({ type: 'uuid', nullable: false, primary: true });
  });

  it('every table has an entity and every entity a table', () => {
    expect([...entities.keys()].sort()).toEqual([...schema.keys()].sort());
  });

  it('each entity has exactly its table’s columns, types, nullability and primary key', () => {
    const differences: string[] = [];
    for (const [table, columns] of schema) {
      const entity = entities.get(table);
      if (!entity) continue;
      for (const [name, shape] of columns) {
        const declared = entity.get(name);
        if (!declared)
          differences.push(`${table}.${name}: in the schema (${describeColumn(shape)}), not in the entity`);
        else if (describeColumn(declared) !== describeColumn(shape)) {
          differences.push(
            `${table}.${name}: schema ${describeColumn(shape)}, entity ${describeColumn(declared)}`,
          );
        }
      }
      for (const name of entity.keys()) {
        if (!columns.has(name)) differences.push(`${table}.${name}: in the entity, not in the schema`);
      }
    }
    expect(differences).toEqual([]);
  });
});
