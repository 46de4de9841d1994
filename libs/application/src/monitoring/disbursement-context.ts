import { type EntityManager } from 'typeorm';
import { effectiveTranches, type DisbursementContext, type Tranche } from '@forge/domain';
import { listDisbursements, type ApplicationAggregate, type DisbursementRecord } from '@forge/persistence';

/** The tranches recorded on the financing structure (monitoring.md), or the default single tranche. */
export function tranchesOf(aggregate: ApplicationAggregate): Tranche[] {
  const financing = aggregate.application.financing;
  return effectiveTranches(
    financing?.tranches ?? null,
    financing?.amountUsd ?? 0,
    aggregate.conditions.map((c) => c.id),
  );
}

/** What the disbursement rules read: tranches, every disbursement, conditions precedent and ESAP items. */
export async function loadDisbursementContext(
  manager: EntityManager,
  aggregate: ApplicationAggregate,
): Promise<DisbursementContext & { disbursements: DisbursementRecord[] }> {
  const app = aggregate.application;
  const disbursements = await listDisbursements(manager, app.id);
  const esap: { id: string; status: string }[] = await manager.query(
    `SELECT id, status FROM esap_items WHERE application_id = $1`,
    [app.id],
  );
  return {
    applicationId: app.id,
    organizationId: app.organizationId,
    stage: app.stage,
    forgeAmountUsd: app.financing?.amountUsd ?? 0,
    tranches: tranchesOf(aggregate),
    disbursements,
    conditions: [
      ...aggregate.conditions.map((c) => ({
        id: c.id,
        kind: 'condition_precedent' as const,
        satisfied: c.satisfied,
      })),
      ...esap.map((e) => ({ id: e.id, kind: 'esap_item' as const, satisfied: e.status === 'verified' })),
    ],
  };
}
