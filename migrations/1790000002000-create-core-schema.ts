import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Identity, applications and everything hanging off them: checks, screening, approvals, information requests,
 * documents, committee votes, conditions precedent, risk assessments, the scoring model registry, reference
 * snapshots and idempotency keys. Money is bigint dollars; versions are integers bumped by conditional UPDATEs.
 */
export class CreateCoreSchema1790000002000 implements MigrationInterface {
  name = 'CreateCoreSchema1790000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE organizations (
        id                   uuid        PRIMARY KEY,
        name                 text        NOT NULL,
        country              char(2)     NOT NULL,
        registration_number  text        NOT NULL,
        created_at           timestamptz NOT NULL DEFAULT now(),
        UNIQUE (country, registration_number)
      )`,
      `CREATE TABLE users (
        id               uuid        PRIMARY KEY,
        email            text        NOT NULL,
        password_hash    text        NOT NULL,
        display_name     text        NOT NULL,
        roles            text[]      NOT NULL CHECK (cardinality(roles) > 0
                           AND roles <@ ARRAY['sponsor','officer','committee','auditor','admin']::text[]),
        organization_id  uuid        REFERENCES organizations (id),
        disabled         boolean     NOT NULL DEFAULT false,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT ('sponsor' = ANY (roles)) OR organization_id IS NOT NULL)
      )`,
      `CREATE UNIQUE INDEX users_email_idx ON users (lower(email))`,

      // Gap-free human references per year: the counter row is locked in the creating transaction.
      `CREATE TABLE application_reference_counters (
        year  integer PRIMARY KEY,
        last  integer NOT NULL
      )`,
      `CREATE TABLE applications (
        id                 uuid        PRIMARY KEY,
        reference          text        NOT NULL UNIQUE,
        organization_id    uuid        NOT NULL REFERENCES organizations (id),
        created_by         uuid        NOT NULL REFERENCES users (id),
        stage              text        NOT NULL,
        version            integer     NOT NULL DEFAULT 1,
        assignee_id        uuid        REFERENCES users (id),
        input              jsonb       NOT NULL,
        proposed_category  text,
        category           text,
        category_rationale text,
        financing          jsonb,
        screening          jsonb,
        screening_version  integer,
        moved_to_committee_by uuid     REFERENCES users (id),
        committee_round    integer     NOT NULL DEFAULT 0,
        committee_decision text,
        ic_pack_hash       text,
        ic_assessment_id   uuid,
        band_override      text,
        submitted_at       timestamptz,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CHECK (stage IN ('draft','submitted','screening','esg_review','financing','committee','approved',
                         'financed','rejected','withdrawn'))
      )`,
      // Keyset pagination is (created_at, id) descending; the filters are served by small indexes.
      `CREATE INDEX applications_keyset_idx ON applications (created_at DESC, id DESC)`,
      `CREATE INDEX applications_org_idx ON applications (organization_id, created_at DESC, id DESC)`,
      `CREATE INDEX applications_stage_idx ON applications (stage)`,
      `CREATE INDEX applications_country_idx ON applications ((input->>'country'))`,
      `CREATE INDEX applications_mineral_idx ON applications ((input->>'mineral'))`,

      `CREATE TABLE checks (
        id              uuid        PRIMARY KEY,
        application_id  uuid        NOT NULL REFERENCES applications (id),
        code            text        NOT NULL,
        stage           text        NOT NULL,
        outcome         text        NOT NULL CHECK (outcome IN ('pass','fail','needs_review','waived')),
        automated       boolean     NOT NULL,
        detail          jsonb,
        note            text,
        resolved_by     uuid        REFERENCES users (id),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, code)
      )`,
      `CREATE TABLE screening_dispositions (
        id              uuid        PRIMARY KEY,
        application_id  uuid        NOT NULL REFERENCES applications (id),
        party_name      text        NOT NULL,
        disposition     text        NOT NULL CHECK (disposition IN ('true_match','false_positive')),
        note            text,
        decided_by      uuid        NOT NULL REFERENCES users (id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, party_name)
      )`,
      `CREATE TABLE approvals (
        id              uuid        PRIMARY KEY,
        application_id  uuid        NOT NULL REFERENCES applications (id),
        action          text        NOT NULL CHECK (action IN ('check.waive','screening.false_positive',
                                      'category.downgrade','risk.override','condition.satisfy')),
        subject         text        NOT NULL,
        payload         jsonb       NOT NULL DEFAULT '{}',
        maker_id        uuid        NOT NULL REFERENCES users (id),
        status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
        checker_id      uuid        REFERENCES users (id),
        note            text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        decided_at      timestamptz,
        CHECK (checker_id IS NULL OR checker_id <> maker_id)
      )`,
      // At most one pending item per (application, action, subject): the database enforces it too.
      `CREATE UNIQUE INDEX approvals_one_pending_idx ON approvals (application_id, action, subject) WHERE status = 'pending'`,
      `CREATE INDEX approvals_status_idx ON approvals (status, created_at)`,
      `CREATE TABLE information_requests (
        id              uuid        PRIMARY KEY,
        application_id  uuid        NOT NULL REFERENCES applications (id),
        stage           text        NOT NULL,
        question        text        NOT NULL,
        asked_by        uuid        NOT NULL REFERENCES users (id),
        asked_at        timestamptz NOT NULL DEFAULT now(),
        answer          text,
        document_ids    uuid[]      NOT NULL DEFAULT '{}',
        amendments      jsonb,
        answered_by     uuid        REFERENCES users (id),
        answered_at     timestamptz,
        status          text        NOT NULL DEFAULT 'open' CHECK (status IN ('open','answered'))
      )`,
      `CREATE INDEX information_requests_app_idx ON information_requests (application_id, status)`,
      `CREATE TABLE documents (
        id              uuid        PRIMARY KEY,
        application_id  uuid        NOT NULL REFERENCES applications (id),
        kind            text        NOT NULL,
        sha256          char(64)    NOT NULL,
        size            bigint      NOT NULL,
        media_type      text        NOT NULL,
        filename        text,
        uploaded_by     uuid        NOT NULL REFERENCES users (id),
        created_at      timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX documents_app_idx ON documents (application_id)`,
      `CREATE TABLE committee_votes (
        id                    uuid        PRIMARY KEY,
        application_id        uuid        NOT NULL REFERENCES applications (id),
        round                 integer     NOT NULL,
        user_id               uuid        NOT NULL REFERENCES users (id),
        decision              text        CHECK (decision IN ('approve','reject','abstain')),
        rationale             text        NOT NULL,
        conflict_of_interest  boolean     NOT NULL DEFAULT false,
        created_at            timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, round, user_id),
        CHECK ((decision IS NULL) = conflict_of_interest)
      )`,
      `CREATE TABLE conditions_precedent (
        id              uuid        PRIMARY KEY,
        application_id  uuid        NOT NULL REFERENCES applications (id),
        position        integer     NOT NULL,
        text            text        NOT NULL,
        satisfied       boolean     NOT NULL DEFAULT false,
        evidence        jsonb,
        satisfied_at    timestamptz
      )`,
      `CREATE INDEX conditions_precedent_app_idx ON conditions_precedent (application_id, position)`,

      `CREATE TABLE scoring_models (
        version       text        PRIMARY KEY,
        params        jsonb       NOT NULL,
        params_hash   char(64)    NOT NULL,
        active        boolean     NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now(),
        activated_at  timestamptz
      )`,
      `CREATE UNIQUE INDEX scoring_models_one_active_idx ON scoring_models (active) WHERE active`,
      // Append-only records; the unique key makes a re-delivered scoring job write nothing new.
      `CREATE TABLE risk_assessments (
        id                         uuid        PRIMARY KEY,
        application_id             uuid        NOT NULL REFERENCES applications (id),
        application_version        integer     NOT NULL,
        model_version              text        NOT NULL REFERENCES scoring_models (version),
        params_hash                char(64)    NOT NULL,
        inputs_hash                char(64)    NOT NULL,
        inputs                     jsonb       NOT NULL,
        reference_snapshot_hashes  jsonb       NOT NULL,
        result                     jsonb       NOT NULL,
        gross_score                integer     NOT NULL,
        gross_band                 text        NOT NULL,
        residual_score             integer     NOT NULL,
        residual_band              text        NOT NULL,
        computed_at                timestamptz NOT NULL,
        job_id                     text        NOT NULL,
        UNIQUE (application_id, inputs_hash, model_version)
      )`,
      `CREATE INDEX risk_assessments_app_idx ON risk_assessments (application_id, computed_at DESC)`,
      `CREATE TABLE risk_band_overrides (
        id              uuid        PRIMARY KEY,
        application_id  uuid        NOT NULL REFERENCES applications (id),
        assessment_id   uuid        NOT NULL REFERENCES risk_assessments (id),
        band            text        NOT NULL CHECK (band IN ('low','moderate','substantial','high')),
        rationale       text        NOT NULL,
        approval_id     uuid        NOT NULL REFERENCES approvals (id),
        created_at      timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE scoring_job_failures (
        job_id          text        PRIMARY KEY,
        application_id  uuid        NOT NULL REFERENCES applications (id),
        reason          text        NOT NULL,
        attempts        integer     NOT NULL,
        failed_at       timestamptz NOT NULL DEFAULT now()
      )`,

      `CREATE TABLE reference_snapshots (
        id          uuid        PRIMARY KEY,
        kind        text        NOT NULL CHECK (kind IN ('countries','minerals','sanctions')),
        name        text        NOT NULL,
        sha256      char(64)    NOT NULL,
        content     jsonb       NOT NULL,
        entries     integer     NOT NULL,
        active      boolean     NOT NULL DEFAULT false,
        loaded_by   text        NOT NULL,
        loaded_at   timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE UNIQUE INDEX reference_snapshots_one_active_idx ON reference_snapshots (kind) WHERE active`,

      `CREATE TABLE idempotency_keys (
        user_id          uuid        NOT NULL,
        key              text        NOT NULL,
        method           text        NOT NULL,
        path             text        NOT NULL,
        request_hash     char(64)    NOT NULL,
        state            text        NOT NULL CHECK (state IN ('in_progress','completed')),
        response_status  integer,
        response_body    jsonb,
        created_at       timestamptz NOT NULL DEFAULT now(),
        expires_at       timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`,
      `CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at)`,
      `CREATE TABLE login_attempts (
        id          bigserial   PRIMARY KEY,
        email       text        NOT NULL,
        ip          text        NOT NULL,
        succeeded   boolean     NOT NULL,
        at          timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX login_attempts_email_idx ON login_attempts (lower(email), at)`,
      `CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'forge_app') THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO forge_app;
          GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO forge_app;
          REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_merkle_nodes, audit_checkpoints FROM forge_app;
          REVOKE DELETE, TRUNCATE ON audit_head, risk_assessments FROM forge_app;
          REVOKE UPDATE ON risk_assessments FROM forge_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE login_attempts, idempotency_keys, reference_snapshots, scoring_job_failures,
      risk_band_overrides, risk_assessments, scoring_models, conditions_precedent, committee_votes, documents,
      information_requests, approvals, screening_dispositions, checks, applications, application_reference_counters,
      users, organizations`);
  }
}
