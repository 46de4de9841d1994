import {
  type ApplicationAggregate,
  type ApplicationSummaryRow,
  type DocumentRecord,
  type SponsorViewContext,
} from '@forge/application';

/**
 * The sponsor view (pipeline.md "What a sponsor sees"), built field by field from the records: nothing of the
 * fund's deliberation is read here, so nothing of it can leak by a field added to the staff view later. The staff
 * view (application.presenter.ts) builds on the pieces below and adds its own fields; never the other way round.
 */

type Application = ApplicationAggregate['application'];

/** What identifies an application and where it stands. */
export function presentApplicationHeader(app: Application) {
  return {
    id: app.id,
    reference: app.reference,
    organizationId: app.organizationId,
    stage: app.stage,
    version: app.version,
  };
}

export function presentApplicationTimes(app: Application) {
  return {
    submittedAt: app.submittedAt ? app.submittedAt.toISOString() : null,
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
  };
}

/** An information request as its sponsor sees it (not who asked or answered). */
export function presentSponsorInformationRequest(r: ApplicationAggregate['informationRequests'][number]) {
  return {
    id: r.id,
    stage: r.stage,
    status: r.status,
    question: r.question,
    askedAt: r.askedAt.toISOString(),
    answer: r.answer,
    documentIds: r.documentIds,
    amendments: r.amendments,
    answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
  };
}

/** A document as its sponsor sees it (not who uploaded it). */
export function presentSponsorDocument(d: DocumentRecord) {
  return {
    id: d.id,
    sha256: d.sha256,
    size: d.size,
    mediaType: d.mediaType,
    kind: d.kind,
    filename: d.filename,
    createdAt: d.createdAt.toISOString(),
  };
}

/** A condition precedent as the sponsor sees it (not the evidence's assessment). */
export function presentSponsorCondition(c: ApplicationAggregate['conditions'][number]) {
  return {
    id: c.id,
    text: c.text,
    satisfied: c.satisfied,
    satisfiedAt: c.satisfiedAt ? c.satisfiedAt.toISOString() : null,
  };
}

export function presentSponsorApplication(aggregate: ApplicationAggregate, context: SponsorViewContext) {
  const app = aggregate.application;
  return {
    ...app.input,
    audience: 'sponsor' as const,
    ...presentApplicationHeader(app),
    category: app.category,
    contactOfficer: context.contactOfficer,
    informationRequests: aggregate.informationRequests.map(presentSponsorInformationRequest),
    documents: aggregate.documents
      .filter((d) => context.ownDocumentIds.has(d.id))
      .map(presentSponsorDocument),
    committeeDecision: app.committeeDecision,
    conditionsPrecedent: aggregate.conditions.map(presentSponsorCondition),
    timeline: context.timeline.map((e) => ({
      at: e.at,
      kind: e.kind,
      stage: e.stage,
      message: e.message,
      ...(e.decision ? { decision: e.decision } : {}),
    })),
    ...presentApplicationTimes(app),
  };
}

export type SponsorApplicationView = ReturnType<typeof presentSponsorApplication>;

export function presentSponsorSummary(row: ApplicationSummaryRow) {
  return {
    id: row.id,
    reference: row.reference,
    organizationId: row.organizationId,
    title: row.title,
    country: row.country,
    mineral: row.mineral,
    stage: row.stage,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
