/** Any JSON value: what a `jsonb` column, an audit event's `before`/`after`/`context` and canonical hashing hold. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Whether a decoded value (a request body's field, a stored JSON column) is an object whose fields a parser may
 * read one by one: not null, not an array. The guard every parser of untrusted JSON narrows with, instead of a cast.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON object (what an audit event's `before`/`after`/`context` hold when a rule reads their keys). */
export type JsonObject = { [key: string]: JsonValue };

/**
 * The value when it is a JSON object, else null: what a rule reading named keys sees the same either way (a key
 * of an array, a string or null reads as absent), with a type that lets it read them.
 */
export function jsonObjectOrNull(value: JsonValue | null | undefined): JsonObject | null {
  return isRecord(value) ? value : null;
}

/**
 * `T` when every part of it is plain data (strings, finite numbers, booleans, null, arrays and objects of those;
 * optional properties allowed, since JSON drops them), `never` where a part is not (a Date, a function, a
 * bigint, a symbol). Interfaces pass: TypeScript does not let an interface without an index signature stand for
 * `{ [key: string]: JsonValue }`, which is why this is a structural check rather than `T extends JsonValue`.
 */
export type JsonSerializable<T> = T extends string | number | boolean | null
  ? T
  : T extends Date | bigint | symbol | ((...args: never[]) => unknown)
    ? never
    : T extends readonly (infer E)[]
      ? readonly JsonSerializable<E>[]
      : T extends object
        ? { [K in keyof T]: JsonSerializable<T[K]> }
        : never;

/**
 * The one typed boundary from a domain value to JSON (an audit event's payload, a JSON column): the compiler
 * checks that the value is plain data, so no caller casts. The value itself is returned unchanged.
 */
export function toJson<T>(value: T & JsonSerializable<T>): JsonValue {
  // The structural check above is what makes this sound; TypeScript cannot relate a generic T to the recursive
  // union by itself, so the one widening cast of the code base lives here.
  return value as unknown as JsonValue;
}

/** `toJson` for an object, typed as one (so its fields can be spread into another JSON object). */
export function toJsonObject<T extends object>(value: T & JsonSerializable<T>): JsonObject {
  return toJson<T>(value) as JsonObject;
}
