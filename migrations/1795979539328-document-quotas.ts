import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Upload quotas and the sweep of unreferenced stored files (issue 12): documents found by their content (is a
 * stored file still referenced?) and by uploader and time (bytes a user stored in the last hour).
 */
export class DocumentQuotas1795979539328 implements MigrationInterface {
  name = 'DocumentQuotas1795979539328';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX documents_sha256_idx ON documents (sha256)');
    await queryRunner.query('CREATE INDEX documents_uploader_idx ON documents (uploaded_by, created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX documents_uploader_idx');
    await queryRunner.query('DROP INDEX documents_sha256_idx');
  }
}
