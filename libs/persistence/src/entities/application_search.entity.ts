import { EntitySchema } from 'typeorm';

/**
 * A row of `application_search` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two
 * equal): one searchable text of an application (its title, reference or organisation's name), written only by
 * the triggers of migration ApplicationSearch1796025680657 and read by the list's `q`.
 */
export interface ApplicationSearchRow {
  application_id: string;
  field: 'title' | 'reference' | 'organization';
  text: string | null;
}

export const ApplicationSearchEntity = new EntitySchema<ApplicationSearchRow>({
  name: 'application_search',
  tableName: 'application_search',
  columns: {
    application_id: { type: 'uuid', primary: true, nullable: false },
    field: { type: 'text', primary: true, nullable: false },
    text: { type: 'text', nullable: true },
  },
});
