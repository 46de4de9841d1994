import { describe, expect, it } from '@jest/globals';
import { sponsorTimeline, type TimelineEvent } from './sponsor-view.js';

let t = 0;
const ev = (action: string, over: Partial<TimelineEvent> = {}): TimelineEvent => ({
  action,
  occurredAt: `2026-03-01T10:00:${String(t++).padStart(2, '0')}.000Z`,
  bySponsor: false,
  reason: null,
  before: null,
  after: null,
  context: null,
  ...over,
});

describe('the sponsor timeline', () => {
  it('shows its own actions and stage moves, without the fund’s deliberation', () => {
    const timeline = sponsorTimeline([
      ev('application.created', { bySponsor: true, after: { stage: 'draft' } }),
      ev('application.submitted', {
        bySponsor: true,
        before: { stage: 'draft' },
        after: { stage: 'submitted' },
      }),
      ev('screening.completed', {
        before: { stage: 'submitted' },
        after: { stage: 'screening' },
        context: { result: 'review', hits: 2 },
      }),
      ev('check.resolved', { reason: 'PEP reviewed: spouse of a provincial official' }),
      ev('category.confirmed', { reason: 'Indigenous Peoples on customary land' }),
      ev('application.stage_changed', {
        before: { stage: 'screening' },
        after: { stage: 'esg_review' },
        reason: 'internal: hits cleared by the checker',
      }),
      ev('information_request.opened', { reason: 'Please send the FPIC agreement' }),
      ev('information_request.answered', { bySponsor: true }),
      ev('document.added', { bySponsor: true }),
      ev('document.added', { bySponsor: false }),
      ev('risk.assessed'),
      ev('approval.requested'),
      ev('committee.vote_cast', { reason: 'too risky' }),
      ev('committee.decided', {
        before: { stage: 'committee' },
        after: { stage: 'approved' },
        context: { decision: 'approved', tally: { approve: 3 } },
      }),
    ]);
    expect(timeline.map((e) => [e.kind, e.stage, e.message])).toEqual([
      ['created', 'draft', null],
      ['submitted', 'submitted', null],
      ['stage_changed', 'screening', null],
      ['stage_changed', 'esg_review', null],
      ['information_requested', null, null],
      ['information_provided', null, null],
      ['document_added', null, null],
      ['committee_decision', 'approved', null],
    ]);
    expect(timeline.at(-1)?.decision).toBe('approved');
    expect(JSON.stringify(timeline)).not.toMatch(/internal|PEP|Indigenous|too risky|hits|result|tally/);
  });

  it('does not show a re-screening that moved nothing', () => {
    expect(
      sponsorTimeline([
        ev('screening.completed', {
          before: { stage: 'financing' },
          after: { stage: 'financing' },
          context: { result: 'review' },
        }),
      ]),
    ).toEqual([]);
  });

  it("never shows an officer's rejection reason (it can tip off a listed party), only a note addressed to the sponsor", () => {
    const [plain] = sponsorTimeline([
      ev('application.rejected', { reason: 'Blocked under the OFAC 50% rule', after: { stage: 'rejected' } }),
    ]);
    expect(plain).toMatchObject({ kind: 'rejected', stage: 'rejected', message: null });
    const [noted] = sponsorTimeline([
      ev('application.rejected', {
        reason: 'Blocked under the OFAC 50% rule',
        after: { stage: 'rejected' },
        context: { noteToSponsor: 'The fund cannot proceed with this application.' },
      }),
    ]);
    expect(noted!.message).toBe('The fund cannot proceed with this application.');
  });

  it('shows its own withdrawal reason', () => {
    expect(
      sponsorTimeline([
        ev('application.withdrawn', {
          bySponsor: true,
          reason: 'Project sold',
          after: { stage: 'withdrawn' },
        }),
      ]),
    ).toEqual([expect.objectContaining({ kind: 'withdrawn', message: 'Project sold' })]);
  });
});
