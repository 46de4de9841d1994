import { DomainError } from '@forge/domain';

/** The keyset position of a list page: the exact creation time (microseconds, UTC) and id of its last item. */
export interface ListCursor {
  createdAt: string;
  id: string;
}

const CREATED_AT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalidCursor(): DomainError {
  return new DomainError('VALIDATION.FAILED', 'The cursor is not valid', [
    { field: 'cursor', message: 'must be a cursor returned by a previous page' },
  ]);
}

/** A real calendar time (2025-02-31 or 24:00:00 are not), so the database never sees an impossible one. */
function isRealTime(text: string): boolean {
  const match = CREATED_AT.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id]), 'utf8').toString('base64url');
}

/** The keyset position of a page in due-time order (`sort=due`): the exact due time (or null) and id of its last item. */
export interface DueListCursor {
  dueAt: string | null;
  id: string;
}

export function encodeDueListCursor(cursor: DueListCursor): string {
  return Buffer.from(JSON.stringify(['due', cursor.dueAt, cursor.id]), 'utf8').toString('base64url');
}

/** The JSON array a cursor encodes (its items still unchecked), else 400 on `cursor`. */
function cursorItems(text: string): readonly unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(value)) throw invalidCursor();
  return value;
}

/** Decodes a cursor of `encodeDueListCursor`; anything else (a `newest` cursor included) is 400 on `cursor`. */
export function decodeDueListCursor(text: string): DueListCursor {
  const items = cursorItems(text);
  const [tag, dueAt, id] = items;
  if (
    items.length === 3 &&
    tag === 'due' &&
    (dueAt === null || (typeof dueAt === 'string' && isRealTime(dueAt))) &&
    typeof id === 'string' &&
    UUID.test(id)
  ) {
    return { dueAt, id };
  }
  throw invalidCursor();
}

/** Decodes a cursor of `encodeListCursor`; anything else is 400 `VALIDATION.FAILED` on `cursor`. */
export function decodeListCursor(text: string): ListCursor {
  const items = cursorItems(text);
  const [createdAt, id] = items;
  if (
    items.length === 2 &&
    typeof createdAt === 'string' &&
    isRealTime(createdAt) &&
    typeof id === 'string' &&
    UUID.test(id)
  ) {
    return { createdAt, id };
  }
  throw invalidCursor();
}
