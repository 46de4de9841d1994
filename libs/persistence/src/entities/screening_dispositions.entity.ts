import { EntitySchema } from 'typeorm';

/** A row of `screening_dispositions` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface ScreeningDispositionsRow {
  id: string;
  application_id: string;
  party_name: string;
  disposition: string;
  note: string | null;
  decided_by: string;
  created_at: Date;
}

export const ScreeningDispositionsEntity = new EntitySchema<ScreeningDispositionsRow>({
  name: 'screening_dispositions',
  tableName: 'screening_dispositions',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    party_name: { type: 'text', nullable: false },
    disposition: { type: 'text', nullable: false },
    note: { type: 'text', nullable: true },
    decided_by: { type: 'uuid', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
  },
});
