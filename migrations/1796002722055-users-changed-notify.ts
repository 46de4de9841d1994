import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Every change to an account announces itself: `pg_notify('forge_users_changed', <user id>)` after each UPDATE or
 * DELETE of a `users` row, and `'*'` after a TRUNCATE. The API keeps a per-process cache of the account check
 * (state, roles, auth version) and drops an entry when its user's notification arrives
 * (apps/api/src/auth/account-state.cache.ts; docs/identity.md, "The account check"). A notification is sent at
 * COMMIT, so a rolled-back change announces nothing.
 */
export class UsersChangedNotify1796002722055 implements MigrationInterface {
  name = 'UsersChangedNotify1796002722055';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION forge_users_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM pg_notify('forge_users_changed', '*');
        ELSE
          PERFORM pg_notify('forge_users_changed', OLD.id::text);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER users_changed_notify AFTER UPDATE OR DELETE ON users
        FOR EACH ROW EXECUTE FUNCTION forge_users_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER users_truncated_notify AFTER TRUNCATE ON users
        FOR EACH STATEMENT EXECUTE FUNCTION forge_users_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER users_truncated_notify ON users');
    await queryRunner.query('DROP TRIGGER users_changed_notify ON users');
    await queryRunner.query('DROP FUNCTION forge_users_changed()');
  }
}
