import {
  checkSnapshot,
  committeeRoundView,
  screeningSnapshot,
  type ApplicationAggregate,
  type ApplicationSummaryRow,
  type DocumentRecord,
} from '@forge/application';
import { type ApprovalItem } from '@forge/domain';

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
  return {
    id: document.id,
    sha256: document.sha256,
    size: document.size,
    mediaType: document.mediaType,
    kind: document.kind,
    filename: document.filename,
    uploadedBy: document.uploadedBy,
    createdAt: document.createdAt.toISOString(),
  };
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
    id: app.id,
    reference: app.reference,
    organizationId: app.organizationId,
    stage: app.stage,
    version: app.version,
    assigneeId: app.assigneeId,
    proposedCategory: app.proposedCategory,
    category: app.category,
    categoryRationale: app.categoryRationale,
    checks: aggregate.checks.map(presentCheck),
    screening: presentScreening(aggregate),
    latestRiskAssessment: assessment ? { ...assessment.view, current: assessment.current } : null,
    financing: app.financing,
    informationRequests: aggregate.informationRequests.map((r) => ({
      id: r.id,
      stage: r.stage,
      status: r.status,
      question: r.question,
      askedBy: r.askedBy,
      askedAt: r.askedAt.toISOString(),
      answer: r.answer,
      documentIds: r.documentIds,
      amendments: r.amendments,
      answeredBy: r.answeredBy,
      answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
    })),
    pendingApprovals: aggregate.pendingApprovals.map(presentPendingApproval),
    committee: presentCommittee(aggregate, quorum, viewerId),
    conditionsPrecedent: aggregate.conditions.map((c) => ({
      id: c.id,
      text: c.text,
      satisfied: c.satisfied,
      evidence: c.evidence,
      satisfiedAt: c.satisfiedAt ? c.satisfiedAt.toISOString() : null,
    })),
    documents: aggregate.documents.map(presentDocument),
    submittedAt: app.submittedAt ? app.submittedAt.toISOString() : null,
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
  };
}

export type ApplicationView = ReturnType<typeof presentApplication>;

export function presentSummary(row: ApplicationSummaryRow) {
  return {
    id: row.id,
    reference: row.reference,
    organizationId: row.organizationId,
    title: row.title,
    country: row.country,
    mineral: row.mineral,
    stage: row.stage,
    version: row.version,
    assigneeId: row.assigneeId,
    proposedCategory: row.proposedCategory,
    category: row.category,
    residualBand: row.residualBand,
    dueAt: row.dueAt ? row.dueAt.toISOString() : null,
    overdue: row.overdue,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
