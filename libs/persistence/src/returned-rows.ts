/**
 * The rows of an UPDATE or DELETE … RETURNING: TypeORM answers `[rows, affected]` for those on PostgreSQL (and
 * plain rows for SELECT and INSERT). The one reading of that answer for every repository. Like `manager.query`'s
 * own `any`, the row type is the caller's statement's (`returnedRows<Pick<XRow, 'id'>>(result)`); without one, the
 * rows are `unknown` and only counted.
 */
export function returnedRows<T = unknown>(result: unknown): T[] {
  const rows: unknown =
    Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
      ? result[0]
      : result;
  // The statement's rows as its RETURNING list types them (the same trust as `manager.query`'s any).
  return Array.isArray(rows) ? (rows as T[]) : [];
}
