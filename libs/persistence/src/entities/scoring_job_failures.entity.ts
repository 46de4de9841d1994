import { EntitySchema } from 'typeorm';

/** A row of `scoring_job_failures` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface ScoringJobFailuresRow {
  job_id: string;
  application_id: string;
  reason: string;
  attempts: number;
  failed_at: Date;
}

export const ScoringJobFailuresEntity = new EntitySchema<ScoringJobFailuresRow>({
  name: 'scoring_job_failures',
  tableName: 'scoring_job_failures',
  columns: {
    job_id: { type: 'text', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    reason: { type: 'text', nullable: false },
    attempts: { type: 'integer', nullable: false },
    failed_at: { type: 'timestamp with time zone', nullable: false },
  },
});
