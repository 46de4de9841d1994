import { EntitySchema } from 'typeorm';

/** A row of `application_reference_counters` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface ApplicationReferenceCountersRow {
  year: number;
  last: number;
}

export const ApplicationReferenceCountersEntity = new EntitySchema<ApplicationReferenceCountersRow>({
  name: 'application_reference_counters',
  tableName: 'application_reference_counters',
  columns: {
    year: { type: 'integer', primary: true, nullable: false },
    last: { type: 'integer', nullable: false },
  },
});
