import { EntitySchema } from 'typeorm';

/** A row of `audit_head` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface AuditHeadRow {
  id: number;
  seq: string;
  hash: string;
}

export const AuditHeadEntity = new EntitySchema<AuditHeadRow>({
  name: 'audit_head',
  tableName: 'audit_head',
  columns: {
    id: { type: 'smallint', primary: true, nullable: false },
    seq: { type: 'bigint', nullable: false },
    hash: { type: 'character', length: 64, nullable: false },
  },
});
