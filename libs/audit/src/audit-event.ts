import { createHash } from 'node:crypto';
import { canonicalJson, isRecord, sha256Hex, type JsonValue } from '@forge/domain';

/**
 * One row of the decision trail (docs: shared/design/audit.md, "Events").
 *
 * The twelve fields below are the *hashed object*; `AuditEventRecord` adds the thirteenth,
 * `hash`. `prevHash` is one of the twelve: it is hashed twice, once as the prefix of the
 * hashed string and once inside the canonical object (audit.md lists it among the "other
 * twelve fields" than `hash`).
 */
export interface AuditActor {
  id: string;
  /** The role the action was taken in, as of the event. */
  role: string;
  /**
   * The actor's display name as of the event, recorded when the event is appended (a later rename does not
   * change it). Hashed with the rest when present; absent on events recorded before names were kept, and for an
   * actor id that names no account.
   */
  name?: string;
}

export interface AuditSubject {
  type: string;
  id: string;
}

/** Any JSON value (what `before`, `after` and `context` may hold): the domain's, re-exported. */
export type { JsonValue };

export interface AuditEvent {
  /** Gap-free, strictly increasing from 0, in commit order. */
  seq: number;
  /** UUID. */
  id: string;
  /** ISO-8601 UTC with milliseconds, e.g. `2025-01-31T09:15:00.000Z` (`Date#toISOString()`). */
  occurredAt: string;
  actor: AuditActor;
  /** Dotted name, e.g. `application.submitted`. */
  action: string;
  subject: AuditSubject;
  applicationId: string | null;
  reason: string | null;
  before: JsonValue | null;
  after: JsonValue | null;
  context: JsonValue | null;
  /** The previous event's `hash`; `GENESIS_PREV_HASH` for `seq` 0. */
  prevHash: string;
}

export type AuditEventRecord = AuditEvent & { hash: string };

/** An event as a writer may hand it over: the nullable fields may be left out (→ null). */
export type AuditEventDraft = Pick<
  AuditEvent,
  'seq' | 'id' | 'occurredAt' | 'actor' | 'action' | 'subject' | 'prevHash'
> &
  Partial<Pick<AuditEvent, 'applicationId' | 'reason' | 'before' | 'after' | 'context'>>;

/** `prevHash` of the event with `seq` 0: 64 zeros. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

/** The twelve hashed fields, in the order of audit.md (RFC 8785 sorts them anyway). */
export const HASHED_FIELDS = [
  'seq',
  'id',
  'occurredAt',
  'actor',
  'action',
  'subject',
  'applicationId',
  'reason',
  'before',
  'after',
  'context',
  'prevHash',
] as const;

/** The thirteen fields of an export line / stored record. */
export const RECORD_FIELDS = [...HASHED_FIELDS, 'hash'] as const;

const HEX64 = /^[0-9a-f]{64}$/;
const ISO_UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** True for a lower-case 64-digit hex string (a SHA-256 in this log's spelling). */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && HEX64.test(value);
}

/**
 * The object that is hashed: exactly the twelve fields other than `hash`, absent values as
 * `null`. Any other property (including `hash`) is dropped. `actor` and `subject` are cut down
 * to their two documented fields.
 */
export function hashedObject(event: AuditEventDraft | AuditEvent | AuditEventRecord): AuditEvent {
  return { seq: event.seq, ...hashedContent(event), prevHash: event.prevHash };
}

/** The hashed fields other than the chain's own (`seq`, `prevHash`): what `contentBytes` serialises. */
function hashedContent(event: AuditEventDraft | AuditEventContent): AuditEventContent {
  return {
    id: event.id,
    occurredAt: event.occurredAt,
    actor: hashedActor(event.actor),
    action: event.action,
    subject: { type: event.subject.type, id: event.subject.id },
    applicationId: event.applicationId ?? null,
    reason: event.reason ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    context: event.context ?? null,
  };
}

/** `{ id, role }`, plus `name` when the event recorded one (events from before names hash without it). */
export function hashedActor(actor: AuditActor): AuditActor {
  return actor.name === undefined
    ? { id: actor.id, role: actor.role }
    : { id: actor.id, role: actor.role, name: actor.name };
}

/** RFC 8785 serialisation of the hashed object. */
export function canonicalEvent(event: AuditEventDraft | AuditEvent | AuditEventRecord): string {
  return canonicalJson(hashedObject(event));
}

/**
 * `hash` = lower-case hex SHA-256 over the UTF-8 bytes of `prevHash + canonical`, where
 * `canonical` is the RFC 8785 serialisation of the hashed object (which itself contains
 * `prevHash`).
 */
export function computeEventHash(event: AuditEventDraft | AuditEvent | AuditEventRecord): string {
  return sha256Hex(event.prevHash + canonicalEvent(event));
}

/** The record a writer stores: the hashed object plus its `hash`. */
export function sealAuditEvent(event: AuditEventDraft | AuditEvent): AuditEventRecord {
  return sealAuditEventBytes(event).record;
}

/**
 * The record and the exact bytes its hash covers (issue 18.2: the trail stores them, `audit_events.canonical`):
 * the UTF-8 of the RFC 8785 serialisation of the hashed object.
 */
export function sealAuditEventBytes(event: AuditEventDraft | AuditEvent): {
  record: AuditEventRecord;
  canonical: Buffer;
} {
  const hashed = hashedObject(event);
  const canonical = Buffer.from(canonicalJson(hashed), 'utf8');
  return { record: { ...hashed, hash: hashOfEventBytes(hashed.prevHash, canonical) }, canonical };
}

/**
 * `hash` from the stored bytes: SHA-256 over `prevHash` (64 ASCII hex digits) followed by the canonical bytes,
 * streamed, with no JSON work at all. Equal to `computeEventHash` of the record the bytes serialise.
 */
export function hashOfEventBytes(prevHash: string, canonical: Uint8Array): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonical).digest('hex');
}

/**
 * One JSONL export line (no trailing newline): exactly the hashed object plus `hash`, so the
 * file alone suffices to recompute every hash. Keys are written in RFC 8785 order.
 */
export function toExportLine(record: AuditEventRecord): string {
  return canonicalJson({ ...hashedObject(record), hash: record.hash });
}

function isNullableString(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

/**
 * Checks that a parsed value has the shape of a stored record: all thirteen fields and no
 * other, with the documented types. Returns the problem, or null when the shape is right.
 * (Whether the hashes are right is the chain verifier's business.)
 */
export function recordShapeProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'not a JSON object';
  for (const key of Object.keys(value)) {
    if (!(RECORD_FIELDS as readonly string[]).includes(key)) return `unexpected field "${key}"`;
  }
  for (const key of RECORD_FIELDS) {
    if (!(key in value)) return `missing field "${key}"`;
  }
  const v = value;
  if (typeof v.seq !== 'number' || !Number.isSafeInteger(v.seq) || v.seq < 0) {
    return 'seq is not a non-negative integer';
  }
  if (typeof v.id !== 'string' || v.id.length === 0) return 'id is not a non-empty string';
  if (typeof v.occurredAt !== 'string' || !ISO_UTC_MILLIS.test(v.occurredAt)) {
    return 'occurredAt is not ISO-8601 UTC with milliseconds';
  }
  if (
    !isRecord(v.actor) ||
    typeof v.actor.id !== 'string' ||
    typeof v.actor.role !== 'string' ||
    !Object.keys(v.actor).every((key) => key === 'id' || key === 'role' || key === 'name') ||
    ('name' in v.actor && typeof v.actor.name !== 'string')
  ) {
    return 'actor is not { id, role, name? }';
  }
  if (typeof v.action !== 'string' || v.action.length === 0) return 'action is not a non-empty string';
  if (
    !isRecord(v.subject) ||
    typeof v.subject.type !== 'string' ||
    typeof v.subject.id !== 'string' ||
    Object.keys(v.subject).length !== 2
  ) {
    return 'subject is not { type, id }';
  }
  if (!isNullableString(v.applicationId)) return 'applicationId is not a string or null';
  if (!isNullableString(v.reason)) return 'reason is not a string or null';
  if (!isSha256Hex(v.prevHash)) return 'prevHash is not 64 lower-case hex digits';
  if (!isSha256Hex(v.hash)) return 'hash is not 64 lower-case hex digits';
  return null;
}

/**
 * What a command records (issue 18.1): the event without its position in the chain. The sequencer gives it `seq`
 * and `prevHash` after the command's COMMIT.
 */
export type AuditEventContent = Omit<AuditEvent, 'seq' | 'prevHash'>;

/** The content of an event as RFC 8785 bytes: the hashed object without `seq` and `prevHash`. */
export function contentBytes(event: AuditEventContent): Buffer {
  return Buffer.from(canonicalJson(hashedContent(event)), 'utf8');
}

const REASON_KEY = Buffer.from(',"reason":', 'utf8');
const SUBJECT_KEY = Buffer.from(',"subject":', 'utf8');

/**
 * The bytes `hash` covers, from the content bytes and the position: RFC 8785 sorts the keys, so `"prevHash"` goes
 * right before `"reason"` and `"seq"` right before `"subject"`, the last two keys of the object. Their last
 * occurrences are the top-level ones: after `"reason"` only a string and `{ "id", "type" }` follow, and inside a
 * JSON string a quote is always escaped, so `,"` cannot occur there. Equal to `canonicalEvent` of the positioned
 * event (unit-tested on generated events), with no JSON work.
 */
export function positionedBytes(content: Uint8Array, seq: number, prevHash: string): Buffer {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new Error(`seq ${seq} is not a non-negative integer`);
  if (!isSha256Hex(prevHash)) throw new Error('prevHash is not 64 lower-case hex digits');
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const reason = bytes.lastIndexOf(REASON_KEY);
  const subject = bytes.lastIndexOf(SUBJECT_KEY);
  if (reason < 0 || subject < reason) throw new Error('the content bytes are not an event’s content');
  return Buffer.concat([
    bytes.subarray(0, reason),
    Buffer.from(`,"prevHash":"${prevHash}"`, 'utf8'),
    bytes.subarray(reason, subject),
    Buffer.from(`,"seq":${seq}`, 'utf8'),
    bytes.subarray(subject),
  ]);
}

/** Lower-case hex SHA-256 of the content bytes (`content_hash`: names an event before it has a position). */
export function contentHashOf(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
