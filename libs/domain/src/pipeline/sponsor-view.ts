import type { Stage } from './stages.js';

/**
 * What a sponsor sees (pipeline.md "What a sponsor sees"): its input, stage, reference, dates, the
 * timeline of its own actions and of stage moves (with the reasons addressed to it), information
 * requests to it and its answers, its documents, the committee's decision and the conditions
 * precedent it must satisfy. Never the fund's deliberation: screening results, parties, hits and
 * dispositions, check notes and resolvers, the E&S category rationale, risk scores and
 * assessments, votes and rationales, maker-checker items, the audit trail, other users beyond a
 * named contact officer.
 *
 * This module holds the rule; the sponsor's response schema (apps/api) is built from it, and the
 * e2e test walks every sponsor route looking for the fields and values listed here.
 */

/** Keys that never appear in anything a sponsor receives (checked recursively by the e2e test). */
export const SPONSOR_FORBIDDEN_KEYS: readonly string[] = Object.freeze([
  'screening',
  'parties',
  'matchedName',
  'similarity',
  'disposition',
  'blockedOwnershipPct',
  'lookThroughPct',
  'checks',
  'resolvedBy',
  'categoryRationale',
  'proposedCategory',
  'latestRiskAssessment',
  'riskAssessments',
  'residualBand',
  'grossBand',
  'factors',
  'riskReduction',
  'riskReductionPct',
  'expectedLoss',
  'votes',
  'tally',
  'quorum',
  'icPackHash',
  'icAssessmentId',
  'movedToCommitteeBy',
  'pendingApprovals',
  'makerId',
  'checkerId',
  'assigneeId',
  'askedBy',
  'answeredBy',
  'uploadedBy',
  'mitigants',
  'cofinancing',
]);

/** What the sponsor timeline shows (each entry: when, what, and only what is addressed to it). */
export type SponsorTimelineKind =
  | 'created'
  | 'updated'
  | 'submitted'
  | 'stage_changed'
  | 'information_requested'
  | 'information_provided'
  | 'document_added'
  | 'committee_decision'
  | 'rejected'
  | 'withdrawn';

export interface SponsorTimelineEntry {
  at: string;
  kind: SponsorTimelineKind;
  /** The stage after the event. */
  stage: Stage | null;
  /** Only a text addressed to the sponsor: its own reason, or an officer's note to the sponsor. */
  message: string | null;
  /** `committee_decision` only. */
  decision?: 'approved' | 'rejected';
}

/** An audit event as the timeline reads it (the caller maps rows to this). */
export interface TimelineEvent {
  action: string;
  occurredAt: string;
  /** Whether the actor is a user of the sponsor's own organisation. */
  bySponsor: boolean;
  reason: string | null;
  before: { stage?: string | null } | null;
  after: { stage?: string | null } | null;
  context: Record<string, unknown> | null;
}

const stageOf = (value: { stage?: string | null } | null): Stage | null =>
  typeof value?.stage === 'string' ? (value.stage as Stage) : null;

/** An officer's note to the sponsor on a stage move (transition `noteToSponsor`), if any. */
function noteToSponsor(event: TimelineEvent): string | null {
  const note = event.context?.['noteToSponsor'];
  return typeof note === 'string' && note.trim() !== '' ? note : null;
}

/**
 * The sponsor's timeline from the application's audit events, oldest first. Its own actions come
 * with its own reason; the fund's stage moves come without the officers' internal reasons (a
 * rejection reason can tip off a listed party), only with a note addressed to the sponsor; a
 * re-screening, check work, votes, approvals, scores and category work do not appear at all.
 */
export function sponsorTimeline(events: readonly TimelineEvent[]): SponsorTimelineEntry[] {
  const out: SponsorTimelineEntry[] = [];
  for (const e of events) {
    const after = stageOf(e.after);
    const before = stageOf(e.before);
    const entry = (kind: SponsorTimelineKind, message: string | null = null): void => {
      out.push({ at: e.occurredAt, kind, stage: after ?? before, message });
    };
    switch (e.action) {
      case 'application.created':
        if (e.bySponsor) entry('created');
        break;
      case 'application.updated':
        if (e.bySponsor) entry('updated');
        break;
      case 'application.submitted':
        entry('submitted');
        break;
      case 'application.withdrawn':
        entry('withdrawn', e.bySponsor ? e.reason : null);
        break;
      case 'application.rejected':
        entry('rejected', noteToSponsor(e));
        break;
      case 'application.stage_changed':
      case 'screening.completed':
      case 'committee.round_closed':
        // Only a move is shown; a re-screening that moved nothing is not (it could tip off).
        if (after !== null && after !== before) entry('stage_changed', noteToSponsor(e));
        break;
      case 'committee.decided': {
        const decision = e.context?.['decision'];
        if (decision === 'approved' || decision === 'rejected') {
          out.push({ at: e.occurredAt, kind: 'committee_decision', stage: after, message: null, decision });
        }
        break;
      }
      case 'information_request.opened':
        entry('information_requested');
        break;
      case 'information_request.answered':
        entry('information_provided');
        break;
      case 'document.added':
        if (e.bySponsor) entry('document_added');
        break;
      default:
        break;
    }
  }
  return out;
}
