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

export type VoteDecision = 'approve' | 'reject' | 'abstain';
export type CommitteeDecision = 'approved' | 'rejected';
