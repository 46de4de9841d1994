import { EntitySchema } from 'typeorm';
import type { JsonValue } from '@forge/domain';

/** A row of `audit_events` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface AuditEventsRow {
  /** Insertion order (identity); the sequencer places pending events by it. */
  entry: string;
  /** Null while the event is pending (issue 18.1); set once by the sequencer, with prev_hash, hash and canonical. */
  seq: string | null;
  id: string;
  occurred_at: Date;
  actor_id: string;
  actor_role: string;
  action: string;
  subject_type: string;
  subject_id: string;
  application_id: string | null;
  reason: string | null;
  /** What `appendAuditEvent` was given (any JSON; the rules that read keys narrow with `jsonObjectOrNull`). */
  before: JsonValue | null;
  after: JsonValue | null;
  context: JsonValue | null;
  prev_hash: string | null;
  hash: string | null;
  actor_name: string | null;
  canonical: Buffer | null;
  /** RFC 8785 bytes of the event without seq and prevHash, written by the command (null on events from before). */
  content: Buffer | null;
  content_hash: string | null;
}

export const AuditEventsEntity = new EntitySchema<AuditEventsRow>({
  name: 'audit_events',
  tableName: 'audit_events',
  columns: {
    seq: { type: 'bigint', nullable: true },
    id: { type: 'uuid', nullable: false },
    occurred_at: { type: 'timestamp with time zone', nullable: false },
    actor_id: { type: 'text', nullable: false },
    actor_role: { type: 'text', nullable: false },
    action: { type: 'text', nullable: false },
    subject_type: { type: 'text', nullable: false },
    subject_id: { type: 'text', nullable: false },
    application_id: { type: 'uuid', nullable: true },
    reason: { type: 'text', nullable: true },
    before: { type: 'jsonb', nullable: true },
    after: { type: 'jsonb', nullable: true },
    context: { type: 'jsonb', nullable: true },
    prev_hash: { type: 'character', length: 64, nullable: true },
    hash: { type: 'character', length: 64, nullable: true },
    actor_name: { type: 'text', nullable: true },
    canonical: { type: 'bytea', nullable: true },
    entry: { type: 'bigint', primary: true, nullable: false, generated: 'increment' },
    content: { type: 'bytea', nullable: true },
    content_hash: { type: 'character', length: 64, nullable: true },
  },
});
