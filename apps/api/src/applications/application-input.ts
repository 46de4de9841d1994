import { DomainError } from '@forge/domain';

/** Plain JSON of a validated DTO: drops `undefined` (unset class fields), keeps `null` (merge-patch removal). */
export function toPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v !== undefined) out[key] = toPlain(v);
    }
    return out;
  }
  return value;
}

/** The version a write names: `expectedVersion` in the body, or the `If-Match` header (`3`, `"3"`, `W/"3"`). */
export function resolveExpectedVersion(
  bodyVersion: number | undefined,
  ifMatch: string | undefined,
  required: boolean,
): number | undefined {
  if (bodyVersion !== undefined) return bodyVersion;
  if (ifMatch !== undefined && ifMatch !== '') {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
    if (!match) {
      throw new DomainError('VALIDATION.FAILED', 'If-Match must be the application version', [
        { field: 'If-Match', message: 'must be an integer version' },
      ]);
    }
    return Number(match[1]);
  }
  if (required) {
    throw new DomainError('VALIDATION.FAILED', 'Name the version you read: expectedVersion or If-Match', [
      { field: 'expectedVersion', message: 'is required (or send an If-Match header)' },
    ]);
  }
  return undefined;
}
