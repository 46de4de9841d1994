// Internal to the identity repositories (not re-exported).
/**
 * The rows of an UPDATE or DELETE … RETURNING: TypeORM answers `[rows, affected]` for those on PostgreSQL (and
 * plain rows for SELECT and INSERT).
 */
export function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
