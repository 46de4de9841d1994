/**
 * Whether `value` is one of `values`: the one guard that narrows a text (a stored column, a decoded field) to the
 * union its domain list spells out, so no caller writes `value as Union`.
 */
export function isOneOf<const T extends string | number>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/**
 * `value` as one of `values`, or an error naming `what` was read: a stored text column read as its domain union
 * (or a small integer column as its list, an incident's severity).
 * The database's CHECK constraint holds the column to the same list (test/integration/schema/domain-constraints),
 * so the error only fires on a schema that drifted from the domain.
 */
export function oneOf<const T extends string | number>(
  values: readonly T[],
  value: string | number,
  what: string,
): T {
  if (isOneOf(values, value)) return value;
  throw new Error(`${what} holds ${JSON.stringify(value)}, not one of ${values.join(', ')}`);
}

/** `oneOf` for a nullable column. */
export function oneOfOrNull<const T extends string>(
  values: readonly T[],
  value: string | null,
  what: string,
): T | null {
  return value === null ? null : oneOf(values, value, what);
}
