import { EntitySchema } from 'typeorm';
import type { PortfolioPolicyParams } from '@forge/domain';

/** A row of `portfolio_policies` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface PortfolioPoliciesRow {
  id: string;
  policy: string;
  version: string;
  /** The version as parsed when proposed; readers parse it again and compare its hash (a tampered row fails). */
  params: PortfolioPolicyParams;
  params_hash: string;
  status: string;
  active: boolean;
  built_in: boolean;
  proposed_by: string | null;
  proposed_at: Date;
  rationale: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  activated_at: Date | null;
}

export const PortfolioPoliciesEntity = new EntitySchema<PortfolioPoliciesRow>({
  name: 'portfolio_policies',
  tableName: 'portfolio_policies',
  columns: {
    id: { type: 'uuid', primary: true, nullable: false },
    policy: { type: 'text', nullable: false },
    version: { type: 'text', nullable: false },
    params: { type: 'jsonb', nullable: false },
    params_hash: { type: 'character', length: 64, nullable: false },
    status: { type: 'text', nullable: false },
    active: { type: 'boolean', nullable: false },
    built_in: { type: 'boolean', nullable: false },
    proposed_by: { type: 'uuid', nullable: true },
    proposed_at: { type: 'timestamp with time zone', nullable: false },
    rationale: { type: 'text', nullable: true },
    decided_by: { type: 'uuid', nullable: true },
    decided_at: { type: 'timestamp with time zone', nullable: true },
    decision_note: { type: 'text', nullable: true },
    activated_at: { type: 'timestamp with time zone', nullable: true },
  },
});
