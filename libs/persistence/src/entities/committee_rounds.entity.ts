import { EntitySchema } from 'typeorm';
import type { PipelineJson, RoundTally } from '@forge/domain';

/** A row of `committee_rounds` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface CommitteeRoundsRow {
  application_id: string;
  round: number;
  moved_by: string;
  eligible_member_ids: string[];
  opened_at: Date;
  deadline: Date;
  assessment_id: string | null;
  /** The IC pack frozen when the round opened (icPackSnapshot's object); null for rounds opened before packs were stored. */
  ic_pack: { [key: string]: PipelineJson } | null;
  ic_pack_hash: string | null;
  closed_at: Date | null;
  close_reason: string | null;
  outcome: string | null;
  /** How the members voted, for a round closed by its votes or its deadline (null otherwise). */
  tally: RoundTally | null;
}

export const CommitteeRoundsEntity = new EntitySchema<CommitteeRoundsRow>({
  name: 'committee_rounds',
  tableName: 'committee_rounds',
  columns: {
    application_id: { type: 'uuid', primary: true, nullable: false },
    round: { type: 'integer', primary: true, nullable: false },
    moved_by: { type: 'uuid', nullable: false },
    eligible_member_ids: { type: 'uuid', array: true, nullable: false },
    opened_at: { type: 'timestamp with time zone', nullable: false },
    deadline: { type: 'timestamp with time zone', nullable: false },
    assessment_id: { type: 'uuid', nullable: true },
    ic_pack: { type: 'jsonb', nullable: true },
    ic_pack_hash: { type: 'character', length: 64, nullable: true },
    closed_at: { type: 'timestamp with time zone', nullable: true },
    close_reason: { type: 'text', nullable: true },
    outcome: { type: 'text', nullable: true },
    tally: { type: 'jsonb', nullable: true },
  },
});
