import { EntitySchema } from 'typeorm';
import type { AmrFigures, CovenantResult } from '@forge/domain';

/** A row of `monitoring_reports` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface MonitoringReportsRow {
  id: string;
  application_id: string;
  year: number;
  /** The report's figures as filed (validated by the domain's parseAmrFigures before they are stored). */
  figures: AmrFigures;
  document_id: string;
  due_date: Date;
  submitted_by: string;
  submitted_at: Date;
  /** Every covenant tested against the figures at filing. */
  covenant_results: CovenantResult[];
}

export const MonitoringReportsEntity = new EntitySchema<MonitoringReportsRow>({
  name: 'monitoring_reports',
  tableName: 'monitoring_reports',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    year: { type: 'integer', nullable: false },
    figures: { type: 'jsonb', nullable: false },
    document_id: { type: 'uuid', nullable: false },
    due_date: { type: 'date', nullable: false },
    submitted_by: { type: 'uuid', nullable: false },
    submitted_at: { type: 'timestamp with time zone', nullable: false },
    covenant_results: { type: 'jsonb', nullable: false },
  },
});
