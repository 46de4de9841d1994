import { EntitySchema } from 'typeorm';
import type { LinkTarget } from '@forge/domain';

/** A row of `inbox_items` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface InboxItemsRow {
  id: string;
  user_id: string;
  kind: string;
  template: string;
  application_id: string | null;
  event_seq: string;
  event_action: string;
  /** Where the item links to, as the notification dispatcher wrote it. */
  target: LinkTarget;
  /** The template's short facts (`reference`, `title`, `dueAt`, …). */
  params: Record<string, string>;
  work_key: string | null;
  created_at: Date;
  read_at: Date | null;
  resolved_at: Date | null;
}

export const InboxItemsEntity = new EntitySchema<InboxItemsRow>({
  name: 'inbox_items',
  tableName: 'inbox_items',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    user_id: { type: 'uuid', nullable: false },
    kind: { type: 'text', nullable: false },
    template: { type: 'text', nullable: false },
    application_id: { type: 'uuid', nullable: true },
    event_seq: { type: 'bigint', nullable: false },
    event_action: { type: 'text', nullable: false },
    target: { type: 'jsonb', nullable: false },
    params: { type: 'jsonb', nullable: false },
    work_key: { type: 'text', nullable: true },
    created_at: { type: 'timestamp with time zone', nullable: false },
    read_at: { type: 'timestamp with time zone', nullable: true },
    resolved_at: { type: 'timestamp with time zone', nullable: true },
  },
});
