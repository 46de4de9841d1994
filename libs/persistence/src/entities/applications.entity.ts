import { EntitySchema } from 'typeorm';
import type { DraftApplicationInput, RecordedFinancing, ScreeningResult } from '@forge/domain';

/** A row of `applications` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface ApplicationsRow {
  id: string;
  reference: string;
  organization_id: string;
  created_by: string;
  stage: string;
  version: number;
  assignee_id: string | null;
  /** What the sponsor entered: complete once submitted (the submit guard validates it), partial before. */
  input: DraftApplicationInput;
  proposed_category: string | null;
  category: string | null;
  category_rationale: string | null;
  financing: RecordedFinancing | null;
  screening: ScreeningResult | null;
  screening_version: number | null;
  moved_to_committee_by: string | null;
  committee_round: number;
  committee_decision: string | null;
  ic_pack_hash: string | null;
  ic_assessment_id: string | null;
  band_override: string | null;
  submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  screening_requested_version: number | null;
  disbursed_usd: string;
  repaid_usd: string;
  financed_at: Date | null;
  on_watchlist: boolean;
  stage_entered_at: Date;
  decided_at: Date | null;
  /** The effective residual band of the latest assessment, kept by triggers (migration ListSearchIndexes). */
  current_residual_band: string | null;
  /** The stage's due time, fixed at stage entry (migration StoredDueTimes; null: the stage has no budget). */
  stage_due_at: Date | null;
  /** The due date of the next annual report not yet filed, set at financial close and at each filing. */
  next_report_due_date: string | null;
  /** The earliest due time of the application's waiting work, kept by triggers (migration StoredDueTimes). */
  due_at: Date | null;
}

export const ApplicationsEntity = new EntitySchema<ApplicationsRow>({
  name: 'applications',
  tableName: 'applications',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    reference: { type: 'text', nullable: false },
    organization_id: { type: 'uuid', nullable: false },
    created_by: { type: 'uuid', nullable: false },
    stage: { type: 'text', nullable: false },
    version: { type: 'integer', nullable: false },
    assignee_id: { type: 'uuid', nullable: true },
    input: { type: 'jsonb', nullable: false },
    proposed_category: { type: 'text', nullable: true },
    category: { type: 'text', nullable: true },
    category_rationale: { type: 'text', nullable: true },
    financing: { type: 'jsonb', nullable: true },
    screening: { type: 'jsonb', nullable: true },
    screening_version: { type: 'integer', nullable: true },
    moved_to_committee_by: { type: 'uuid', nullable: true },
    committee_round: { type: 'integer', nullable: false },
    committee_decision: { type: 'text', nullable: true },
    ic_pack_hash: { type: 'text', nullable: true },
    ic_assessment_id: { type: 'uuid', nullable: true },
    band_override: { type: 'text', nullable: true },
    submitted_at: { type: 'timestamp with time zone', nullable: true },
    created_at: { type: 'timestamp with time zone', nullable: false },
    updated_at: { type: 'timestamp with time zone', nullable: false },
    screening_requested_version: { type: 'integer', nullable: true },
    disbursed_usd: { type: 'bigint', nullable: false },
    repaid_usd: { type: 'bigint', nullable: false },
    financed_at: { type: 'timestamp with time zone', nullable: true },
    on_watchlist: { type: 'boolean', nullable: false },
    stage_entered_at: { type: 'timestamp with time zone', nullable: false },
    decided_at: { type: 'timestamp with time zone', nullable: true },
    current_residual_band: { type: 'text', nullable: true },
    stage_due_at: { type: 'timestamp with time zone', nullable: true },
    next_report_due_date: { type: 'date', nullable: true },
    due_at: { type: 'timestamp with time zone', nullable: true },
  },
});
