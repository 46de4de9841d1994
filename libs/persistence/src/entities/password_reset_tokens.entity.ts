import { EntitySchema } from 'typeorm';

/** A row of `password_reset_tokens` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface PasswordResetTokensRow {
  token_hash: Buffer;
  user_id: string;
  requested_by: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export const PasswordResetTokensEntity = new EntitySchema<PasswordResetTokensRow>({
  name: 'password_reset_tokens',
  tableName: 'password_reset_tokens',
  columns: {
    token_hash: { type: 'bytea', primary: true, nullable: false },
    user_id: { type: 'uuid', nullable: false },
    requested_by: { type: 'text', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
    expires_at: { type: 'timestamp with time zone', nullable: false },
    used_at: { type: 'timestamp with time zone', nullable: true },
  },
});
