import { type EntityManager } from 'typeorm';

/**
 * (Re)creates the ESG/TRANS checks required by the application's confirmed category and re-evaluates the
 * automated ones (checks.md). PLACEHOLDER until the checks issue lands: it creates nothing, so the esg_review
 * guards fail closed.
 */
export async function refreshEsgChecks(_manager: EntityManager, _applicationId: string): Promise<void> {}

/**
 * Recomputes the stored screening result from the last screening and the dispositions (after a disposition
 * or an approved false positive). PLACEHOLDER until the checks issue lands.
 */
export async function recomputeScreening(_manager: EntityManager, _applicationId: string): Promise<void> {}
