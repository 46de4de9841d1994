import { EntitySchema } from 'typeorm';

/** A row of `webhook_endpoints` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface WebhookEndpointsRow {
  id: string;
  url: string;
  events: string[];
  secret: string;
  description: string | null;
  created_by: string;
  created_at: Date;
  disabled_at: Date | null;
}

export const WebhookEndpointsEntity = new EntitySchema<WebhookEndpointsRow>({
  name: 'webhook_endpoints',
  tableName: 'webhook_endpoints',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    url: { type: 'text', nullable: false },
    events: { type: 'text', array: true, nullable: false },
    secret: { type: 'text', nullable: false },
    description: { type: 'text', nullable: true },
    created_by: { type: 'uuid', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
    disabled_at: { type: 'timestamp with time zone', nullable: true },
  },
});
