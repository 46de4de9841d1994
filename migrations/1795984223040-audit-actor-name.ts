import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 13.11: the actor's display name as of the event, recorded at append time and hashed with the event
 * (`actor.name`). Events already in the trail keep none: their hash covers `{ id, role }`, and the name an account
 * has today is not the name it had then, so nothing is backfilled (docs/audit.md, "Who acted").
 */
export class AuditActorName1795984223040 implements MigrationInterface {
  name = 'AuditActorName1795984223040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_events ADD COLUMN actor_name text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_events DROP COLUMN actor_name`);
  }
}
