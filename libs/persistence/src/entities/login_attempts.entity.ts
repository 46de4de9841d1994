import { EntitySchema } from 'typeorm';

/** A row of `login_attempts` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface LoginAttemptsRow {
  id: string;
  email: string;
  ip: string;
  succeeded: boolean;
  at: Date;
}

export const LoginAttemptsEntity = new EntitySchema<LoginAttemptsRow>({
  name: 'login_attempts',
  tableName: 'login_attempts',
  columns: {
    id: { type: 'bigint', primary: true, nullable: false },
    email: { type: 'text', nullable: false },
    ip: { type: 'text', nullable: false },
    succeeded: { type: 'boolean', nullable: false },
    at: { type: 'timestamp with time zone', nullable: false },
  },
});
