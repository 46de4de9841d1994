import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 18.1, "sequence the chain after commit": a command inserts its event with no position, and one sequencer
 * gives it its place in the chain after the command's COMMIT (docs/audit.md, "Sequencing").
 *
 * - `entry` (identity) is the order in which events were inserted: the sequencer's order among the events it sees.
 * - `content` holds the RFC 8785 bytes of the hashed object without `seq` and `prevHash`, `content_hash` their
 *   SHA-256; both are written by the command and never change.
 * - `seq`, `prev_hash`, `hash` and `canonical` (the bytes `hash` covers) are NULL until the sequencer sets all four
 *   at once. The trigger allows exactly that one update (NULL → values, nothing else changed, `hash` =
 *   SHA-256(`prev_hash` ‖ `canonical`)) and refuses every other UPDATE, any DELETE and TRUNCATE; an INSERT must
 *   come without a position and with `content_hash` = SHA-256(`content`).
 * - `forge_app` may update those four columns only (column privilege); the trigger does the rest.
 */
export class AuditSequencer1795990954821 implements MigrationInterface {
  name = 'AuditSequencer1795990954821';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_events ADD COLUMN entry bigint GENERATED ALWAYS AS IDENTITY`);
    await queryRunner.query(`ALTER TABLE audit_events ADD COLUMN content bytea`);
    await queryRunner.query(`ALTER TABLE audit_events ADD COLUMN content_hash char(64)`);
    await queryRunner.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey`);
    await queryRunner.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_pkey PRIMARY KEY (entry)`);
    await queryRunner.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_seq_key UNIQUE (seq)`);
    await queryRunner.query(`
      ALTER TABLE audit_events
        ALTER COLUMN seq DROP NOT NULL,
        ALTER COLUMN prev_hash DROP NOT NULL,
        ALTER COLUMN hash DROP NOT NULL,
        ALTER COLUMN canonical DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE audit_events ADD CONSTRAINT audit_events_position_check CHECK (
        ((seq IS NULL) = (prev_hash IS NULL)) AND ((seq IS NULL) = (hash IS NULL))
        AND ((seq IS NULL) = (canonical IS NULL)) AND (seq IS NOT NULL OR content IS NOT NULL)
        AND ((content IS NULL) = (content_hash IS NULL)))`);
    // What the sequencer reads: the pending events, in insertion order (empty once caught up).
    await queryRunner.query(
      `CREATE INDEX audit_events_pending_idx ON audit_events (entry) WHERE seq IS NULL`,
    );

    await queryRunner.query(`
      CREATE FUNCTION audit_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.seq IS NOT NULL OR NEW.prev_hash IS NOT NULL OR NEW.hash IS NOT NULL OR NEW.canonical IS NOT NULL
             OR NEW.content IS NULL OR NEW.content_hash IS DISTINCT FROM encode(sha256(NEW.content), 'hex') THEN
            RAISE EXCEPTION 'audit_events: an event is inserted without a position and with content_hash = SHA-256(content); the sequencer places it'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE'
           AND OLD.seq IS NULL AND OLD.prev_hash IS NULL AND OLD.hash IS NULL AND OLD.canonical IS NULL
           AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL AND NEW.canonical IS NOT NULL
           AND (to_jsonb(NEW) - ARRAY['seq', 'prev_hash', 'hash', 'canonical'])
               = (to_jsonb(OLD) - ARRAY['seq', 'prev_hash', 'hash', 'canonical'])
           AND NEW.hash = encode(sha256(convert_to(NEW.prev_hash, 'UTF8') || NEW.canonical), 'hex') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only: % refused (only the one-time sequencing of a pending event is allowed)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`DROP TRIGGER audit_events_no_update_delete ON audit_events`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE INSERT OR UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_guard()`);

    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'forge_app') THEN
          GRANT UPDATE (seq, prev_hash, hash, canonical) ON audit_events TO forge_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_no_update_delete ON audit_events`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    await queryRunner.query(`DROP FUNCTION audit_events_guard()`);
    await queryRunner.query(`DROP INDEX audit_events_pending_idx`);
    await queryRunner.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_position_check`);
    await queryRunner.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_seq_key`);
    await queryRunner.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey`);
    await queryRunner.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_pkey PRIMARY KEY (seq)`);
    await queryRunner.query(`
      ALTER TABLE audit_events
        ALTER COLUMN prev_hash SET NOT NULL,
        ALTER COLUMN hash SET NOT NULL,
        ALTER COLUMN canonical SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE audit_events DROP COLUMN content_hash, DROP COLUMN content, DROP COLUMN entry`,
    );
  }
}
