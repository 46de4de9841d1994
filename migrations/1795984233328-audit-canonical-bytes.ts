import canonicalize from 'canonicalize';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

interface Row {
  seq: string;
  id: string;
  occurred_at: Date;
  actor_id: string;
  actor_role: string;
  actor_name: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  application_id: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  context: unknown;
  prev_hash: string;
}

const BATCH = 1000;

/**
 * Issue 18.2, "hash bytes, not objects": each event keeps the exact bytes its hash covers (`canonical`, the UTF-8 of
 * the RFC 8785 serialisation of the hashed object), so verification streams them through SHA-256 without
 * re-serialising JSON, and checks the JSON columns against them separately.
 *
 * The backfill serialises each existing row's columns as the writer did (the rule is frozen here, not imported:
 * a migration must do tomorrow what it did today). It launders nothing: a row whose columns were edited before
 * this migration gets bytes that do not hash to its `hash`, and verification names it as before. The append-only
 * trigger is set aside for the backfill only, inside the migration's transaction.
 */
export class AuditCanonicalBytes1795984233328 implements MigrationInterface {
  name = 'AuditCanonicalBytes1795984233328';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_events ADD COLUMN canonical bytea`);
    await queryRunner.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    let afterSeq = -1;
    for (;;) {
      const rows: Row[] = await queryRunner.query(
        `SELECT seq, id, occurred_at, actor_id, actor_role, actor_name, action, subject_type, subject_id,
                application_id, reason, before, after, context, prev_hash
           FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [afterSeq, BATCH],
      );
      if (rows.length === 0) break;
      const seqs: string[] = [];
      const bytes: Buffer[] = [];
      for (const row of rows) {
        const hashed = {
          seq: Number(row.seq),
          id: row.id,
          occurredAt: row.occurred_at.toISOString(),
          actor:
            row.actor_name === null
              ? { id: row.actor_id, role: row.actor_role }
              : { id: row.actor_id, role: row.actor_role, name: row.actor_name },
          action: row.action,
          subject: { type: row.subject_type, id: row.subject_id },
          applicationId: row.application_id,
          reason: row.reason,
          before: row.before ?? null,
          after: row.after ?? null,
          context: row.context ?? null,
          prevHash: row.prev_hash,
        };
        seqs.push(row.seq);
        bytes.push(Buffer.from(canonicalize(hashed) as string, 'utf8'));
      }
      await queryRunner.query(
        `UPDATE audit_events e SET canonical = v.canonical
           FROM unnest($1::bigint[], $2::bytea[]) AS v(seq, canonical) WHERE e.seq = v.seq`,
        [seqs, bytes],
      );
      afterSeq = Number(rows[rows.length - 1]?.seq);
    }
    await queryRunner.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);
    await queryRunner.query(`ALTER TABLE audit_events ALTER COLUMN canonical SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_events DROP COLUMN canonical`);
  }
}
