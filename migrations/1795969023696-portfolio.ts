import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The fund as a whole (portfolio.md, issue 15): organisation kinds, the `partner` role, co-financing
 * lines, portfolio policy versions (four eyes), the portfolio lock row that makes the envelope and
 * concentration guards race-safe, disclosure packages (append-only), and the stage clock columns
 * the funnel and the public register read (`stage_entered_at`, `decided_at`, kept by a trigger).
 */
export class Portfolio1795969023696 implements MigrationInterface {
  name = 'Portfolio1795969023696';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // Organisation kinds: a project sponsor, a co-financing partner (public or private), or the fund itself.
      `ALTER TABLE organizations ADD COLUMN kind text NOT NULL DEFAULT 'sponsor'
        CHECK (kind IN ('sponsor','cofinancier','fund'))`,
      `ALTER TABLE organizations ADD COLUMN sector text CHECK (sector IN ('public','private'))`,
      `ALTER TABLE organizations ADD CONSTRAINT organizations_sector_of_cofinancier
        CHECK ((kind = 'cofinancier') = (sector IS NOT NULL))`,

      // The role list is rebuilt in full; a partner belongs to an organisation, as a sponsor does.
      `ALTER TABLE users DROP CONSTRAINT users_roles_check`,
      `ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (cardinality(roles) > 0
        AND roles <@ ARRAY['sponsor','officer','committee','auditor','admin','partner']::text[])`,
      `ALTER TABLE users ADD CONSTRAINT users_partner_organization
        CHECK (NOT ('partner' = ANY (roles)) OR organization_id IS NOT NULL)`,

      // Co-financing lines of the financing structure; only cofinancier organisations (trigger below).
      `CREATE TABLE cofinancing_lines (
        application_id   uuid        NOT NULL REFERENCES applications (id),
        organization_id  uuid        NOT NULL REFERENCES organizations (id),
        instrument       text        NOT NULL CHECK (instrument IN ('senior_loan','subordinated_loan','guarantee',
                                       'equity','political_risk_insurance','first_loss')),
        amount_usd       bigint      NOT NULL CHECK (amount_usd > 0),
        status           text        NOT NULL CHECK (status IN ('indicated','committed','signed')),
        updated_at       timestamptz NOT NULL,
        PRIMARY KEY (application_id, organization_id, instrument)
      )`,
      // The partner read rule looks lines up by organisation.
      `CREATE INDEX cofinancing_lines_org_idx ON cofinancing_lines (organization_id, application_id)`,
      `CREATE FUNCTION forge_cofinancing_line_org() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM organizations WHERE id = NEW.organization_id AND kind = 'cofinancier') THEN
          RAISE EXCEPTION 'organisation % is not a cofinancier', NEW.organization_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'cofinancing_lines_cofinancier';
        END IF;
        RETURN NEW;
      END $$`,
      `CREATE TRIGGER cofinancing_lines_cofinancier BEFORE INSERT OR UPDATE ON cofinancing_lines
        FOR EACH ROW EXECUTE FUNCTION forge_cofinancing_line_org()`,

      // Portfolio policy versions. Parameters are immutable once written; one active, one pending at most.
      `CREATE TABLE portfolio_policies (
        id             uuid        PRIMARY KEY,
        policy         text        NOT NULL,
        version        text        NOT NULL,
        params         jsonb       NOT NULL,
        params_hash    char(64)    NOT NULL,
        status         text        NOT NULL CHECK (status IN ('pending','approved','rejected')),
        active         boolean     NOT NULL DEFAULT false,
        built_in       boolean     NOT NULL DEFAULT false,
        proposed_by    uuid        REFERENCES users (id),
        proposed_at    timestamptz NOT NULL,
        rationale      text,
        decided_by     uuid        REFERENCES users (id),
        decided_at     timestamptz,
        decision_note  text,
        activated_at   timestamptz,
        UNIQUE (policy, version),
        CHECK (NOT active OR status = 'approved'),
        CHECK (built_in OR proposed_by IS NOT NULL),
        CHECK (decided_by IS NULL OR proposed_by IS NULL OR decided_by <> proposed_by),
        CHECK (built_in OR (status = 'pending') = (decided_by IS NULL))
      )`,
      `CREATE UNIQUE INDEX portfolio_policies_one_active_idx ON portfolio_policies ((true)) WHERE active`,
      `CREATE UNIQUE INDEX portfolio_policies_one_pending_idx ON portfolio_policies ((true)) WHERE status = 'pending'`,
      `CREATE FUNCTION forge_portfolio_policy_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'portfolio policy versions are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.params IS DISTINCT FROM OLD.params OR NEW.params_hash IS DISTINCT FROM OLD.params_hash
           OR NEW.policy IS DISTINCT FROM OLD.policy OR NEW.version IS DISTINCT FROM OLD.version
           OR NEW.proposed_by IS DISTINCT FROM OLD.proposed_by THEN
          RAISE EXCEPTION 'a portfolio policy version is never edited: propose a new one'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`,
      `CREATE TRIGGER portfolio_policies_immutable BEFORE UPDATE OR DELETE ON portfolio_policies
        FOR EACH ROW EXECUTE FUNCTION forge_portfolio_policy_immutable()`,

      // The one row every envelope/concentration decision locks (SELECT … FOR UPDATE) in its transaction,
      // so two decisions cannot both fit into the same dollar of the envelope or of a limit.
      `CREATE TABLE portfolio_lock (
        id          boolean     PRIMARY KEY DEFAULT true CHECK (id),
        locked_at   timestamptz
      )`,
      `INSERT INTO portfolio_lock (id) VALUES (true)`,

      // Disclosure packages: every version kept, never edited or deleted.
      `CREATE TABLE disclosure_packages (
        id              uuid        PRIMARY KEY,
        application_id  uuid        NOT NULL REFERENCES applications (id),
        version         integer     NOT NULL CHECK (version >= 1),
        disclosed_at    timestamptz NOT NULL,
        disclosed_by    uuid        NOT NULL REFERENCES users (id),
        content         jsonb       NOT NULL,
        content_hash    char(64)    NOT NULL,
        UNIQUE (application_id, version)
      )`,
      `CREATE FUNCTION forge_disclosure_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'disclosure packages are append-only: amend with a new version'
          USING ERRCODE = 'insufficient_privilege';
      END $$`,
      `CREATE TRIGGER disclosure_packages_append_only BEFORE UPDATE OR DELETE ON disclosure_packages
        FOR EACH ROW EXECUTE FUNCTION forge_disclosure_append_only()`,

      // When the application entered its stage (the funnel's days in stage) and when it was decided (the
      // register). Commands may set them from their clock in the same UPDATE; otherwise the trigger does.
      `ALTER TABLE applications ADD COLUMN stage_entered_at timestamptz`,
      `ALTER TABLE applications ADD COLUMN decided_at timestamptz`,
      `UPDATE applications a SET stage_entered_at = COALESCE(
         (SELECT max(e.occurred_at) FROM audit_events e WHERE e.application_id = a.id
            AND e.action IN ('application.submitted','application.stage_changed','application.withdrawn',
                             'application.rejected','committee.decided')),
         a.submitted_at, a.created_at)`,
      `UPDATE applications a SET decided_at = (SELECT max(e.occurred_at) FROM audit_events e
         WHERE e.application_id = a.id AND e.action IN ('committee.decided','application.rejected'))
       WHERE a.stage NOT IN ('draft','submitted','screening','esg_review','financing','committee','withdrawn')`,
      `ALTER TABLE applications ALTER COLUMN stage_entered_at SET DEFAULT now()`,
      `ALTER TABLE applications ALTER COLUMN stage_entered_at SET NOT NULL`,
      `CREATE FUNCTION forge_application_stage_clock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.stage IS DISTINCT FROM OLD.stage THEN
          IF NEW.stage_entered_at IS NOT DISTINCT FROM OLD.stage_entered_at THEN
            NEW.stage_entered_at := now();
          END IF;
          IF NEW.stage IN ('approved','rejected') AND NEW.decided_at IS NOT DISTINCT FROM OLD.decided_at THEN
            NEW.decided_at := NEW.stage_entered_at;
          END IF;
        END IF;
        RETURN NEW;
      END $$`,
      `CREATE TRIGGER applications_stage_clock BEFORE UPDATE OF stage ON applications
        FOR EACH ROW EXECUTE FUNCTION forge_application_stage_clock()`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'forge_app') THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON cofinancing_lines TO forge_app;
          GRANT SELECT, INSERT, UPDATE ON portfolio_policies, portfolio_lock TO forge_app;
          GRANT SELECT, INSERT ON disclosure_packages TO forge_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `DROP TRIGGER applications_stage_clock ON applications`,
      `DROP FUNCTION forge_application_stage_clock()`,
      `ALTER TABLE applications DROP COLUMN stage_entered_at, DROP COLUMN decided_at`,
      `DROP TABLE disclosure_packages, portfolio_lock, portfolio_policies, cofinancing_lines`,
      `DROP FUNCTION forge_disclosure_append_only()`,
      `DROP FUNCTION forge_portfolio_policy_immutable()`,
      `DROP FUNCTION forge_cofinancing_line_org()`,
      `ALTER TABLE users DROP CONSTRAINT users_partner_organization`,
      `ALTER TABLE users DROP CONSTRAINT users_roles_check`,
      `ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (cardinality(roles) > 0
        AND roles <@ ARRAY['sponsor','officer','committee','auditor','admin']::text[])`,
      `ALTER TABLE organizations DROP CONSTRAINT organizations_sector_of_cofinancier`,
      `ALTER TABLE organizations DROP COLUMN sector, DROP COLUMN kind`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }
}
