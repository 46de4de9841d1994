import { EntitySchema } from 'typeorm';

/** A row of `documents` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface DocumentsRow {
  id: string;
  application_id: string;
  kind: string;
  sha256: string;
  size: string;
  media_type: string;
  filename: string | null;
  uploaded_by: string;
  created_at: Date;
}

export const DocumentsEntity = new EntitySchema<DocumentsRow>({
  name: 'documents',
  tableName: 'documents',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    kind: { type: 'text', nullable: false },
    sha256: { type: 'character', length: 64, nullable: false },
    size: { type: 'bigint', nullable: false },
    media_type: { type: 'text', nullable: false },
    filename: { type: 'text', nullable: true },
    uploaded_by: { type: 'uuid', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
  },
});
