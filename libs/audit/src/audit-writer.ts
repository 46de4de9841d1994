import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import type { AuditEventsRow } from '@forge/persistence';
import {
  type AuditActor,
  type AuditEventContent,
  type AuditEventRecord,
  type AuditSubject,
  contentBytes,
  contentHashOf,
  type JsonValue,
} from './audit-event.js';

/** What a command says about itself; the writer adds id and occurredAt, the sequencer seq, prevHash and hash. */
export interface AuditAppend {
  actor: AuditActor;
  /**
   * The account's display name as the caller already knows it (the authenticated actor's): the INSERT itself checks
   * it against `users.display_name` in the command's transaction, so no read is sent when it still holds; when it
   * does not (renamed since), the name is read and the event recorded with that one. Ignored when `actor.name` is
   * given or the actor is not an account.
   */
  accountNameHint?: string;
  action: string;
  subject: AuditSubject;
  applicationId?: string | null;
  reason?: string | null;
  before?: JsonValue | null;
  after?: JsonValue | null;
  context?: JsonValue | null;
}

/** The system's own work (jobs): `{ id: "system", role: "system" }`, with the job id in the context. */
export const SYSTEM_AUDIT_ACTOR: AuditActor = Object.freeze({ id: 'system', role: 'system' });

/** Display names of the actors that are not accounts (an account's comes from `users.display_name`). */
export const NON_ACCOUNT_ACTOR_NAMES: Readonly<Record<string, string>> = Object.freeze({
  system: 'FORGE (system)',
  anonymous: 'Anonymous (not signed in)',
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The actor's name as of the event: the caller's, else the account's display name read in the command's own
 * transaction, else the fixed name of a non-account actor (`system`, `anonymous`); none for an id that names
 * no account (e.g. an unknown email tried at sign-in).
 */
function actorAsOfEvent(actor: AuditActor, accountName: string | null): AuditActor {
  const name = actor.name ?? accountName ?? NON_ACCOUNT_ACTOR_NAMES[actor.id];
  return name === undefined ? { id: actor.id, role: actor.role } : { id: actor.id, role: actor.role, name };
}

/** An event as a command recorded it: its content, not yet its place in the chain. */
export type PendingAuditEvent = AuditEventContent & {
  /** Lower-case hex SHA-256 of the content bytes. */
  contentHash: string;
};

/**
 * Records one event inside the caller's transaction, without a position and without any lock (issue 18.1): the
 * row holds the event's content bytes (RFC 8785, everything but `seq` and `prevHash`) and their hash. The
 * sequencer (`db/audit-sequencer.ts`) gives it `seq`, `prevHash`, `hash` and the hashed bytes after the COMMIT.
 * A rolled-back command leaves no event (and no gap).
 */
export async function appendAuditEvent(
  manager: EntityManager,
  append: AuditAppend,
): Promise<PendingAuditEvent> {
  const accountId = append.actor.name === undefined && UUID.test(append.actor.id) ? append.actor.id : null;
  if (accountId !== null && append.accountNameHint !== undefined) {
    // One round trip when the caller's name is the account's name as this transaction sees it (issue 18.4).
    const hinted = pendingEvent(append, append.accountNameHint);
    if (await insertEvent(manager, hinted, accountId)) return hinted.event;
  }
  let accountName: string | null = null;
  if (accountId !== null) {
    const [user]: Array<{ display_name: string }> = await manager.query(
      `SELECT display_name FROM users WHERE id = $1::uuid`,
      [accountId],
    );
    accountName = user?.display_name ?? null;
  }
  const pending = pendingEvent(append, accountName);
  await insertEvent(manager, pending, null);
  return pending.event;
}

/** The event's content with the actor's name as of the event, its content bytes and their hash. */
function pendingEvent(
  append: AuditAppend,
  accountName: string | null,
): { event: PendingAuditEvent; content: Buffer } {
  const event: AuditEventContent = {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    actor: actorAsOfEvent(append.actor, accountName),
    action: append.action,
    subject: { type: append.subject.type, id: append.subject.id },
    applicationId: append.applicationId ?? null,
    reason: append.reason ?? null,
    before: append.before ?? null,
    after: append.after ?? null,
    context: append.context ?? null,
  };
  const content = contentBytes(event);
  return { event: { ...event, contentHash: contentHashOf(content) }, content };
}

/**
 * Inserts the pending event. With `nameOf` (an account id), only if that account's display name is the event's
 * `actor.name` as this statement sees it; answers whether the row was inserted.
 */
async function insertEvent(
  manager: EntityManager,
  { event, content }: { event: PendingAuditEvent; content: Buffer },
  nameOf: string | null,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO audit_events (id, occurred_at, actor_id, actor_role, actor_name, action, subject_type,
       subject_id, application_id, reason, before, after, context, content, content_hash)
     SELECT $1::uuid, $2::timestamptz, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::uuid,
       $10::text, $11::jsonb, $12::jsonb, $13::jsonb, $14::bytea, $15::text
      WHERE $16::uuid IS NULL
         OR EXISTS (SELECT 1 FROM users WHERE id = $16::uuid AND display_name = $5::text)
     RETURNING entry`,
    [
      event.id,
      event.occurredAt,
      event.actor.id,
      event.actor.role,
      event.actor.name ?? null,
      event.action,
      event.subject.type,
      event.subject.id,
      event.applicationId,
      event.reason,
      jsonParam(event.before),
      jsonParam(event.after),
      jsonParam(event.context),
      content,
      event.contentHash,
      nameOf,
    ],
  );
  return rows.length > 0;
}

function jsonParam(value: JsonValue | null): string | null {
  return value === null ? null : JSON.stringify(value);
}

/** The columns of audit_events the trail reads, in SELECT order (`AUDIT_EVENT_COLUMNS`). */
const AUDIT_EVENT_COLUMN_NAMES = [
  'seq',
  'id',
  'occurred_at',
  'actor_id',
  'actor_role',
  'actor_name',
  'action',
  'subject_type',
  'subject_id',
  'application_id',
  'reason',
  'before',
  'after',
  'context',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof AuditEventsRow)[];

/** Null in the entity only while the event is pending; set once the sequencer placed it. */
type PositionColumns = 'seq' | 'prev_hash' | 'hash';

/**
 * A sequenced event's columns as stored (the entity's types, the position set), mapped back to the hashed record.
 * `actor_name` is null on events recorded before names were kept (their hash covers `{ id, role }` only).
 */
export type AuditEventRow = Omit<
  Pick<AuditEventsRow, (typeof AUDIT_EVENT_COLUMN_NAMES)[number]>,
  PositionColumns
> & {
  [K in PositionColumns]: NonNullable<AuditEventsRow[K]>;
};

/** A row as the verifier reads it: the columns and the bytes the hash covers. */
export type AuditEventRowWithBytes = AuditEventRow & {
  /** UTF-8 of the RFC 8785 hashed object: the bytes `hash` covers. */
  canonical: NonNullable<AuditEventsRow['canonical']>;
};

export const AUDIT_EVENT_COLUMNS = AUDIT_EVENT_COLUMN_NAMES.join(', ');

export const AUDIT_EVENT_COLUMNS_WITH_BYTES = `${AUDIT_EVENT_COLUMNS}, canonical`;

export function auditRecordFromRow(row: AuditEventRow): AuditEventRecord {
  return {
    seq: Number(row.seq),
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actor:
      row.actor_name === null
        ? { id: row.actor_id, role: row.actor_role }
        : { id: row.actor_id, role: row.actor_role, name: row.actor_name },
    action: row.action,
    subject: { type: row.subject_type, id: row.subject_id },
    applicationId: row.application_id,
    reason: row.reason,
    before: row.before,
    after: row.after,
    context: row.context,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
