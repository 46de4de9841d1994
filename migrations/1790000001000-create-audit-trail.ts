import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The decision trail (audit.md): one append-only table, hash-chained in `seq` order. Appends serialise on the
 * single `audit_head` row. UPDATE, DELETE and TRUNCATE are refused by triggers, whoever the caller is, and the
 * application role `forge_app` (created where the migrating user may) has no such privilege.
 */
export class CreateAuditTrail1790000001000 implements MigrationInterface {
  name = 'CreateAuditTrail1790000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_events (
        seq             bigint      PRIMARY KEY CHECK (seq >= 0),
        id              uuid        NOT NULL UNIQUE,
        occurred_at     timestamptz NOT NULL,
        actor_id        text        NOT NULL,
        actor_role      text        NOT NULL,
        action          text        NOT NULL,
        subject_type    text        NOT NULL,
        subject_id      text        NOT NULL,
        application_id  uuid,
        reason          text,
        before          jsonb,
        after           jsonb,
        context         jsonb,
        prev_hash       char(64)    NOT NULL,
        hash            char(64)    NOT NULL UNIQUE
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_events_application_idx ON audit_events (application_id, seq)`,
    );
    await queryRunner.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, seq)`);
    await queryRunner.query(`CREATE INDEX audit_events_action_idx ON audit_events (action, seq)`);
    await queryRunner.query(`CREATE INDEX audit_events_time_idx ON audit_events (occurred_at)`);

    await queryRunner.query(`
      CREATE TABLE audit_head (
        id    smallint PRIMARY KEY CHECK (id = 1),
        seq   bigint   NOT NULL,
        hash  char(64) NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO audit_head (id, seq, hash) VALUES (1, -1, repeat('0', 64))`);

    await queryRunner.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);

    // Perfect Merkle subtree hashes (RFC 9162), level 0 = leaf hashes: written once, never changed.
    await queryRunner.query(`
      CREATE TABLE audit_merkle_nodes (
        level  smallint NOT NULL,
        idx    bigint   NOT NULL,
        hash   bytea    NOT NULL,
        PRIMARY KEY (level, idx)
      )`);
    await queryRunner.query(`
      CREATE TABLE audit_checkpoints (
        tree_size   bigint      PRIMARY KEY,
        root_hash   char(64)    NOT NULL,
        timestamp   text        NOT NULL,
        signature   text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TRIGGER audit_merkle_nodes_no_update_delete BEFORE UPDATE OR DELETE ON audit_merkle_nodes
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);

    // Least privilege: the role the application should log in as (see README, "Database roles").
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'forge_app') THEN
            CREATE ROLE forge_app NOLOGIN;
          END IF;
          GRANT SELECT, INSERT ON audit_events, audit_merkle_nodes, audit_checkpoints TO forge_app;
          GRANT SELECT, UPDATE ON audit_head TO forge_app;
          REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_merkle_nodes, audit_checkpoints FROM forge_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_checkpoints, audit_merkle_nodes, audit_head, audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_refuse_change()`);
  }
}
