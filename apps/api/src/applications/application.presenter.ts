import {
  checkSnapshot,
  committeeRoundView,
  screeningSnapshot,
  type ApplicationAggregate,
  type ApplicationSummaryRow,
  type DocumentRecord,
} from '@forge/application';
import { type ApprovalItem } from '@forge/domain';
import {
  presentApplicationHeader,
  presentApplicationTimes,
  presentSponsorCondition,
  presentSponsorDocument,
  presentSponsorInformationRequest,
  presentSponsorSummary,
} from './sponsor-view.presenter.js';

/** Responses are built here from records, whitelisting fields: no row or ORM object reaches HTTP. */

export const presentCheck = checkSnapshot;

export const presentScreening = screeningSnapshot;

export function presentPendingApproval(item: ApprovalItem) {
  return {
    id: item.id,
    action: item.action,
    subject: item.subject,
    makerId: item.makerId,
    createdAt: item.createdAt,
  };
}

export function presentApproval(item: ApprovalItem & { applicationReference?: string }) {
  return {
    id: item.id,
    applicationId: item.applicationId,
    ...(item.applicationReference ? { applicationReference: item.applicationReference } : {}),
    action: item.action,
    subject: item.subject,
    payload: item.payload,
    makerId: item.makerId,
    createdAt: item.createdAt,
    status: item.status,
    checkerId: item.checkerId,
    note: item.note,
    decidedAt: item.decidedAt,
  };
}

export function presentDocument(document: DocumentRecord) {
  return { ...presentSponsorDocument(document), uploadedBy: document.uploadedBy };
}

/**
 * The committee part of the application view: the latest round as the viewer may see it (blind until close:
 * others' votes show only as voted or recused; `viewerId` null sees nobody's vote), with the IC pack's hash.
 */
export function presentCommittee(aggregate: ApplicationAggregate, quorum: number, viewerId: string | null) {
  const app = aggregate.application;
  const view = committeeRoundView(aggregate, viewerId);
  return {
    round: app.committeeRound,
    status: view?.status ?? null,
    openedAt: view?.openedAt ?? null,
    deadline: view?.deadline ?? null,
    eligibleMemberIds: view ? [...view.eligibleMemberIds] : [],
    awaiting: view?.awaiting ?? [],
    votes: (view?.votes ?? []).map((v) => ({
      userId: v.userId,
      status: v.status,
      ...(v.decision !== undefined
        ? {
            decision: v.decision ?? null,
            rationale: v.rationale ?? '',
            conflictOfInterest: v.conflictOfInterest ?? false,
            conditions: [...(v.conditions ?? [])],
          }
        : {}),
      castAt: v.castAt,
    })),
    outcome: view?.outcome ?? null,
    closedAt: view?.closedAt ?? null,
    closeReason: view?.closeReason ?? null,
    quorum,
    decision: app.committeeDecision,
    movedToCommitteeBy: app.movedToCommitteeBy,
    icPackHash: app.icPackHash,
    icAssessmentId: app.icAssessmentId,
  };
}

/** The application view of api.md; `viewerId` is who reads it (their own committee vote is shown to them). */
export function presentApplication(
  aggregate: ApplicationAggregate,
  quorum: number,
  viewerId: string | null = null,
) {
  const app = aggregate.application;
  const assessment = aggregate.latestAssessment;
  return {
    ...app.input,
    audience: 'staff' as const,
    ...presentApplicationHeader(app),
    assigneeId: app.assigneeId,
    proposedCategory: app.proposedCategory,
    category: app.category,
    categoryRationale: app.categoryRationale,
    checks: aggregate.checks.map(presentCheck),
    screening: presentScreening(aggregate),
    latestRiskAssessment: assessment ? { ...assessment.view, current: assessment.current } : null,
    financing: app.financing
      ? {
          ...app.financing,
          cofinancing: aggregate.cofinancing.map((line) => ({
            organizationId: line.organizationId,
            instrument: line.instrument,
            amountUsd: line.amountUsd,
            status: line.status,
          })),
        }
      : null,
    informationRequests: aggregate.informationRequests.map((r) => ({
      ...presentSponsorInformationRequest(r),
      askedBy: r.askedBy,
      answeredBy: r.answeredBy,
    })),
    pendingApprovals: aggregate.pendingApprovals.map(presentPendingApproval),
    committee: presentCommittee(aggregate, quorum, viewerId),
    conditionsPrecedent: aggregate.conditions.map((c) => ({
      ...presentSponsorCondition(c),
      evidence: c.evidence,
    })),
    documents: aggregate.documents.map(presentDocument),
    ...presentApplicationTimes(app),
  };
}

export type ApplicationView = ReturnType<typeof presentApplication>;

/** A list item of the staff list: the sponsor's fields and the review's. */
export function presentSummary(row: ApplicationSummaryRow) {
  return {
    ...presentSponsorSummary(row),
    assigneeId: row.assigneeId,
    proposedCategory: row.proposedCategory,
    category: row.category,
    residualBand: row.residualBand,
    dueAt: row.dueAt ? row.dueAt.toISOString() : null,
    overdue: row.overdue,
  };
}
