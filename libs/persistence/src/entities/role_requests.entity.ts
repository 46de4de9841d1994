import { EntitySchema } from 'typeorm';

/** A row of `role_requests` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface RoleRequestsRow {
  id: string;
  user_id: string;
  roles_before: string[];
  roles_after: string[];
  reason: string;
  status: string;
  requested_by: string | null;
  decided_by: string | null;
  decision_note: string | null;
  created_at: Date;
  decided_at: Date | null;
}

export const RoleRequestsEntity = new EntitySchema<RoleRequestsRow>({
  name: 'role_requests',
  tableName: 'role_requests',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    user_id: { type: 'uuid', nullable: false },
    roles_before: { type: 'text', array: true, nullable: false },
    roles_after: { type: 'text', array: true, nullable: false },
    reason: { type: 'text', nullable: false },
    status: { type: 'text', nullable: false },
    requested_by: { type: 'uuid', nullable: true },
    decided_by: { type: 'uuid', nullable: true },
    decision_note: { type: 'text', nullable: true },
    created_at: { type: 'timestamp with time zone', nullable: false },
    decided_at: { type: 'timestamp with time zone', nullable: true },
  },
});
