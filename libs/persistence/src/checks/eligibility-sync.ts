import { type EntityManager } from 'typeorm';
import { CHECK_CODES, evaluateScreeningChecks } from '@forge/domain';
import { activeReferenceSnapshot } from '../reference/reference-snapshots.repository.js';
import { loadScreeningSubject } from '../screening/screening-subject.js';
import {
  loadChecks,
  mergeAutomatedChecks,
  writeChecks,
  type ApprovalTiming,
  type CheckWriteSummary,
} from './checks.repository.js';

export interface EligibilitySyncParams {
  minTicketUsd?: number;
  maxTicketUsd?: number;
}

/**
 * Re-evaluates the eligibility checks (`ELIG.COUNTRY`, `ELIG.MINERAL`, `ELIG.TICKET`, `ELIG.EQUATOR`) on the
 * application's present input with the active reference data, merged with officer resolutions
 * (`mergeCheckOutcome`). Used after an amendment, so a changed amount is judged at once, in the amending
 * transaction, not only when the screening job runs. `SANCTIONS.PARTIES` is left to the screening job (it
 * needs the list). Nothing before the first screening (the job creates the checks). No audit event of its
 * own: the caller's command writes one.
 */
export async function refreshEligibilityChecks(
  manager: EntityManager,
  applicationId: string,
  timing: ApprovalTiming,
  params: EligibilitySyncParams = {},
): Promise<CheckWriteSummary> {
  const subject = await loadScreeningSubject(manager, applicationId);
  if (!subject?.screening) return { created: [], updated: [], unchanged: [] };
  // One after the other: `manager` may be a transaction's, and a client runs one query at a time.
  const countries = await activeReferenceSnapshot(manager, 'countries');
  const minerals = await activeReferenceSnapshot(manager, 'minerals');
  if (!countries || !minerals) throw new Error('reference data not loaded');
  const eligibility = evaluateScreeningChecks({
    input: subject.input,
    countries: { content: countries.content, sha256: countries.sha256 },
    minerals: { content: minerals.content, sha256: minerals.sha256 },
    screening: subject.screening,
    params: {
      ...(params.minTicketUsd !== undefined ? { minTicketUsd: params.minTicketUsd } : {}),
      ...(params.maxTicketUsd !== undefined ? { maxTicketUsd: params.maxTicketUsd } : {}),
    },
  }).filter((check) => check.code !== CHECK_CODES.SANCTIONS_PARTIES);
  const existing = await loadChecks(manager, applicationId, true);
  return writeChecks(
    manager,
    applicationId,
    existing,
    mergeAutomatedChecks(existing, eligibility).map((m) => m.write),
    timing,
  );
}
