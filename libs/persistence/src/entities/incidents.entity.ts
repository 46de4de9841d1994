import { EntitySchema } from 'typeorm';
import type { IncidentUpdate } from '@forge/domain';

/** A row of `incidents` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface IncidentsRow {
  id: string;
  application_id: string;
  occurred_at: Date;
  reported_at: Date;
  reported_by: string;
  kind: string;
  severity: number;
  description: string;
  serious: boolean;
  late: boolean;
  status: string;
  /** Root cause, corrective actions and notes, oldest first. */
  updates: IncidentUpdate[];
  closed_by: string | null;
  closed_at: Date | null;
  closing_note: string | null;
}

export const IncidentsEntity = new EntitySchema<IncidentsRow>({
  name: 'incidents',
  tableName: 'incidents',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    occurred_at: { type: 'timestamp with time zone', nullable: false },
    reported_at: { type: 'timestamp with time zone', nullable: false },
    reported_by: { type: 'uuid', nullable: false },
    kind: { type: 'text', nullable: false },
    severity: { type: 'smallint', nullable: false },
    description: { type: 'text', nullable: false },
    serious: { type: 'boolean', nullable: false },
    late: { type: 'boolean', nullable: false },
    status: { type: 'text', nullable: false },
    updates: { type: 'jsonb', nullable: false },
    closed_by: { type: 'uuid', nullable: true },
    closed_at: { type: 'timestamp with time zone', nullable: true },
    closing_note: { type: 'text', nullable: true },
  },
});
