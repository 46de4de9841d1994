import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Deadlines and notifications (monitoring.md, issue 17).
 *
 * - `users.locale`: the language of a user's emails (`en`, `es`, `pt-BR`).
 * - `deadline_escalations`: the level recorded per piece of waiting work and due time; the overdue job
 *   raises a level at most once (`INSERT … ON CONFLICT … WHERE level is lower`), whoever runs it.
 * - `notification_cursor`: how far the dispatcher has read the audit trail. It is advanced in the same
 *   transaction that writes the inbox items, emails and webhook deliveries of the events read, so a crash
 *   loses nothing and doubles nothing.
 * - `inbox_items`, `email_messages`, `webhook_endpoints`, `webhook_deliveries`, `webhook_attempts`: the
 *   inbox and the two outboxes (emails and webhook deliveries leave from these rows, with retries).
 */
export class DeadlinesNotifications1795969905166 implements MigrationInterface {
  name = 'DeadlinesNotifications1795969905166';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en','es','pt-BR'))`,

      `CREATE TABLE deadline_escalations (
        work_key        text        NOT NULL,
        due_at          timestamptz NOT NULL,
        kind            text        NOT NULL,
        application_id  uuid        REFERENCES applications (id),
        level           text        NOT NULL CHECK (level IN ('assignee','officers')),
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (work_key, due_at)
      )`,

      `CREATE TABLE notification_cursor (
        id        smallint PRIMARY KEY CHECK (id = 1),
        last_seq  bigint   NOT NULL
      )`,
      // Start after the events already in the trail: an upgrade does not notify the past.
      `INSERT INTO notification_cursor (id, last_seq) SELECT 1, seq FROM audit_head WHERE id = 1`,

      `CREATE TABLE inbox_items (
        id              uuid        PRIMARY KEY,
        user_id         uuid        NOT NULL REFERENCES users (id),
        kind            text        NOT NULL,
        template        text        NOT NULL,
        application_id  uuid        REFERENCES applications (id),
        event_seq       bigint      NOT NULL,
        event_action    text        NOT NULL,
        target          jsonb       NOT NULL,
        params          jsonb       NOT NULL,
        work_key        text,
        created_at      timestamptz NOT NULL,
        read_at         timestamptz,
        resolved_at     timestamptz,
        UNIQUE (user_id, event_seq, template)
      )`,
      `CREATE INDEX inbox_items_user_idx ON inbox_items (user_id, created_at DESC, id DESC)`,
      `CREATE INDEX inbox_items_work_idx ON inbox_items (work_key) WHERE resolved_at IS NULL`,

      `CREATE TABLE email_messages (
        id                uuid        PRIMARY KEY,
        user_id           uuid        REFERENCES users (id),
        to_address        text        NOT NULL,
        locale            text        NOT NULL,
        template          text        NOT NULL,
        params            jsonb       NOT NULL,
        dedupe_key        text        NOT NULL UNIQUE,
        status            text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','dead')),
        attempts          integer     NOT NULL DEFAULT 0,
        next_attempt_at   timestamptz NOT NULL DEFAULT now(),
        first_attempt_at  timestamptz,
        claimed_until     timestamptz,
        last_error        text,
        sent_at           timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX email_messages_due_idx ON email_messages (next_attempt_at) WHERE status = 'pending'`,

      `CREATE TABLE webhook_endpoints (
        id           uuid        PRIMARY KEY,
        url          text        NOT NULL,
        events       text[]      NOT NULL CHECK (cardinality(events) > 0),
        secret       text        NOT NULL,
        description  text,
        created_by   uuid        NOT NULL REFERENCES users (id),
        created_at   timestamptz NOT NULL DEFAULT now(),
        disabled_at  timestamptz
      )`,
      `CREATE TABLE webhook_deliveries (
        id                uuid        PRIMARY KEY,
        endpoint_id       uuid        NOT NULL REFERENCES webhook_endpoints (id),
        event_seq         bigint      NOT NULL,
        event_type        text        NOT NULL,
        message_id        text        NOT NULL UNIQUE,
        payload           jsonb       NOT NULL,
        status            text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','delivered','dead')),
        attempts          integer     NOT NULL DEFAULT 0,
        next_attempt_at   timestamptz NOT NULL DEFAULT now(),
        first_attempt_at  timestamptz,
        claimed_until     timestamptz,
        last_status       integer,
        last_error        text,
        delivered_at      timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now(),
        UNIQUE (endpoint_id, event_seq)
      )`,
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
      `CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, event_seq DESC)`,
      `CREATE TABLE webhook_attempts (
        id            bigserial   PRIMARY KEY,
        delivery_id   uuid        NOT NULL REFERENCES webhook_deliveries (id),
        attempted_at  timestamptz NOT NULL,
        outcome       text        NOT NULL CHECK (outcome IN ('delivered','failed','refused')),
        status_code   integer,
        error         text,
        address       text,
        duration_ms   integer     NOT NULL
      )`,
      `CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'forge_app') THEN
          GRANT SELECT, INSERT, UPDATE ON deadline_escalations, notification_cursor, inbox_items, email_messages,
            webhook_endpoints, webhook_deliveries, webhook_attempts TO forge_app;
          GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO forge_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_attempts, webhook_deliveries, webhook_endpoints, email_messages,
      inbox_items, notification_cursor, deadline_escalations`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN locale`);
  }
}
