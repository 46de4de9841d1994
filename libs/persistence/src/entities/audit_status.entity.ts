import { EntitySchema } from 'typeorm';
import type { JsonObject } from '@forge/domain';

/** A row of `audit_status` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface AuditStatusRow {
  name: string;
  /** A JSON object, one shape per `name`: libs/audit's `AuditStatusRows` (the only writer) names them. */
  status: JsonObject;
  updated_at: Date;
}

export const AuditStatusEntity = new EntitySchema<AuditStatusRow>({
  name: 'audit_status',
  tableName: 'audit_status',
  columns: {
    name: { type: 'text', primary: true, nullable: false },
    status: { type: 'jsonb', nullable: false },
    updated_at: { type: 'timestamp with time zone', nullable: false },
  },
});
