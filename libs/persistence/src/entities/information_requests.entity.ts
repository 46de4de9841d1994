import { EntitySchema } from 'typeorm';

/** A row of `information_requests` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface InformationRequestsRow {
  id: string;
  application_id: string;
  stage: string;
  question: string;
  asked_by: string;
  asked_at: Date;
  answer: string | null;
  document_ids: string[];
  /** The JSON merge patch the answer applied to the input (null: none). */
  amendments: Record<string, unknown> | null;
  answered_by: string | null;
  answered_at: Date | null;
  status: string;
  /** Its due time, fixed when asked (migration StoredDueTimes; kept after the work ends). */
  due_at: Date | null;
}

export const InformationRequestsEntity = new EntitySchema<InformationRequestsRow>({
  name: 'information_requests',
  tableName: 'information_requests',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    stage: { type: 'text', nullable: false },
    question: { type: 'text', nullable: false },
    asked_by: { type: 'uuid', nullable: false },
    asked_at: { type: 'timestamp with time zone', nullable: false },
    answer: { type: 'text', nullable: true },
    document_ids: { type: 'uuid', array: true, nullable: false },
    amendments: { type: 'jsonb', nullable: true },
    answered_by: { type: 'uuid', nullable: true },
    answered_at: { type: 'timestamp with time zone', nullable: true },
    status: { type: 'text', nullable: false },
    due_at: { type: 'timestamp with time zone', nullable: true },
  },
});
