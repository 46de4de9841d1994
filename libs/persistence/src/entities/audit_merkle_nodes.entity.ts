import { EntitySchema } from 'typeorm';

/** A row of `audit_merkle_nodes` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface AuditMerkleNodesRow {
  level: number;
  idx: string;
  hash: Buffer;
}

export const AuditMerkleNodesEntity = new EntitySchema<AuditMerkleNodesRow>({
  name: 'audit_merkle_nodes',
  tableName: 'audit_merkle_nodes',
  columns: {
    level: { type: 'smallint', primary: true, nullable: false },
    idx: { type: 'bigint', primary: true, nullable: false },
    hash: { type: 'bytea', nullable: false },
  },
});
