import { EntitySchema } from 'typeorm';

/** What satisfied a condition: the checker-approved text and the documents it cites. */
export interface ConditionEvidence {
  text: string | null;
  documentIds: string[];
}

/** A row of `conditions_precedent` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface ConditionsPrecedentRow {
  id: string;
  application_id: string;
  position: number;
  text: string;
  satisfied: boolean;
  evidence: ConditionEvidence | null;
  satisfied_at: Date | null;
}

export const ConditionsPrecedentEntity = new EntitySchema<ConditionsPrecedentRow>({
  name: 'conditions_precedent',
  tableName: 'conditions_precedent',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    position: { type: 'integer', nullable: false },
    text: { type: 'text', nullable: false },
    satisfied: { type: 'boolean', nullable: false },
    evidence: { type: 'jsonb', nullable: true },
    satisfied_at: { type: 'timestamp with time zone', nullable: true },
  },
});
