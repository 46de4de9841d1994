import { EntitySchema } from 'typeorm';
import type { JsonValue } from '@forge/domain';

/** A row of `idempotency_keys` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface IdempotencyKeysRow {
  user_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  state: string;
  response_status: number | null;
  /** The completed request's response body, as JSON (`null` also while in progress). */
  response_body: JsonValue | null;
  created_at: Date;
  expires_at: Date;
}

export const IdempotencyKeysEntity = new EntitySchema<IdempotencyKeysRow>({
  name: 'idempotency_keys',
  tableName: 'idempotency_keys',
  columns: {
    user_id: { type: 'uuid', primary: true, nullable: false },
    key: { type: 'text', primary: true, nullable: false },
    method: { type: 'text', nullable: false },
    path: { type: 'text', nullable: false },
    request_hash: { type: 'character', length: 64, nullable: false },
    state: { type: 'text', nullable: false },
    response_status: { type: 'integer', nullable: true },
    response_body: { type: 'jsonb', nullable: true },
    created_at: { type: 'timestamp with time zone', nullable: false },
    expires_at: { type: 'timestamp with time zone', nullable: false },
  },
});
