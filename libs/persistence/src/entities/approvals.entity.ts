import { EntitySchema } from 'typeorm';
import type { PipelineJson } from '@forge/domain';

/** A row of `approvals` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface ApprovalsRow {
  id: string;
  application_id: string;
  action: string;
  subject: string;
  /** What the action carries (approval-payloads.ts in libs/application reads it back into its type). */
  payload: PipelineJson;
  maker_id: string;
  status: string;
  checker_id: string | null;
  note: string | null;
  created_at: Date;
  decided_at: Date | null;
  /** Its due time, fixed when created (migration StoredDueTimes; kept after the work ends). */
  due_at: Date | null;
}

export const ApprovalsEntity = new EntitySchema<ApprovalsRow>({
  name: 'approvals',
  tableName: 'approvals',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    action: { type: 'text', nullable: false },
    subject: { type: 'text', nullable: false },
    payload: { type: 'jsonb', nullable: false },
    maker_id: { type: 'uuid', nullable: false },
    status: { type: 'text', nullable: false },
    checker_id: { type: 'uuid', nullable: true },
    note: { type: 'text', nullable: true },
    created_at: { type: 'timestamp with time zone', nullable: false },
    decided_at: { type: 'timestamp with time zone', nullable: true },
    due_at: { type: 'timestamp with time zone', nullable: true },
  },
});
