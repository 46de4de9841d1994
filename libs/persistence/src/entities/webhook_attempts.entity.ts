import { EntitySchema } from 'typeorm';

/** A row of `webhook_attempts` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface WebhookAttemptsRow {
  id: string;
  delivery_id: string;
  attempted_at: Date;
  outcome: string;
  status_code: number | null;
  error: string | null;
  address: string | null;
  duration_ms: number;
}

export const WebhookAttemptsEntity = new EntitySchema<WebhookAttemptsRow>({
  name: 'webhook_attempts',
  tableName: 'webhook_attempts',
  columns: {
    id: { type: 'bigint', primary: true, nullable: false },
    delivery_id: { type: 'uuid', nullable: false },
    attempted_at: { type: 'timestamp with time zone', nullable: false },
    outcome: { type: 'text', nullable: false },
    status_code: { type: 'integer', nullable: true },
    error: { type: 'text', nullable: true },
    address: { type: 'text', nullable: true },
    duration_ms: { type: 'integer', nullable: false },
  },
});
