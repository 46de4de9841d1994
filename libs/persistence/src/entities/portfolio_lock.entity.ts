import { EntitySchema } from 'typeorm';

/** A row of `portfolio_lock` as the migrations build it (test/integration/schema/entities.spec.ts keeps the two equal). */
export interface PortfolioLockRow {
  id: boolean;
  locked_at: Date | null;
}

export const PortfolioLockEntity = new EntitySchema<PortfolioLockRow>({
  name: 'portfolio_lock',
  tableName: 'portfolio_lock',
  columns: {
    id: { type: 'boolean', primary: true, nullable: false },
    locked_at: { type: 'timestamp with time zone', nullable: true },
  },
});
