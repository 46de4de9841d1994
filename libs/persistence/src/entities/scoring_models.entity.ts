import { EntitySchema } from 'typeorm';
import type { ScoringModelParams } from '@forge/domain';

/** A row of `scoring_models` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface ScoringModelsRow {
  version: string;
  /** The model version as data (scoring.md), written by insertMissingScoringModels. */
  params: ScoringModelParams;
  params_hash: string;
  active: boolean;
  created_at: Date;
  activated_at: Date | null;
}

export const ScoringModelsEntity = new EntitySchema<ScoringModelsRow>({
  name: 'scoring_models',
  tableName: 'scoring_models',
  columns: {
    version: { type: 'text', primary: true, nullable: false },
    params: { type: 'jsonb', nullable: false },
    params_hash: { type: 'character', length: 64, nullable: false },
    active: { type: 'boolean', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
    activated_at: { type: 'timestamp with time zone', nullable: true },
  },
});
