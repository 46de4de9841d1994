import { EntitySchema } from 'typeorm';
import type { DisclosureContent } from '@forge/domain';

/** A row of `disclosure_packages` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface DisclosurePackagesRow {
  id: string;
  application_id: string;
  version: number;
  disclosed_at: Date;
  disclosed_by: string;
  content: DisclosureContent;
  content_hash: string;
}

export const DisclosurePackagesEntity = new EntitySchema<DisclosurePackagesRow>({
  name: 'disclosure_packages',
  tableName: 'disclosure_packages',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    application_id: { type: 'uuid', nullable: false },
    version: { type: 'integer', nullable: false },
    disclosed_at: { type: 'timestamp with time zone', nullable: false },
    disclosed_by: { type: 'uuid', nullable: false },
    content: { type: 'jsonb', nullable: false },
    content_hash: { type: 'character', length: 64, nullable: false },
  },
});
