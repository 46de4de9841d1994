import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The W3C trace context (traceparent, tracestate) of the command that wrote an outbox row, so the job it causes
 * continues the request's trace (docs/operations.md, "Traces"). NULL when tracing was off.
 */
export class OutboxTraceContext1795990891814 implements MigrationInterface {
  name = 'OutboxTraceContext1795990891814';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox ADD COLUMN trace_context jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox DROP COLUMN trace_context`);
  }
}
