import { EntitySchema } from 'typeorm';
import type { JsonValue } from '@forge/domain';

/** A row of `checks` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface ChecksRow {
  id: string;
  application_id: string;
  code: string;
  stage: string;
  outcome: string;
  automated: boolean;
  detail: JsonValue | null;
  note: string | null;
  resolved_by: string | null;
  updated_at: Date;
}

export const ChecksEntity = new EntitySchema<ChecksRow>({
  name: 'checks',
  tableName: 'checks',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    code: { type: 'text', nullable: false },
    stage: { type: 'text', nullable: false },
    outcome: { type: 'text', nullable: false },
    automated: { type: 'boolean', nullable: false },
    detail: { type: 'jsonb', nullable: true },
    note: { type: 'text', nullable: true },
    resolved_by: { type: 'uuid', nullable: true },
    updated_at: { type: 'timestamp with time zone', nullable: false },
  },
});
