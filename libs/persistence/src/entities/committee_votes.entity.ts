import { EntitySchema } from 'typeorm';

/** A row of `committee_votes` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface CommitteeVotesRow {
  id: string;
  application_id: string;
  round: number;
  user_id: string;
  decision: string | null;
  rationale: string;
  conflict_of_interest: boolean;
  created_at: Date;
  /** Conditions proposed with an approving vote (a JSON array of texts; CHECK jsonb_typeof = 'array'). */
  conditions: string[];
}

export const CommitteeVotesEntity = new EntitySchema<CommitteeVotesRow>({
  name: 'committee_votes',
  tableName: 'committee_votes',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    round: { type: 'integer', nullable: false },
    user_id: { type: 'uuid', nullable: false },
    decision: { type: 'text', nullable: true },
    rationale: { type: 'text', nullable: false },
    conflict_of_interest: { type: 'boolean', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
    conditions: { type: 'jsonb', nullable: false },
  },
});
