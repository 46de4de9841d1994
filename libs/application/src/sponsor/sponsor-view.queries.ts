import { Inject, Injectable } from '@nestjs/common';
import {
  holdsStaffRole,
  sponsorTimeline,
  type Actor,
  type SponsorTimelineEntry,
  type TimelineEvent,
} from '@forge/domain';
import {
  readSponsorViewRows,
  type SponsorViewRows,
  UnitOfWork,
  type ApplicationAggregate,
} from '@forge/persistence';

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

/** The readers outside the fund: the applicant's sponsor and a co-financing partner (portfolio.md). */
const EXTERNAL_ROLES = ['sponsor', 'partner'] as const;

/**
 * Whether this actor is served the sponsor view (a distinct response, not the staff view blanked): a sponsor or
 * a partner without any staff role. A partner reads an application its organisation co-finances as the
 * applicant does, never the fund's deliberation. The one rule every presenter of an application asks.
 */
export function servedSponsorView(actor: Pick<Actor, 'roles'>): boolean {
  const roles = actor.roles as readonly string[];
  return roles.some((r) => (EXTERNAL_ROLES as readonly string[]).includes(r)) && !holdsStaffRole(roles);
}

/** The sponsor view's additions from their stored rows (the timeline through the domain's `sponsorTimeline`). */
export function sponsorViewContext(rows: SponsorViewRows): SponsorViewContext {
  const timelineEvents: TimelineEvent[] = rows.events.map((e) => ({
    action: e.action,
    occurredAt: e.occurredAt.toISOString(),
    bySponsor: e.actorRole === 'sponsor',
    reason: e.reason,
    before: e.before,
    after: e.after,
    context: e.context,
  }));
  return {
    timeline: sponsorTimeline(timelineEvents),
    contactOfficer: rows.contactOfficer,
    ownDocumentIds: new Set(rows.ownDocumentIds),
  };
}

/** Reads behind the sponsor view; the caller has already applied the read rule (the aggregate was loaded). */
@Injectable()
export class SponsorViewQueries {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  /** For the answers of sponsor commands (one statement); GET reads the same rows with the view itself. */
  context(aggregate: ApplicationAggregate): Promise<SponsorViewContext> {
    return this.unitOfWork.read(async (manager) => {
      const rows = await readSponsorViewRows(manager, aggregate.application.id);
      return sponsorViewContext(rows ?? { events: [], contactOfficer: null, ownDocumentIds: [] });
    });
  }
}
