import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * After the decision (monitoring.md, issue 16): the post-close stages, disbursements and
 * repayments with Σ disbursed ≤ FORGE amount and Σ repaid ≤ Σ disbursed enforced by the database
 * (a trigger that locks the application row, so concurrent approvals cannot both fit into the last
 * dollar), ESAP items, annual monitoring reports, incidents and the watchlist. The stage and
 * maker-checker CHECK constraints are rebuilt from their full current lists.
 */
export class PostCloseMonitoring1795968041604 implements MigrationInterface {
  name = 'PostCloseMonitoring1795968041604';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE applications DROP CONSTRAINT applications_stage_check`,
      `ALTER TABLE applications ADD CONSTRAINT applications_stage_check CHECK (stage IN ('draft','submitted',
        'screening','esg_review','financing','committee','approved','financed','rejected','withdrawn',
        'disbursing','monitoring','repaid','written_off'))`,
      `ALTER TABLE approvals DROP CONSTRAINT approvals_action_check`,
      `ALTER TABLE approvals ADD CONSTRAINT approvals_action_check CHECK (action IN ('check.waive',
        'screening.false_positive','category.downgrade','risk.override','condition.satisfy',
        'disbursement.release','application.write_off'))`,

      // Running totals on the application row (the portfolio reads them); the ledgers below are the truth.
      `ALTER TABLE applications ADD COLUMN disbursed_usd bigint NOT NULL DEFAULT 0 CHECK (disbursed_usd >= 0)`,
      `ALTER TABLE applications ADD COLUMN repaid_usd bigint NOT NULL DEFAULT 0 CHECK (repaid_usd >= 0)`,
      `ALTER TABLE applications ADD CONSTRAINT applications_repaid_within_disbursed CHECK (repaid_usd <= disbursed_usd)`,
      `ALTER TABLE applications ADD CONSTRAINT applications_disbursed_within_forge_amount
        CHECK (disbursed_usd <= COALESCE((financing->>'amountUsd')::bigint, 0))`,
      `ALTER TABLE applications ADD COLUMN financed_at timestamptz`,
      `ALTER TABLE applications ADD COLUMN on_watchlist boolean NOT NULL DEFAULT false`,

      `CREATE TABLE disbursements (
        id              uuid        PRIMARY KEY,
        application_id  uuid        NOT NULL REFERENCES applications (id),
        tranche_id      text        NOT NULL,
        amount_usd      bigint      NOT NULL CHECK (amount_usd > 0),
        status          text        NOT NULL CHECK (status IN ('requested','proposed','disbursed','declined',
                                      'rejected','cancelled')),
        requested_by    uuid        NOT NULL REFERENCES users (id),
        requested_at    timestamptz NOT NULL,
        proposed_by     uuid        REFERENCES users (id),
        proposed_at     timestamptz,
        approval_id     uuid        REFERENCES approvals (id),
        decided_by      uuid        REFERENCES users (id),
        decided_at      timestamptz,
        value_date      date,
        note            text,
        CHECK ((status = 'disbursed') = (value_date IS NOT NULL))
      )`,
      `CREATE INDEX disbursements_app_idx ON disbursements (application_id, requested_at)`,
      `CREATE TABLE repayments (
        id              uuid        PRIMARY KEY,
        application_id  uuid        NOT NULL REFERENCES applications (id),
        amount_usd      bigint      NOT NULL CHECK (amount_usd > 0),
        value_date      date        NOT NULL,
        recorded_by     uuid        NOT NULL REFERENCES users (id),
        recorded_at     timestamptz NOT NULL,
        note            text
      )`,
      `CREATE INDEX repayments_app_idx ON repayments (application_id, value_date)`,

      // Σ disbursed ≤ FORGE amount and Σ repaid ≤ Σ disbursed, whoever writes: the trigger locks the
      // application row first, so a concurrent writer waits and then sums what the first committed.
      `CREATE FUNCTION forge_disbursements_within_amount() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        forge_amount bigint;
        total bigint;
      BEGIN
        IF NEW.status <> 'disbursed' THEN
          RETURN NEW;
        END IF;
        SELECT COALESCE((financing->>'amountUsd')::bigint, 0) INTO forge_amount
          FROM applications WHERE id = NEW.application_id FOR UPDATE;
        SELECT COALESCE(sum(amount_usd), 0) INTO total FROM disbursements
          WHERE application_id = NEW.application_id AND status = 'disbursed' AND id <> NEW.id;
        IF total + NEW.amount_usd > forge_amount THEN
          RAISE EXCEPTION 'disbursements of application % would total % USD, over the FORGE amount of % USD',
            NEW.application_id, total + NEW.amount_usd, forge_amount
            USING ERRCODE = 'check_violation', CONSTRAINT = 'disbursements_within_forge_amount';
        END IF;
        RETURN NEW;
      END $$`,
      `CREATE TRIGGER disbursements_within_forge_amount BEFORE INSERT OR UPDATE ON disbursements
        FOR EACH ROW EXECUTE FUNCTION forge_disbursements_within_amount()`,
      `CREATE FUNCTION forge_repayments_within_disbursed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        disbursed bigint;
        repaid bigint;
      BEGIN
        PERFORM 1 FROM applications WHERE id = NEW.application_id FOR UPDATE;
        SELECT COALESCE(sum(amount_usd), 0) INTO disbursed FROM disbursements
          WHERE application_id = NEW.application_id AND status = 'disbursed';
        SELECT COALESCE(sum(amount_usd), 0) INTO repaid FROM repayments
          WHERE application_id = NEW.application_id AND id <> NEW.id;
        IF repaid + NEW.amount_usd > disbursed THEN
          RAISE EXCEPTION 'repayments of application % would total % USD, over the % USD disbursed',
            NEW.application_id, repaid + NEW.amount_usd, disbursed
            USING ERRCODE = 'check_violation', CONSTRAINT = 'repayments_within_disbursed';
        END IF;
        RETURN NEW;
      END $$`,
      `CREATE TRIGGER repayments_within_disbursed BEFORE INSERT OR UPDATE ON repayments
        FOR EACH ROW EXECUTE FUNCTION forge_repayments_within_disbursed()`,

      `CREATE TABLE esap_items (
        id                     uuid        PRIMARY KEY,
        application_id         uuid        NOT NULL REFERENCES applications (id),
        description            text        NOT NULL,
        standard               text        NOT NULL CHECK (standard IN ('PS1','PS2','PS3','PS4','PS5','PS6','PS7','PS8')),
        due_date               date        NOT NULL,
        status                 text        NOT NULL CHECK (status IN ('open','in_progress','done','verified')),
        evidence_document_ids  uuid[]      NOT NULL DEFAULT '{}',
        created_by             uuid        NOT NULL REFERENCES users (id),
        created_at             timestamptz NOT NULL,
        updated_at             timestamptz NOT NULL,
        verified_by            uuid        REFERENCES users (id),
        verified_at            timestamptz,
        note                   text,
        CHECK ((status = 'verified') = (verified_by IS NOT NULL))
      )`,
      `CREATE INDEX esap_items_app_idx ON esap_items (application_id, due_date)`,
      `CREATE TABLE monitoring_reports (
        id                uuid        PRIMARY KEY,
        application_id    uuid        NOT NULL REFERENCES applications (id),
        year              integer     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        figures           jsonb       NOT NULL,
        document_id       uuid        NOT NULL REFERENCES documents (id),
        due_date          date        NOT NULL,
        submitted_by      uuid        NOT NULL REFERENCES users (id),
        submitted_at      timestamptz NOT NULL,
        covenant_results  jsonb       NOT NULL,
        UNIQUE (application_id, year)
      )`,
      `CREATE TABLE incidents (
        id              uuid        PRIMARY KEY,
        application_id  uuid        NOT NULL REFERENCES applications (id),
        occurred_at     timestamptz NOT NULL,
        reported_at     timestamptz NOT NULL,
        reported_by     uuid        NOT NULL REFERENCES users (id),
        kind            text        NOT NULL CHECK (kind IN ('fatality','serious_injury','tailings','spill',
                                      'community_conflict','security','other')),
        severity        smallint    NOT NULL CHECK (severity BETWEEN 1 AND 3),
        description     text        NOT NULL,
        serious         boolean     NOT NULL,
        late            boolean     NOT NULL,
        status          text        NOT NULL CHECK (status IN ('open','closed')),
        updates         jsonb       NOT NULL DEFAULT '[]',
        closed_by       uuid        REFERENCES users (id),
        closed_at       timestamptz,
        closing_note    text,
        CHECK (occurred_at <= reported_at)
      )`,
      `CREATE INDEX incidents_app_idx ON incidents (application_id, occurred_at)`,
      `CREATE TABLE watchlist_reasons (
        application_id  uuid        NOT NULL REFERENCES applications (id),
        id              text        NOT NULL,
        kind            text        NOT NULL CHECK (kind IN ('covenant_breach','incident','sanctions_match')),
        ref             text        NOT NULL,
        detail          text        NOT NULL,
        added_at        timestamptz NOT NULL,
        cleared_at      timestamptz,
        cleared_by      uuid        REFERENCES users (id),
        clear_note      text,
        PRIMARY KEY (application_id, id)
      )`,
      // At most one active reason per (application, kind, ref), whatever the code does.
      `CREATE UNIQUE INDEX watchlist_reasons_active_idx ON watchlist_reasons (application_id, kind, ref)
        WHERE cleared_at IS NULL`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'forge_app') THEN
          GRANT SELECT, INSERT, UPDATE ON disbursements, repayments, esap_items, monitoring_reports, incidents,
            watchlist_reasons TO forge_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE watchlist_reasons, incidents, monitoring_reports, esap_items, repayments,
      disbursements`);
    await queryRunner.query(
      `DROP FUNCTION forge_disbursements_within_amount(), forge_repayments_within_disbursed()`,
    );
    await queryRunner.query(`ALTER TABLE applications DROP CONSTRAINT applications_disbursed_within_forge_amount,
      DROP CONSTRAINT applications_repaid_within_disbursed, DROP COLUMN disbursed_usd, DROP COLUMN repaid_usd,
      DROP COLUMN financed_at, DROP COLUMN on_watchlist`);
    await queryRunner.query(`ALTER TABLE approvals DROP CONSTRAINT approvals_action_check`);
    await queryRunner.query(`ALTER TABLE approvals ADD CONSTRAINT approvals_action_check CHECK (action IN
      ('check.waive','screening.false_positive','category.downgrade','risk.override','condition.satisfy'))`);
    await queryRunner.query(`ALTER TABLE applications DROP CONSTRAINT applications_stage_check`);
    await queryRunner.query(`ALTER TABLE applications ADD CONSTRAINT applications_stage_check CHECK (stage IN
      ('draft','submitted','screening','esg_review','financing','committee','approved','financed','rejected',
       'withdrawn'))`);
  }
}
