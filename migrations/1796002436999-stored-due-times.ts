import { type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  DEFAULT_DEADLINE_POLICY,
  POST_CLOSE_STAGES,
  STAGES,
  businessCalendar,
  parseStageSlaDays,
} from '@forge/domain';

/**
 * Issue 18, item 5: `overdue=` and `sort=due` cost the same at 100,000 applications as at 1,000.
 *
 * The list computed each application's due time per row from seven sources through `forge_add_business_days` (a
 * loop per calendar day). Due times are now stored when the waiting work is created, computed in TypeScript by the
 * pure domain's `dueAt` with the configured calendar (monitoring.md "Deadlines, escalation"; docs/notifications.md
 * "Due times are fixed when the work is created"):
 *
 * - `applications.stage_due_at`: the stage's due time, set with `stage_entered_at` at each stage change; a stage
 *   change that does not give one (a writer outside the commands) clears it, and the overdue job stamps it;
 * - `applications.next_report_due_date`: the due date of the next annual report not yet filed (the year of close
 *   first), set at financial close and at each filing;
 * - `information_requests.due_at`, `approvals.due_at`, `disbursements.due_at`: set when asked, created, requested.
 *
 * ESAP items (`due_date`) and committee rounds (`deadline`) already stored theirs. The application's earliest due
 * time of its waiting work is kept in `applications.due_at` by triggers, the way `current_residual_band` is kept
 * (migration ListSearchIndexes1795993071522): a trigger, so that no writer can leave it stale. Indexed as
 * `COALESCE(due_at, 'infinity')` with the id: the keyset order of `sort=due` (NULLs last, ties by id) and the range
 * of `overdue=true` in one index.
 *
 * Backfill: waiting work already in the database gets its due time from the deadline configuration in the
 * environment at migration time (the same variables and defaults as libs/config), through
 * `forge_add_business_days` (migration 1795993872000, the SQL twin of `addBusinessDays`).
 */
export class StoredDueTimes1796002436999 implements MigrationInterface {
  name = 'StoredDueTimes1796002436999';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string, params?: unknown[]) => queryRunner.query(sql, params);
    await q(`ALTER TABLE applications ADD COLUMN stage_due_at timestamptz, ADD COLUMN next_report_due_date date,
               ADD COLUMN due_at timestamptz`);
    await q(`ALTER TABLE information_requests ADD COLUMN due_at timestamptz`);
    await q(`ALTER TABLE approvals ADD COLUMN due_at timestamptz`);
    await q(`ALTER TABLE disbursements ADD COLUMN due_at timestamptz`);

    // The backfill, with the configuration of the environment the migration runs in.
    const env = process.env;
    const int = (value: string | undefined, fallback: number) =>
      value === undefined || value === '' ? fallback : Number.parseInt(value, 10);
    const sla = parseStageSlaDays(
      env.STAGE_SLA_DAYS ?? 'screening=5,esg_review=30,financing=30,committee=14',
      [...STAGES, ...POST_CLOSE_STAGES],
    );
    const calendar = businessCalendar(
      [0, 6],
      (env.BUSINESS_HOLIDAYS ?? '')
        .split(',')
        .map((d) => d.trim())
        .filter((d) => d !== ''),
    );
    const [month, day] = (env.AMR_DUE_MONTH_DAY ?? '04-30').split('-').map(Number);
    const cal = [calendar.weekendDays, calendar.holidays];
    const add = (start: string, days: string) =>
      `forge_add_business_days(${start}, ${days}, $1::integer[], $2::date[])`;
    await q(
      `UPDATE applications SET stage_due_at = ${add('stage_entered_at', `($3::jsonb ->> stage)::integer`)}
        WHERE $3::jsonb ? stage`,
      [...cal, JSON.stringify(sla)],
    );
    await q(
      `UPDATE information_requests SET due_at = ${add('asked_at', '$3::integer')} WHERE status = 'open'`,
      [...cal, int(env.INFORMATION_REQUEST_DAYS, DEFAULT_DEADLINE_POLICY.informationRequestBusinessDays)],
    );
    await q(`UPDATE approvals SET due_at = ${add('created_at', '$3::integer')} WHERE status = 'pending'`, [
      ...cal,
      int(env.APPROVAL_DAYS, DEFAULT_DEADLINE_POLICY.approvalBusinessDays),
    ]);
    await q(
      `UPDATE disbursements SET due_at = ${add('requested_at', '$3::integer')} WHERE status = 'requested'`,
      [...cal, int(env.DISBURSEMENT_REQUEST_DAYS, DEFAULT_DEADLINE_POLICY.disbursementRequestBusinessDays)],
    );
    // The first year from the year of close without a report; its report is due on AMR_DUE_MONTH_DAY of the next year.
    await q(
      `UPDATE applications a SET next_report_due_date = make_date(n.year + 1, $1::integer, $2::integer)
         FROM (SELECT a2.id, min(y) AS year
                 FROM applications a2,
                      generate_series(extract(year FROM a2.financed_at AT TIME ZONE 'UTC')::integer,
                        GREATEST(extract(year FROM a2.financed_at AT TIME ZONE 'UTC')::integer,
                                 (SELECT max(r.year) FROM monitoring_reports r WHERE r.application_id = a2.id)) + 1) y
                WHERE a2.financed_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM monitoring_reports r WHERE r.application_id = a2.id AND r.year = y)
                GROUP BY a2.id) n
        WHERE a.id = n.id`,
      [month, day],
    );

    // The application's earliest due time: the same work the overdue job (libs/messaging DeadlineSweep) sees.
    await q(`CREATE FUNCTION forge_application_due_at(app uuid, app_stage text, stage_due timestamptz,
                                                      report_due date)
      RETURNS timestamptz LANGUAGE sql STABLE AS $$
        SELECT LEAST(
          stage_due,
          CASE WHEN app_stage IN ('financed','disbursing','monitoring')
               THEN (report_due + 1)::timestamp AT TIME ZONE 'UTC' END,
          (SELECT min(r.deadline) FROM committee_rounds r
            WHERE r.application_id = app AND r.closed_at IS NULL AND app_stage = 'committee'),
          (SELECT min(ir.due_at) FROM information_requests ir WHERE ir.application_id = app AND ir.status = 'open'),
          (SELECT min(ap.due_at) FROM approvals ap WHERE ap.application_id = app AND ap.status = 'pending'),
          (SELECT min(d.due_at) FROM disbursements d WHERE d.application_id = app AND d.status = 'requested'),
          (SELECT min((e.due_date + 1)::timestamp AT TIME ZONE 'UTC') FROM esap_items e
            WHERE e.application_id = app AND e.status <> 'verified'
              AND app_stage NOT IN ('repaid','written_off','rejected','withdrawn')))
      $$`);
    // On the application: a stage change without its own stage due time clears the old one, a change of the
    // financial close without its own report due date clears that (the overdue job stamps the new ones: a writer
    // outside the commands); any change of what the due time derives from recomputes it.
    await q(`CREATE FUNCTION applications_due_at_own() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.stage IS DISTINCT FROM OLD.stage
           AND NEW.stage_due_at IS NOT DISTINCT FROM OLD.stage_due_at THEN
          NEW.stage_due_at := NULL;
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.financed_at IS DISTINCT FROM OLD.financed_at
           AND NEW.next_report_due_date IS NOT DISTINCT FROM OLD.next_report_due_date THEN
          NEW.next_report_due_date := NULL;
        END IF;
        IF TG_OP = 'INSERT' OR NEW.stage IS DISTINCT FROM OLD.stage
           OR NEW.stage_due_at IS DISTINCT FROM OLD.stage_due_at
           OR NEW.next_report_due_date IS DISTINCT FROM OLD.next_report_due_date THEN
          NEW.due_at := forge_application_due_at(NEW.id, NEW.stage, NEW.stage_due_at, NEW.next_report_due_date);
        END IF;
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER applications_due_at BEFORE INSERT OR UPDATE OF stage, stage_due_at, financed_at,
                 next_report_due_date
               ON applications FOR EACH ROW EXECUTE FUNCTION applications_due_at_own()`);
    await q(`CREATE FUNCTION applications_refresh_due_at(target uuid) RETURNS void LANGUAGE sql AS $$
        UPDATE applications a SET due_at = n.due
          FROM (SELECT id, forge_application_due_at(id, stage, stage_due_at, next_report_due_date) AS due
                  FROM applications WHERE id = target) n
         WHERE a.id = n.id AND a.due_at IS DISTINCT FROM n.due
      $$`);
    await q(`CREATE FUNCTION applications_due_at_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.application_id IS NOT NULL THEN
          PERFORM applications_refresh_due_at(OLD.application_id);
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.application_id IS NOT NULL
           AND (TG_OP = 'INSERT' OR NEW.application_id IS DISTINCT FROM OLD.application_id) THEN
          PERFORM applications_refresh_due_at(NEW.application_id);
        END IF;
        RETURN NULL;
      END $$`);
    for (const [table, columns] of FOLLOWED) {
      await q(`CREATE TRIGGER ${table}_due_at AFTER INSERT OR DELETE OR UPDATE OF application_id, ${columns}
                 ON ${table} FOR EACH ROW EXECUTE FUNCTION applications_due_at_follow()`);
    }
    await q(
      `UPDATE applications SET due_at = forge_application_due_at(id, stage, stage_due_at, next_report_due_date)`,
    );
    await q(
      `CREATE INDEX applications_due_idx ON applications ((COALESCE(due_at, 'infinity'::timestamptz)), id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX applications_due_idx`);
    for (const [table] of FOLLOWED) await queryRunner.query(`DROP TRIGGER ${table}_due_at ON ${table}`);
    await queryRunner.query(`DROP TRIGGER applications_due_at ON applications`);
    await queryRunner.query(`DROP FUNCTION applications_due_at_follow()`);
    await queryRunner.query(`DROP FUNCTION applications_refresh_due_at(uuid)`);
    await queryRunner.query(`DROP FUNCTION applications_due_at_own()`);
    await queryRunner.query(`DROP FUNCTION forge_application_due_at(uuid, text, timestamptz, date)`);
    await queryRunner.query(`ALTER TABLE disbursements DROP COLUMN due_at`);
    await queryRunner.query(`ALTER TABLE approvals DROP COLUMN due_at`);
    await queryRunner.query(`ALTER TABLE information_requests DROP COLUMN due_at`);
    await queryRunner.query(
      `ALTER TABLE applications DROP COLUMN due_at, DROP COLUMN next_report_due_date, DROP COLUMN stage_due_at`,
    );
  }
}

/** The tables whose rows are an application's waiting work, and the columns its due time reads from them. */
const FOLLOWED: ReadonlyArray<readonly [string, string]> = [
  ['committee_rounds', 'deadline, closed_at'],
  ['information_requests', 'status, due_at'],
  ['approvals', 'status, due_at'],
  ['disbursements', 'status, due_at'],
  ['esap_items', 'status, due_date'],
];
