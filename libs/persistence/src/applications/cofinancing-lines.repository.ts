import { type EntityManager } from 'typeorm';

/**
 * The amounts of an application's co-financing lines (portfolio.md; table `cofinancing_lines`), as the
 * financing guards read them: co-financing plus the FORGE amount never exceeds the capex.
 */
export async function listCoFinancingAmounts(
  manager: EntityManager,
  applicationId: string,
): Promise<Array<{ amountUsd: number }>> {
  const rows: Array<{ amount_usd: string }> = await manager.query(
    `SELECT amount_usd FROM cofinancing_lines WHERE application_id = $1 ORDER BY organization_id, instrument`,
    [applicationId],
  );
  return rows.map((row) => ({ amountUsd: Number(row.amount_usd) }));
}
