import { EntitySchema } from 'typeorm';

/**
 * A row of `user_recovery_codes` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two
 * equal).
 */
export interface UserRecoveryCodesRow {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: Date;
  used_at: Date | null;
}

export const UserRecoveryCodesEntity = new EntitySchema<UserRecoveryCodesRow>({
  name: 'user_recovery_codes',
  tableName: 'user_recovery_codes',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    user_id: { type: 'uuid', nullable: false },
    code_hash: { type: 'text', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
    used_at: { type: 'timestamp with time zone', nullable: true },
  },
});
