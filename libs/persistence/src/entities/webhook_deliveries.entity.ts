import { EntitySchema } from 'typeorm';
import type { WebhookPayload } from '@forge/domain';

/** A row of `webhook_deliveries` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface WebhookDeliveriesRow {
  id: string;
  endpoint_id: string;
  event_seq: string;
  event_type: string;
  message_id: string;
  payload: WebhookPayload;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  first_attempt_at: Date | null;
  claimed_until: Date | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

export const WebhookDeliveriesEntity = new EntitySchema<WebhookDeliveriesRow>({
  name: 'webhook_deliveries',
  tableName: 'webhook_deliveries',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    endpoint_id: { type: 'uuid', nullable: false },
    event_seq: { type: 'bigint', nullable: false },
    event_type: { type: 'text', nullable: false },
    message_id: { type: 'text', nullable: false },
    payload: { type: 'jsonb', nullable: false },
    status: { type: 'text', nullable: false },
    attempts: { type: 'integer', nullable: false },
    next_attempt_at: { type: 'timestamp with time zone', nullable: false },
    first_attempt_at: { type: 'timestamp with time zone', nullable: true },
    claimed_until: { type: 'timestamp with time zone', nullable: true },
    last_status: { type: 'integer', nullable: true },
    last_error: { type: 'text', nullable: true },
    delivered_at: { type: 'timestamp with time zone', nullable: true },
    created_at: { type: 'timestamp with time zone', nullable: false },
  },
});
