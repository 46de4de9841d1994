import { EntitySchema } from 'typeorm';

/** A row of `user_sessions` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface UserSessionsRow {
  id_hash: Buffer;
  user_id: string;
  auth_version: number;
  csrf_token: string;
  method: string;
  ip: string;
  user_agent: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export const UserSessionsEntity = new EntitySchema<UserSessionsRow>({
  name: 'user_sessions',
  tableName: 'user_sessions',
  columns: {
    id_hash: { type: 'bytea', primary: true, nullable: false },
    user_id: { type: 'uuid', nullable: false },
    auth_version: { type: 'integer', nullable: false },
    csrf_token: { type: 'text', nullable: false },
    method: { type: 'text', nullable: false },
    ip: { type: 'text', nullable: false },
    user_agent: { type: 'text', nullable: true },
    created_at: { type: 'timestamp with time zone', nullable: false },
    last_seen_at: { type: 'timestamp with time zone', nullable: false },
    expires_at: { type: 'timestamp with time zone', nullable: false },
    revoked_at: { type: 'timestamp with time zone', nullable: true },
  },
});
