import { type EntityManager } from 'typeorm';
import {
  asSubmittedInput,
  isOneOf,
  isRecord,
  PIPELINE_RISK_BANDS,
  validateDraftForSubmit,
  type ApprovalItem,
  type CofinancingLine,
  type CommitteeRound,
  type DocumentKind,
  type DraftApplicationInput,
  type EsCategory,
  type PipelineRiskBand,
  type PipelineState,
  type Stage,
} from '@forge/domain';
import { listPendingApprovalsOf } from '../approvals/approval.repository.js';
import { listCofinancingLines } from '../portfolio/portfolio.repository.js';
import { latestRiskAssessment, type LatestAssessment } from '../risk/risk-assessment.reader.js';
import {
  listChecks,
  listConditions,
  listDispositions,
  listDocuments,
  listInformationRequests,
  listVotes,
  type CheckRecord,
  type ConditionRecord,
  type DispositionRecord,
  type DocumentRecord,
  type InformationRequestRecord,
  type VoteRecord,
} from './application-details.repository.js';
import { type ApplicationRecord } from './application.repository.js';
import { findLatestRound, type CommitteeRoundRecord } from './committee-rounds.repository.js';

/** Everything about one application that the pipeline's guards and the application view need. */
export interface ApplicationAggregate {
  application: ApplicationRecord;
  checks: CheckRecord[];
  dispositions: DispositionRecord[];
  informationRequests: InformationRequestRecord[];
  documents: DocumentRecord[];
  /** The votes and recusals of the latest committee round. */
  votes: VoteRecord[];
  /** The latest committee round (open or closed); null before the first entry into committee. */
  round: CommitteeRoundRecord | null;
  conditions: ConditionRecord[];
  pendingApprovals: ApprovalItem[];
  latestAssessment: LatestAssessment | null;
  /** The co-financing lines of the financing structure (portfolio.md), by organisation and instrument. */
  cofinancing: CofinancingLine[];
}

/**
 * The aggregate of an application whose row this transaction has just inserted: the row, and nothing hanging off
 * it (no other transaction can see the row before COMMIT, so none can have added a detail to it). What
 * `readApplicationView` would read back, without the round trip.
 */
export function newApplicationAggregate(application: ApplicationRecord): ApplicationAggregate {
  return {
    application,
    checks: [],
    dispositions: [],
    informationRequests: [],
    documents: [],
    votes: [],
    round: null,
    conditions: [],
    pendingApprovals: [],
    latestAssessment: null,
    cofinancing: [],
  };
}

export async function loadApplicationAggregate(
  manager: EntityManager,
  application: ApplicationRecord,
): Promise<ApplicationAggregate> {
  const id = application.id;
  const reads = [
    () => listChecks(manager, id),
    () => listDispositions(manager, id),
    () => listInformationRequests(manager, id),
    () => listDocuments(manager, id),
    () =>
      application.committeeRound > 0
        ? listVotes(manager, id, application.committeeRound)
        : Promise.resolve([]),
    () => (application.committeeRound > 0 ? findLatestRound(manager, id) : Promise.resolve(null)),
    () => listConditions(manager, id),
    () => listPendingApprovalsOf(manager, id),
    () =>
      latestRiskAssessment(manager, id, {
        id,
        stage: application.stage,
        version: application.version,
        organizationId: application.organizationId,
        input: asSubmittedInput(application.input),
        financing: application.financing,
      }),
    () => listCofinancingLines(manager, id).then((lines) => lines.get(id) ?? []),
  ] as const;
  // Independent reads overlap only when each takes a pooled connection of its own; on a transaction's one
  // connection they run one after the other (pg refuses a query while another is in flight on a client).
  const [
    checks,
    dispositions,
    informationRequests,
    documents,
    votes,
    round,
    conditions,
    pendingApprovals,
    latestAssessment,
    cofinancing,
  ] = (
    manager.queryRunner === undefined
      ? await Promise.all(reads.map((read) => read()))
      : await sequentially(reads)
  ) as [
    CheckRecord[],
    DispositionRecord[],
    InformationRequestRecord[],
    DocumentRecord[],
    VoteRecord[],
    CommitteeRoundRecord | null,
    ConditionRecord[],
    ApprovalItem[],
    LatestAssessment | null,
    CofinancingLine[],
  ];
  return {
    application,
    checks,
    dispositions,
    informationRequests,
    documents,
    votes,
    round,
    conditions,
    pendingApprovals,
    latestAssessment,
    cofinancing,
  };
}

async function sequentially(reads: ReadonlyArray<() => Promise<unknown>>): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results;
}

/** Screening parties with a `potential_match` and no recorded disposition (a pending false positive counts). */
export function undisposedPotentialMatches(
  screening: Record<string, unknown> | null,
  dispositions: readonly DispositionRecord[],
): number {
  if (!screening || !Array.isArray(screening.parties)) return 0;
  const disposed = new Set(dispositions.map((d) => d.partyName));
  return screening.parties.filter(
    (p) => isRecord(p) && p.result === 'potential_match' && !disposed.has(String(p.name)),
  ).length;
}

function band(value: string | null | undefined): PipelineRiskBand {
  return isOneOf(PIPELINE_RISK_BANDS, value) ? value : 'high';
}

/**
 * The facts the stage machine decides on, built from the stored application (pipeline README "How a use case
 * calls it"). Unknown facts stay null so the guards that need them fail closed.
 */
export function toPipelineState(aggregate: ApplicationAggregate): PipelineState {
  const app = aggregate.application;
  const input = app.input as DraftApplicationInput;
  const social = isRecord(app.input.social) ? app.input.social : {};
  const environment = isRecord(app.input.environment) ? app.input.environment : {};
  const esFacts =
    typeof social.indigenousPeoplesPresent === 'boolean' && typeof environment.tailings === 'string'
      ? {
          indigenousPeoplesPresent: social.indigenousPeoplesPresent,
          tailingsFacility: environment.tailings !== 'none',
        }
      : null;
  const screening = isRecord(app.screening)
    ? {
        result: (['clear', 'review', 'blocked'].includes(String(app.screening.result))
          ? app.screening.result
          : 'review') as 'clear' | 'review' | 'blocked',
        undisposedPotentialMatches: undisposedPotentialMatches(app.screening, aggregate.dispositions),
      }
    : null;
  const screeningJobDone =
    app.screening !== null &&
    app.screeningVersion !== null &&
    app.screeningVersion >= (app.screeningRequestedVersion ?? 0);
  return {
    applicationId: app.id,
    organizationId: app.organizationId,
    stage: app.stage as Stage,
    version: app.version,
    assigneeId: app.assigneeId,
    inputProblems: validateDraftForSubmit(input),
    esFacts,
    proposedCategory: (app.proposedCategory as EsCategory | null) ?? null,
    confirmedCategory: (app.category as EsCategory | null) ?? null,
    checks: aggregate.checks.map((c) => ({ code: c.code, stage: c.stage as Stage, outcome: c.outcome })),
    screening,
    screeningJobDone,
    documentKinds: aggregate.documents.map((d) => d.kind as DocumentKind),
    openInformationRequests: aggregate.informationRequests.filter((r) => r.status === 'open').length,
    pendingApprovals: aggregate.pendingApprovals.length,
    financingRecorded: app.financing !== null,
    latestAssessment: aggregate.latestAssessment
      ? {
          id: aggregate.latestAssessment.id,
          current: aggregate.latestAssessment.current,
          residualBand: band(aggregate.latestAssessment.residualBand),
        }
      : null,
    conditionsPrecedent:
      app.financing === null ? null : aggregate.conditions.map((c) => ({ id: c.id, satisfied: c.satisfied })),
    committee: app.stage === 'committee' ? committeeRoundOf(aggregate) : null,
    icPack: app.icAssessmentId ? { assessmentId: app.icAssessmentId, icPackHash: app.icPackHash } : null,
    postClose:
      CARRIED_OR_ENDED.includes(app.stage) && app.financing !== null
        ? {
            forgeAmountUsd: app.financing.amountUsd,
            disbursedUsd: app.disbursedUsd,
            repaidUsd: app.repaidUsd,
          }
        : null,
  };
}

/** Stages with post-close money facts (monitoring.md). */
const CARRIED_OR_ENDED: readonly string[] = ['financed', 'disbursing', 'monitoring', 'repaid', 'written_off'];

/** The domain's view of the application's current round (its votes included); null when none is stored. */
export function committeeRoundOf(aggregate: ApplicationAggregate): CommitteeRound | null {
  const round = aggregate.round;
  if (round === null || round.round !== aggregate.application.committeeRound) return null;
  return {
    round: round.round,
    movedToCommitteeBy: round.movedBy,
    eligibleMemberIds: round.eligibleMemberIds,
    openedAt: round.openedAt.toISOString(),
    deadline: round.deadline.toISOString(),
    votes: aggregate.votes.map((v) => ({
      userId: v.userId,
      decision: v.decision,
      rationale: v.rationale,
      conflictOfInterest: v.conflictOfInterest,
      conditions: v.conditions,
      castAt: v.createdAt.toISOString(),
    })),
    closedAt: round.closedAt ? round.closedAt.toISOString() : null,
    closeReason: round.closeReason,
    outcome: round.outcome,
  };
}
