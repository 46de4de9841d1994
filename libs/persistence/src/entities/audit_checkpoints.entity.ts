import { EntitySchema } from 'typeorm';

/** A row of `audit_checkpoints` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface AuditCheckpointsRow {
  tree_size: string;
  root_hash: string;
  timestamp: string;
  signature: string;
  created_at: Date;
}

export const AuditCheckpointsEntity = new EntitySchema<AuditCheckpointsRow>({
  name: 'audit_checkpoints',
  tableName: 'audit_checkpoints',
  columns: {
    tree_size: { type: 'bigint', primary: true, nullable: false },
    root_hash: { type: 'character', length: 64, nullable: false },
    timestamp: { type: 'text', nullable: false },
    signature: { type: 'text', nullable: false },
    created_at: { type: 'timestamp with time zone', nullable: false },
  },
});
