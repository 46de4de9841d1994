import { EntitySchema } from 'typeorm';

/** A row of `email_messages` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface EmailMessagesRow {
  id: string;
  user_id: string | null;
  to_address: string;
  locale: string;
  template: string;
  /** The template's short facts, as queueEmail and the notification dispatcher wrote them. */
  params: Record<string, string>;
  dedupe_key: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  first_attempt_at: Date | null;
  claimed_until: Date | null;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
}

export const EmailMessagesEntity = new EntitySchema<EmailMessagesRow>({
  name: 'email_messages',
  tableName: 'email_messages',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    user_id: { type: 'uuid', nullable: true },
    to_address: { type: 'text', nullable: false },
    locale: { type: 'text', nullable: false },
    template: { type: 'text', nullable: false },
    params: { type: 'jsonb', nullable: false },
    dedupe_key: { type: 'text', nullable: false },
    status: { type: 'text', nullable: false },
    attempts: { type: 'integer', nullable: false },
    next_attempt_at: { type: 'timestamp with time zone', nullable: false },
    first_attempt_at: { type: 'timestamp with time zone', nullable: true },
    claimed_until: { type: 'timestamp with time zone', nullable: true },
    last_error: { type: 'text', nullable: true },
    sent_at: { type: 'timestamp with time zone', nullable: true },
    created_at: { type: 'timestamp with time zone', nullable: false },
  },
});
