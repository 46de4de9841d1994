import { EntitySchema } from 'typeorm';

/** A row of `cofinancing_lines` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface CofinancingLinesRow {
  application_id: string;
  organization_id: string;
  instrument: string;
  amount_usd: string;
  status: string;
  updated_at: Date;
}

export const CofinancingLinesEntity = new EntitySchema<CofinancingLinesRow>({
  name: 'cofinancing_lines',
  tableName: 'cofinancing_lines',
  columns: {
    application_id: { type: 'uuid', primary: true, nullable: false },
    organization_id: { type: 'uuid', primary: true, nullable: false },
    instrument: { type: 'text', primary: true, nullable: false },
    amount_usd: { type: 'bigint', nullable: false },
    status: { type: 'text', nullable: false },
    updated_at: { type: 'timestamp with time zone', nullable: false },
  },
});
