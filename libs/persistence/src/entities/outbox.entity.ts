import { EntitySchema } from 'typeorm';
import type { TraceCarrier } from '@forge/observability';

/** A row of `outbox` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface OutboxRow {
  id: string;
  queue: string;
  job_name: string;
  job_id: string;
  /** The job's data (an `OutboxMessage`'s payload, libs/queue). */
  payload: object;
  created_at: Date;
  sent_at: Date | null;
  attempts: number;
  last_error: string | null;
  /** W3C trace context of the command that queued the job (migration OutboxTraceContext). */
  trace_context: TraceCarrier | null;
}

export const OutboxEntity = new EntitySchema<OutboxRow>({
  name: 'outbox',
  tableName: 'outbox',
  columns: {
    id: { type: 'bigint', primary: true, nullable: false },
    queue: { type: 'text', nullable: false },
    job_name: { type: 'text', nullable: false },
    job_id: { type: 'text', nullable: false },
    payload: { type: 'jsonb', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
    sent_at: { type: 'timestamp with time zone', nullable: true },
    attempts: { type: 'integer', nullable: false },
    last_error: { type: 'text', nullable: true },
    trace_context: { type: 'jsonb', nullable: true },
  },
});
