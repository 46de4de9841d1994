import { EntitySchema } from 'typeorm';

/** A row of `organizations` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface OrganizationsRow {
  id: string;
  name: string;
  country: string;
  registration_number: string;
  created_at: Date;
  kind: string;
  sector: string | null;
}

export const OrganizationsEntity = new EntitySchema<OrganizationsRow>({
  name: 'organizations',
  tableName: 'organizations',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    name: { type: 'text', nullable: false },
    country: { type: 'character', length: 2, nullable: false },
    registration_number: { type: 'text', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
    kind: { type: 'text', nullable: false },
    sector: { type: 'text', nullable: true },
  },
});
