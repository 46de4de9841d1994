import { EntitySchema } from 'typeorm';

/**
 * A row of `user_external_identities` as the migrations build it (test/integration/schema/entities.spec.ts keeps the
 * two equal).
 */
export interface UserExternalIdentitiesRow {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
}

export const UserExternalIdentitiesEntity = new EntitySchema<UserExternalIdentitiesRow>({
  name: 'user_external_identities',
  tableName: 'user_external_identities',
  columns: {
    issuer: { type: 'text', primary: true, nullable: false },
    subject: { type: 'text', primary: true, nullable: false },
    user_id: { type: 'uuid', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
    last_seen_at: { type: 'timestamp with time zone', nullable: false },
  },
});
