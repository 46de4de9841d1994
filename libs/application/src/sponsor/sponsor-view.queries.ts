import { Inject, Injectable } from '@nestjs/common';
import { sponsorTimeline, type Actor, type SponsorTimelineEntry, type TimelineEvent } from '@forge/domain';
import { UnitOfWork, type ApplicationAggregate } from '@forge/persistence';

/** The fund's named contact for a sponsor: the assigned officer, by name and address only. */
export interface ContactOfficer {
  displayName: string;
  email: string;
}

/** What the sponsor view adds to an application a sponsor may read (pipeline.md "What a sponsor sees"). */
export interface SponsorViewContext {
  /** Its own actions and the stage moves, with only the texts addressed to it (domain `sponsorTimeline`). */
  timeline: SponsorTimelineEntry[];
  contactOfficer: ContactOfficer | null;
  /** Documents uploaded by users of the sponsor's organisation (the fund's own documents are internal). */
  ownDocumentIds: ReadonlySet<string>;
}

const STAFF_ROLES = ['officer', 'committee', 'auditor', 'admin'] as const;

/**
 * Whether this actor is served the sponsor view (a distinct response, not the staff view blanked): a sponsor
 * without any staff role. The one rule every presenter of an application asks.
 */
export function servedSponsorView(actor: Pick<Actor, 'roles'>): boolean {
  const roles = actor.roles as readonly string[];
  return roles.includes('sponsor') && !roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));
}

interface EventRow {
  action: string;
  occurred_at: Date;
  actor_role: string;
  reason: string | null;
  before: { stage?: string | null } | null;
  after: { stage?: string | null } | null;
  context: Record<string, unknown> | null;
}

/** Reads behind the sponsor view; the caller has already applied the read rule (the aggregate was loaded). */
@Injectable()
export class SponsorViewQueries {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  context(aggregate: ApplicationAggregate): Promise<SponsorViewContext> {
    const app = aggregate.application;
    return this.unitOfWork.read(async (manager) => {
      const [events, contact, documents] = await Promise.all([
        manager.query(
          `SELECT action, occurred_at, actor_role, reason, before, after, context FROM audit_events
            WHERE application_id = $1 ORDER BY seq NULLS LAST, entry`,
          [app.id],
        ) as Promise<EventRow[]>,
        app.assigneeId
          ? (manager.query(`SELECT display_name, email FROM users WHERE id = $1`, [
              app.assigneeId,
            ]) as Promise<Array<{ display_name: string; email: string }>>)
          : Promise.resolve([]),
        manager.query(
          `SELECT d.id FROM documents d JOIN users u ON u.id = d.uploaded_by
            WHERE d.application_id = $1 AND u.organization_id = $2`,
          [app.id, app.organizationId],
        ) as Promise<Array<{ id: string }>>,
      ]);
      const timelineEvents: TimelineEvent[] = events.map((e) => ({
        action: e.action,
        occurredAt: new Date(e.occurred_at).toISOString(),
        bySponsor: e.actor_role === 'sponsor',
        reason: e.reason,
        before: e.before,
        after: e.after,
        context: e.context,
      }));
      const officer = contact[0];
      return {
        timeline: sponsorTimeline(timelineEvents),
        contactOfficer: officer ? { displayName: officer.display_name, email: officer.email } : null,
        ownDocumentIds: new Set(documents.map((d) => d.id)),
      };
    });
  }
}
