import { EntitySchema } from 'typeorm';
import type { AssessmentResult, RiskInputs } from '@forge/domain';

/** A row of `risk_assessments` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface RiskAssessmentsRow {
  id: string;
  application_id: string;
  application_version: number;
  model_version: string;
  params_hash: string;
  inputs_hash: string;
  /** What the model scored (risk-assessment.writer.ts writes the inputs it was given). */
  inputs: RiskInputs;
  /** The reference snapshot each input came from: kind → content hash. */
  reference_snapshot_hashes: Record<string, string>;
  result: AssessmentResult;
  gross_score: number;
  gross_band: string;
  residual_score: number;
  residual_band: string;
  computed_at: Date;
  job_id: string;
}

export const RiskAssessmentsEntity = new EntitySchema<RiskAssessmentsRow>({
  name: 'risk_assessments',
  tableName: 'risk_assessments',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    application_version: { type: 'integer', nullable: false },
    model_version: { type: 'text', nullable: false },
    params_hash: { type: 'character', length: 64, nullable: false },
    inputs_hash: { type: 'character', length: 64, nullable: false },
    inputs: { type: 'jsonb', nullable: false },
    reference_snapshot_hashes: { type: 'jsonb', nullable: false },
    result: { type: 'jsonb', nullable: false },
    gross_score: { type: 'integer', nullable: false },
    gross_band: { type: 'text', nullable: false },
    residual_score: { type: 'integer', nullable: false },
    residual_band: { type: 'text', nullable: false },
    computed_at: { type: 'timestamp with time zone', nullable: false },
    job_id: { type: 'text', nullable: false },
  },
});
