import { EntitySchema } from 'typeorm';

/** A row of `audit_events` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface AuditEventsRow {
  seq: string;
  id: string;
  occurred_at: Date;
  actor_id: string;
  actor_role: string;
  action: string;
  subject_type: string;
  subject_id: string;
  application_id: string | null;
  reason: string | null;
  before: unknown | null;
  after: unknown | null;
  context: unknown | null;
  prev_hash: string;
  hash: string;
  actor_name: string | null;
  canonical: Buffer;
}

export const AuditEventsEntity = new EntitySchema<AuditEventsRow>({
  name: 'audit_events',
  tableName: 'audit_events',
  columns: {
    seq: { type: 'bigint', primary: true, nullable: false },
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
    prev_hash: { type: 'character', length: 64, nullable: false },
    hash: { type: 'character', length: 64, nullable: false },
    actor_name: { type: 'text', nullable: true },
    canonical: { type: 'bytea', nullable: false },
  },
});
