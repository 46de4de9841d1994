import { EntitySchema } from 'typeorm';

/** A row of `login_throttles` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface LoginThrottlesRow {
  scope: string;
  key: string;
  window_start: Date;
  count: number;
  next_attempt_at: Date;
  updated_at: Date;
}

export const LoginThrottlesEntity = new EntitySchema<LoginThrottlesRow>({
  name: 'login_throttles',
  tableName: 'login_throttles',
  columns: {
    scope: { type: 'text', primary: true, nullable: false },
    key: { type: 'text', primary: true, nullable: false },
    window_start: { type: 'timestamp with time zone', nullable: false },
    count: { type: 'integer', nullable: false },
    next_attempt_at: { type: 'timestamp with time zone', nullable: false },
    updated_at: { type: 'timestamp with time zone', nullable: false },
  },
});
