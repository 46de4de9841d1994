import { EntitySchema } from 'typeorm';

/** A row of `users` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface UsersRow {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  roles: string[];
  organization_id: string | null;
  disabled: boolean;
  created_at: Date;
  auth_version: number;
  locale: string;
}

export const UsersEntity = new EntitySchema<UsersRow>({
  name: 'users',
  tableName: 'users',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    email: { type: 'text', nullable: false },
    password_hash: { type: 'text', nullable: false },
    display_name: { type: 'text', nullable: false },
    roles: { type: 'text', array: true, nullable: false },
    organization_id: { type: 'uuid', nullable: true },
    disabled: { type: 'boolean', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
    auth_version: { type: 'integer', nullable: false },
    locale: { type: 'text', nullable: false },
  },
});
