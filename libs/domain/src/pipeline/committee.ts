/**
 * The vocabulary of the investment committee. The rules (rounds, eligibility, blind view, close and tally)
 * live in `committee-round.ts`: a round closes when every eligible member has voted or recused, or at its
 * deadline; nobody's vote is decided for them.
 */

/** The risk bands of scoring.md, least to most risky. */
export const PIPELINE_RISK_BANDS = ['low', 'moderate', 'substantial', 'high'] as const;
export type PipelineRiskBand = (typeof PIPELINE_RISK_BANDS)[number];

/** README.md: `COMMITTEE_QUORUM` defaults to 3 non-abstaining votes. */
export const DEFAULT_COMMITTEE_QUORUM = 3;

/** A committee member's vote (a recusal is a vote with no decision). */
export const VOTE_DECISIONS = ['approve', 'reject', 'abstain'] as const;
export type VoteDecision = (typeof VOTE_DECISIONS)[number];
export type CommitteeDecision = 'approved' | 'rejected';
