import { EntitySchema } from 'typeorm';

/** A row of `deadline_escalations` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface DeadlineEscalationsRow {
  work_key: string;
  due_at: Date;
  kind: string;
  application_id: string | null;
  level: string;
  recorded_at: Date;
}

export const DeadlineEscalationsEntity = new EntitySchema<DeadlineEscalationsRow>({
  name: 'deadline_escalations',
  tableName: 'deadline_escalations',
  columns: {
    work_key: { type: 'text', primary: true, nullable: false },
    due_at: { type: 'timestamp with time zone', primary: true, nullable: false },
    kind: { type: 'text', nullable: false },
    application_id: { type: 'uuid', nullable: true },
    level: { type: 'text', nullable: false },
    recorded_at: { type: 'timestamp with time zone', nullable: false },
  },
});
