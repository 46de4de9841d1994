import { DomainError } from '../errors/domain-error.js';
import { hasRole, type Actor } from '../pipeline/roles.js';
import { compareVersions } from './portfolio-policy.define.js';
import type { PortfolioPolicyParams } from './portfolio-policy.js';

/**
 * Four eyes on the portfolio policy (portfolio.md): an admin proposes a new version, a different
 * admin approves it (it becomes active) or rejects it (kept, never deleted). Both are audited by
 * the caller; the active version's hash is recorded on every evaluation.
 */
export const POLICY_PROPOSAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type PolicyProposalStatus = (typeof POLICY_PROPOSAL_STATUSES)[number];

export interface PolicyProposalFact {
  id: string;
  policy: string;
  version: string;
  proposedBy: string;
  status: PolicyProposalStatus;
}

function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) {
    throw new DomainError('AUTH.FORBIDDEN', 'only an admin changes the portfolio policy');
  }
}

/**
 * A proposal may be made when: the actor is an admin; no other proposal is pending (one change at
 * a time, 409 `POLICY.PROPOSAL_PENDING`); the version is new and later than every known version
 * of that policy (409 `POLICY.VERSION_EXISTS`, 400 `POLICY.VERSION_NOT_LATER`).
 */
export function assertPolicyProposable(
  actor: Actor,
  params: PortfolioPolicyParams,
  known: { versions: readonly { policy: string; version: string }[]; pending: PolicyProposalFact | null },
): void {
  requireAdmin(actor);
  if (known.pending !== null) {
    throw new DomainError(
      'POLICY.PROPOSAL_PENDING',
      `${known.pending.policy} ${known.pending.version} is awaiting a second admin: approve or reject it first`,
    );
  }
  const same = known.versions.filter((v) => v.policy === params.policy);
  if (same.some((v) => v.version === params.version)) {
    throw new DomainError('POLICY.VERSION_EXISTS', `${params.policy} ${params.version} already exists`, [
      { field: 'version', message: 'a version is never reused or edited: propose a new one' },
    ]);
  }
  const later = same.find((v) => compareVersions(v.version, params.version) > 0);
  if (later !== undefined) {
    throw new DomainError(
      'POLICY.VERSION_NOT_LATER',
      `${params.version} is not later than ${later.version}`,
      [{ field: 'version', message: `must be later than ${later.version}` }],
    );
  }
}

/**
 * The second admin's decision on a pending proposal: `approved` (the caller activates the version)
 * or `rejected`. The maker never checks their own proposal (403 `APPROVAL.SELF_APPROVAL`); a
 * decided proposal cannot be decided again (409 `POLICY.NOT_PENDING`).
 */
export function decidePolicyProposal(
  proposal: PolicyProposalFact,
  actor: Actor,
  decision: 'approve' | 'reject',
): PolicyProposalStatus {
  requireAdmin(actor);
  if (proposal.status !== 'pending') {
    throw new DomainError('POLICY.NOT_PENDING', `the proposal is already ${proposal.status}`);
  }
  if (proposal.proposedBy === actor.id) {
    throw new DomainError('APPROVAL.SELF_APPROVAL', 'a second admin must decide on a policy proposal');
  }
  return decision === 'approve' ? 'approved' : 'rejected';
}
