import {
  type ApplicationAggregate,
  type ApplicationSummaryRow,
  type SponsorViewContext,
} from '@forge/application';

/**
 * The sponsor view (pipeline.md "What a sponsor sees"), built field by field from the records: nothing of the
 * fund's deliberation is read here, so nothing of it can leak by a field added to the staff view later.
 */
export function presentSponsorApplication(aggregate: ApplicationAggregate, context: SponsorViewContext) {
  const app = aggregate.application;
  return {
    ...app.input,
    audience: 'sponsor' as const,
    id: app.id,
    reference: app.reference,
    organizationId: app.organizationId,
    stage: app.stage,
    version: app.version,
    category: app.category,
    contactOfficer: context.contactOfficer,
    informationRequests: aggregate.informationRequests.map((r) => ({
      id: r.id,
      stage: r.stage,
      status: r.status,
      question: r.question,
      askedAt: r.askedAt.toISOString(),
      answer: r.answer,
      documentIds: r.documentIds,
      amendments: r.amendments,
      answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
    })),
    documents: aggregate.documents
      .filter((d) => context.ownDocumentIds.has(d.id))
      .map((d) => ({
        id: d.id,
        sha256: d.sha256,
        size: d.size,
        mediaType: d.mediaType,
        kind: d.kind,
        filename: d.filename,
        createdAt: d.createdAt.toISOString(),
      })),
    committeeDecision: app.committeeDecision,
    conditionsPrecedent: aggregate.conditions.map((c) => ({
      id: c.id,
      text: c.text,
      satisfied: c.satisfied,
      satisfiedAt: c.satisfiedAt ? c.satisfiedAt.toISOString() : null,
    })),
    timeline: context.timeline.map((e) => ({
      at: e.at,
      kind: e.kind,
      stage: e.stage,
      message: e.message,
      ...(e.decision ? { decision: e.decision } : {}),
    })),
    submittedAt: app.submittedAt ? app.submittedAt.toISOString() : null,
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
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
