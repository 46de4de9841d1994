import { EntitySchema } from 'typeorm';

/** A row of `repayments` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface RepaymentsRow {
  id: string;
  application_id: string;
  amount_usd: string;
  value_date: Date;
  recorded_by: string;
  recorded_at: Date;
  note: string | null;
}

export const RepaymentsEntity = new EntitySchema<RepaymentsRow>({
  name: 'repayments',
  tableName: 'repayments',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    amount_usd: { type: 'bigint', nullable: false },
    value_date: { type: 'date', nullable: false },
    recorded_by: { type: 'uuid', nullable: false },
    recorded_at: { type: 'timestamp with time zone', nullable: false },
    note: { type: 'text', nullable: true },
  },
});
