import { EntitySchema } from 'typeorm';

/** A row of `disbursements` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface DisbursementsRow {
  id: string;
  application_id: string;
  tranche_id: string;
  amount_usd: string;
  status: string;
  requested_by: string;
  requested_at: Date;
  proposed_by: string | null;
  proposed_at: Date | null;
  approval_id: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  value_date: Date | null;
  note: string | null;
  /** Its due time, fixed when requested (migration StoredDueTimes; kept after the work ends). */
  due_at: Date | null;
}

export const DisbursementsEntity = new EntitySchema<DisbursementsRow>({
  name: 'disbursements',
  tableName: 'disbursements',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    tranche_id: { type: 'text', nullable: false },
    amount_usd: { type: 'bigint', nullable: false },
    status: { type: 'text', nullable: false },
    requested_by: { type: 'uuid', nullable: false },
    requested_at: { type: 'timestamp with time zone', nullable: false },
    proposed_by: { type: 'uuid', nullable: true },
    proposed_at: { type: 'timestamp with time zone', nullable: true },
    approval_id: { type: 'uuid', nullable: true },
    decided_by: { type: 'uuid', nullable: true },
    decided_at: { type: 'timestamp with time zone', nullable: true },
    value_date: { type: 'date', nullable: true },
    note: { type: 'text', nullable: true },
    due_at: { type: 'timestamp with time zone', nullable: true },
  },
});
