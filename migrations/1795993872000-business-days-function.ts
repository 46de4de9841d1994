import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `forge_add_business_days(start, days, weekend_days, holidays)`: the SQL twin of the pure domain's
 * `addBusinessDays` (libs/domain/src/deadlines/business-calendar.ts), so `GET /applications` can filter and sort by
 * due time in SQL. Same steps: add 24 hours at a time and count the UTC days that are neither a weekend day (0 Sunday
 * … 6 Saturday) nor a holiday, keeping the time of day. The calendar is an argument (configuration), never a table.
 * test/integration/messaging/due-times-sql.spec.ts holds the two to the same answers.
 */
export class BusinessDaysFunction1795993872000 implements MigrationInterface {
  name = 'BusinessDaysFunction1795993872000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION forge_add_business_days(start timestamptz, days integer, weekend_days integer[], holidays date[])
      RETURNS timestamptz LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      DECLARE
        t timestamptz := start;
        counted integer := 0;
      BEGIN
        IF days < 0 THEN
          RAISE EXCEPTION 'business days must be a non-negative integer, not %', days;
        END IF;
        IF cardinality(ARRAY(SELECT DISTINCT unnest(weekend_days))) >= 7 THEN
          RAISE EXCEPTION 'every day is a weekend day';
        END IF;
        WHILE counted < days LOOP
          t := t + interval '24 hours';
          IF NOT (extract(dow FROM t AT TIME ZONE 'UTC')::integer = ANY (weekend_days))
             AND NOT ((t AT TIME ZONE 'UTC')::date = ANY (holidays)) THEN
            counted := counted + 1;
          END IF;
        END LOOP;
        RETURN t;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION forge_add_business_days(timestamptz, integer, integer[], date[])`);
  }
}
