import { EntitySchema } from 'typeorm';

/** A row of `esap_items` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface EsapItemsRow {
  id: string;
  application_id: string;
  description: string;
  standard: string;
  due_date: Date;
  status: string;
  evidence_document_ids: string[];
  created_by: string;
  created_at: Date;
  updated_at: Date;
  verified_by: string | null;
  verified_at: Date | null;
  note: string | null;
}

export const EsapItemsEntity = new EntitySchema<EsapItemsRow>({
  name: 'esap_items',
  tableName: 'esap_items',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    description: { type: 'text', nullable: false },
    standard: { type: 'text', nullable: false },
    due_date: { type: 'date', nullable: false },
    status: { type: 'text', nullable: false },
    evidence_document_ids: { type: 'uuid', array: true, nullable: false },
    created_by: { type: 'uuid', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
    updated_at: { type: 'timestamp with time zone', nullable: false },
    verified_by: { type: 'uuid', nullable: true },
    verified_at: { type: 'timestamp with time zone', nullable: true },
    note: { type: 'text', nullable: true },
  },
});
