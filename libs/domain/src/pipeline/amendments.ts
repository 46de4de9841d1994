import { DomainError } from '../errors/domain-error.js';
import { stagesWhere, type Stage } from './stages.js';

/** An information request is open until the sponsor answers it (the answer may carry amendments). */
export const INFORMATION_REQUEST_STATUSES = ['open', 'answered'] as const;
export type InformationRequestStatus = (typeof INFORMATION_REQUEST_STATUSES)[number];

/**
 * Stages in which an information-request answer may carry amendments (pipeline.md, issue 13):
 * after submission and before `committee`. A draft is edited with PATCH instead.
 */
export const AMENDABLE_STAGES: readonly Stage[] = ['submitted', 'screening', 'esg_review', 'financing'];

/**
 * Stages from which the input is frozen: the committee approved what it saw. Every stage the committee's
 * decision carries into (approved, financed, and the post-close stages of monitoring.md) except the committee
 * stage itself.
 */
export const INPUT_FROZEN_STAGES: readonly Stage[] = stagesWhere('committeeOnward').filter(
  (stage) => stage !== 'committee',
);

/** What an accepted amendment makes the caller do, in its transaction. */
export type AmendmentEffect =
  /** Every automated check of every stage is evaluated again on the new input (not only sanctions). */
  | 'checks.reevaluate_all'
  /** A new screening job (sanctions, eligibility, proposed category). */
  | 'queue.screening'
  /** A new risk assessment; the previous one is stale by its inputs hash. */
  | 'queue.risk_assessment';

export const AMENDMENT_EFFECTS: readonly AmendmentEffect[] = [
  'checks.reevaluate_all',
  'queue.screening',
  'queue.risk_assessment',
];

/**
 * Whether amendments may change the input in `stage`, and what follows:
 * - before `committee`: allowed, and every automated check is re-run and the assessment becomes
 *   stale (a new one is queued);
 * - in `committee`: `APPLICATION.AMENDMENT_NOT_ALLOWED` (409): the committee votes on a frozen
 *   pack, so the application must be deferred to `financing` first (a new round, a new pack);
 * - `approved` and later: `APPLICATION.INPUT_FROZEN` (409): the approved input does not change;
 * - anything else (draft, closed): `APPLICATION.AMENDMENT_NOT_ALLOWED`.
 */
export function decideAmendment(stage: Stage): readonly AmendmentEffect[] {
  if (AMENDABLE_STAGES.includes(stage)) return AMENDMENT_EFFECTS;
  if (stage === 'committee') {
    throw new DomainError(
      'APPLICATION.AMENDMENT_NOT_ALLOWED',
      'the application is before the committee: an officer must defer it to financing before its input changes (a new round and a new IC pack follow)',
      [{ guard: 'amendment.before_committee', field: 'amendments', message: 'defer to financing first' }],
    );
  }
  if (INPUT_FROZEN_STAGES.includes(stage)) {
    throw new DomainError(
      'APPLICATION.INPUT_FROZEN',
      `the application is ${stage}: the input the committee approved is frozen`,
      [{ guard: 'amendment.input_frozen', field: 'amendments', message: 'the approved input is frozen' }],
    );
  }
  throw new DomainError('APPLICATION.AMENDMENT_NOT_ALLOWED', `no amendments in stage ${stage}`, [
    { guard: 'amendment.before_committee', field: 'amendments', message: `not in stage ${stage}` },
  ]);
}
