import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { appendAuditEvent } from '@forge/audit';
import {
  assertPolicyProposable,
  decidePolicyProposal,
  DEFAULT_PORTFOLIO_POLICY,
  DomainError,
  hasRole,
  parsePortfolioPolicy,
  portfolioPolicyHash,
  type Actor,
  type PortfolioPolicyParams,
} from '@forge/domain';
import {
  decidePortfolioPolicy,
  insertPortfolioPolicy,
  listPortfolioPolicies,
  lockPortfolio,
  UnitOfWork,
  type PortfolioPolicyRecord,
} from '@forge/persistence';
import { Clock } from '../clock.js';

/**
 * A policy version as the admins see it (the built-in FORGE-PP 1.0.0 first when it was never stored), its
 * parameters read back through the same parser a proposal passed.
 */
export type PortfolioPolicyVersion = Omit<PortfolioPolicyRecord, 'params'> & {
  params: PortfolioPolicyParams;
};

function versionOf(record: PortfolioPolicyRecord): PortfolioPolicyVersion {
  return { ...record, params: parsePortfolioPolicy(record.params) };
}

function builtIn(activeStored: boolean): PortfolioPolicyVersion {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    policy: DEFAULT_PORTFOLIO_POLICY.policy,
    version: DEFAULT_PORTFOLIO_POLICY.version,
    params: DEFAULT_PORTFOLIO_POLICY,
    paramsHash: portfolioPolicyHash(DEFAULT_PORTFOLIO_POLICY),
    status: 'approved',
    active: !activeStored,
    builtIn: true,
    proposedBy: null,
    proposedAt: '1970-01-01T00:00:00.000Z',
    rationale: 'Built in (portfolio.md defaults)',
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    activatedAt: null,
  };
}

function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin'))
    throw new DomainError('AUTH.FORBIDDEN', 'only admins change the portfolio policy');
}

/**
 * The portfolio policy's four eyes (portfolio.md "Concentration limits"): an admin proposes a new version (the whole
 * set of limits, a later version number), a different admin approves it (it becomes the active version) or
 * rejects it (kept on record). The maker-checker rule of the approvals inbox applies as is: the maker never
 * decides (403 `APPROVAL.SELF_APPROVAL`), a decided proposal is not decided again. Every step is one transaction
 * with one audit event carrying the version's SHA-256; the approval takes the portfolio lock first, so no decision
 * is evaluated half under the old limits and half under the new.
 */
@Injectable()
export class PortfolioPolicyCommands {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  list(actor: Actor): Promise<PortfolioPolicyVersion[]> {
    requireAdmin(actor);
    return this.unitOfWork.read(async (manager) => {
      const stored = await listPortfolioPolicies(manager);
      return this.withBuiltIn(stored);
    });
  }

  propose(actor: Actor, params: unknown, rationale: string): Promise<PortfolioPolicyVersion> {
    requireAdmin(actor);
    const parsed = parsePortfolioPolicy(params);
    return this.unitOfWork.run(async (manager) => {
      const stored = await listPortfolioPolicies(manager, { lock: true });
      const pending = stored.find((p) => p.status === 'pending') ?? null;
      assertPolicyProposable(actor, parsed, {
        versions: this.withBuiltIn(stored),
        pending: pending && { ...pending, proposedBy: pending.proposedBy ?? '' },
      });
      const record: PortfolioPolicyRecord = {
        id: randomUUID(),
        policy: parsed.policy,
        version: parsed.version,
        params: parsed,
        paramsHash: portfolioPolicyHash(parsed),
        status: 'pending',
        active: false,
        builtIn: false,
        proposedBy: actor.id,
        proposedAt: this.clock.now().toISOString(),
        rationale,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        activatedAt: null,
      };
      await insertPortfolioPolicy(manager, record);
      await appendAuditEvent(manager, {
        actor: { id: actor.id, role: 'admin' },
        action: 'portfolio_policy.proposed',
        subject: { type: 'portfolio_policy', id: record.id },
        reason: rationale,
        after: {
          policy: record.policy,
          version: record.version,
          paramsHash: record.paramsHash,
          params: {
            policy: parsed.policy,
            version: parsed.version,
            limits: parsed.limits.map((limit) => ({ ...limit, group: limit.group && [...limit.group] })),
          },
        },
      });
      return { ...record, params: parsed };
    });
  }

  decide(
    actor: Actor,
    id: string,
    decision: 'approve' | 'reject',
    note: string,
  ): Promise<PortfolioPolicyVersion> {
    requireAdmin(actor);
    return this.unitOfWork.run(async (manager) => {
      await lockPortfolio(manager);
      const stored = await listPortfolioPolicies(manager, { lock: true });
      const proposal = stored.find((p) => p.id === id);
      if (proposal === undefined) throw new DomainError('POLICY.NOT_FOUND', 'no such policy proposal');
      const status = decidePolicyProposal(
        {
          id: proposal.id,
          policy: proposal.policy,
          version: proposal.version,
          proposedBy: proposal.proposedBy ?? '',
          status: proposal.status,
        },
        actor,
        decision,
      );
      const now = this.clock.now();
      const previous = stored.find((p) => p.active) ?? null;
      await decidePortfolioPolicy(manager, id, {
        status: status === 'approved' ? 'approved' : 'rejected',
        decidedBy: actor.id,
        note,
        now,
      });
      await appendAuditEvent(manager, {
        actor: { id: actor.id, role: 'admin' },
        action: status === 'approved' ? 'portfolio_policy.approved' : 'portfolio_policy.rejected',
        subject: { type: 'portfolio_policy', id },
        reason: note,
        before: {
          status: 'pending',
          active: previous
            ? { policy: previous.policy, version: previous.version, paramsHash: previous.paramsHash }
            : {
                policy: DEFAULT_PORTFOLIO_POLICY.policy,
                version: DEFAULT_PORTFOLIO_POLICY.version,
                paramsHash: portfolioPolicyHash(DEFAULT_PORTFOLIO_POLICY),
              },
        },
        after: {
          status,
          policy: proposal.policy,
          version: proposal.version,
          paramsHash: proposal.paramsHash,
          active: status === 'approved',
        },
        context: { makerId: proposal.proposedBy },
      });
      return versionOf((await listPortfolioPolicies(manager)).find((p) => p.id === id)!);
    });
  }

  private withBuiltIn(stored: readonly PortfolioPolicyRecord[]): PortfolioPolicyVersion[] {
    const versions = stored.map(versionOf);
    const hasBuiltIn = stored.some(
      (p) => p.policy === DEFAULT_PORTFOLIO_POLICY.policy && p.version === DEFAULT_PORTFOLIO_POLICY.version,
    );
    return hasBuiltIn ? versions : [builtIn(stored.some((p) => p.active)), ...versions];
  }
}
