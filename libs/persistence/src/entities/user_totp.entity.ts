import { EntitySchema } from 'typeorm';

/** A row of `user_totp` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface UserTotpRow {
  user_id: string;
  secret: string;
  created_at: Date;
  confirmed_at: Date | null;
  last_used_step: string | null;
}

export const UserTotpEntity = new EntitySchema<UserTotpRow>({
  name: 'user_totp',
  tableName: 'user_totp',
  columns: {
    user_id: { type: 'uuid', primary: true, nullable: false },
    secret: { type: 'text', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
    confirmed_at: { type: 'timestamp with time zone', nullable: true },
    last_used_step: { type: 'bigint', nullable: true },
  },
});
