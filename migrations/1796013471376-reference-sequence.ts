import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Application references (`FORGE-YYYY-NNNNNN`) take their number from one PostgreSQL sequence instead of a per-year
 * counter row locked until the creating transaction commits: that lock made every creation wait for the one
 * before it (issue 18.4). `nextval` takes no lock a transaction keeps, so creations no longer serialise; in return
 * a rolled-back creation leaves a gap, and the number does not restart each year (api.md promises the format only,
 * docs/pipeline.md "References"). The sequence starts past every number already given, whatever its year, so no
 * existing reference can be issued again.
 */
export class ReferenceSequence1796013471376 implements MigrationInterface {
  name = 'ReferenceSequence1796013471376';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [row]: Array<{ next: string }> = await queryRunner.query(`
      SELECT GREATEST(
               (SELECT COALESCE(MAX(last), 0) FROM application_reference_counters),
               (SELECT COALESCE(MAX(substr(reference, 12)::bigint), 0) FROM applications
                 WHERE reference ~ '^FORGE-[0-9]{4}-[0-9]{6}$')
             ) + 1 AS next`);
    await queryRunner.query(
      `CREATE SEQUENCE application_reference_seq AS integer MINVALUE 1 START WITH ${Number(row!.next)}`,
    );
    await queryRunner.query('DROP TABLE application_reference_counters');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE application_reference_counters (year integer PRIMARY KEY, last integer NOT NULL)`,
    );
    await queryRunner.query(`
      INSERT INTO application_reference_counters (year, last)
      SELECT substr(reference, 7, 4)::integer, MAX(substr(reference, 12)::integer) FROM applications
       WHERE reference ~ '^FORGE-[0-9]{4}-[0-9]{6}$' GROUP BY 1`);
    await queryRunner.query('DROP SEQUENCE application_reference_seq');
  }
}
