import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Investment committee rounds (pipeline.md "Investment committee", issue 13.3):
 * - `committee_rounds`: one row per entry into `committee`, with the eligible members listed at opening, the
 *   deadline, the IC pack frozen at opening (the JSON members read, and its SHA-256) and, once closed, why, the
 *   outcome and the tally. At most one open round per application. The pack, the member list and the opening
 *   never change; a closed round never changes (trigger).
 * - `committee_votes.conditions`: conditions proposed with an approving vote.
 * - Votes are append-only (trigger): a vote is never edited or withdrawn.
 *
 * Applications already in `committee` get an open round backfilled (members at migration time, deadline ten days
 * after they entered the stage, no stored pack: those packs were only hashed). Rounds of applications decided
 * before this migration are not reconstructed.
 */
export class CommitteeRounds1795982502518 implements MigrationInterface {
  name = 'CommitteeRounds1795982502518';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE committee_rounds (
        application_id       uuid        NOT NULL REFERENCES applications (id),
        round                integer     NOT NULL CHECK (round >= 1),
        moved_by             uuid        NOT NULL REFERENCES users (id),
        eligible_member_ids  uuid[]      NOT NULL,
        opened_at            timestamptz NOT NULL,
        deadline             timestamptz NOT NULL,
        assessment_id        uuid,
        ic_pack              jsonb,
        ic_pack_hash         char(64),
        closed_at            timestamptz,
        close_reason         text        CHECK (close_reason IN ('all_voted','deadline','deferred','rejected','withdrawn')),
        outcome              text        CHECK (outcome IN ('approved','rejected','lapsed')),
        tally                jsonb,
        PRIMARY KEY (application_id, round),
        CHECK ((closed_at IS NULL) = (close_reason IS NULL)),
        CHECK ((outcome IS NOT NULL) = (close_reason = 'all_voted' OR close_reason = 'deadline')),
        CHECK ((tally IS NOT NULL) = (outcome IS NOT NULL)),
        CHECK (ic_pack IS NULL OR ic_pack_hash IS NOT NULL)
      )`,
      `CREATE UNIQUE INDEX committee_rounds_one_open_idx ON committee_rounds (application_id) WHERE closed_at IS NULL`,
      `CREATE INDEX committee_rounds_open_deadline_idx ON committee_rounds (deadline) WHERE closed_at IS NULL`,
      `CREATE FUNCTION forge_committee_round_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'committee rounds are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.closed_at IS NOT NULL THEN
          RAISE EXCEPTION 'a closed committee round never changes' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.application_id <> OLD.application_id OR NEW.round <> OLD.round OR NEW.moved_by <> OLD.moved_by
           OR NEW.eligible_member_ids <> OLD.eligible_member_ids OR NEW.opened_at <> OLD.opened_at
           OR NEW.ic_pack IS DISTINCT FROM OLD.ic_pack OR NEW.ic_pack_hash IS DISTINCT FROM OLD.ic_pack_hash
           OR NEW.assessment_id IS DISTINCT FROM OLD.assessment_id THEN
          RAISE EXCEPTION 'the members, the opening and the IC pack of a committee round are frozen'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`,
      `CREATE TRIGGER committee_rounds_guard BEFORE UPDATE OR DELETE ON committee_rounds
        FOR EACH ROW EXECUTE FUNCTION forge_committee_round_guard()`,

      `ALTER TABLE committee_votes ADD COLUMN conditions jsonb NOT NULL DEFAULT '[]'::jsonb
        CHECK (jsonb_typeof(conditions) = 'array')`,
      `ALTER TABLE committee_votes ADD CONSTRAINT committee_votes_conditions_only_approve
        CHECK (decision = 'approve' OR conditions = '[]'::jsonb)`,
      `CREATE FUNCTION forge_committee_votes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'committee votes are append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`,
      `CREATE TRIGGER committee_votes_append_only BEFORE UPDATE OR DELETE ON committee_votes
        FOR EACH ROW EXECUTE FUNCTION forge_committee_votes_append_only()`,

      // Backfill: an open round for every application waiting in committee.
      `INSERT INTO committee_rounds (application_id, round, moved_by, eligible_member_ids, opened_at, deadline,
                                     assessment_id, ic_pack, ic_pack_hash)
       SELECT a.id, a.committee_round, a.moved_to_committee_by,
              COALESCE((SELECT array_agg(u.id ORDER BY u.id) FROM users u
                         WHERE 'committee' = ANY (u.roles) AND NOT u.disabled AND u.id <> a.moved_to_committee_by
                           AND NOT EXISTS (SELECT 1 FROM committee_votes v WHERE v.application_id = a.id
                                             AND v.user_id = u.id AND v.conflict_of_interest
                                             AND v.round < a.committee_round)), '{}'),
              a.stage_entered_at, a.stage_entered_at + interval '10 days',
              a.ic_assessment_id, NULL, a.ic_pack_hash
         FROM applications a
        WHERE a.stage = 'committee' AND a.committee_round >= 1 AND a.moved_to_committee_by IS NOT NULL`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'forge_app') THEN
          GRANT SELECT, INSERT, UPDATE ON committee_rounds TO forge_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER committee_votes_append_only ON committee_votes`);
    await queryRunner.query(`DROP FUNCTION forge_committee_votes_append_only()`);
    await queryRunner.query(
      `ALTER TABLE committee_votes DROP CONSTRAINT committee_votes_conditions_only_approve`,
    );
    await queryRunner.query(`ALTER TABLE committee_votes DROP COLUMN conditions`);
    await queryRunner.query(`DROP TABLE committee_rounds`);
    await queryRunner.query(`DROP FUNCTION forge_committee_round_guard()`);
  }
}
