import type { AutomatedCheck, CheckCode, CheckOutcome, CheckStage } from './check-codes.js';

/** A check row as stored on an application (checks.md). */
export interface StoredCheck {
  code: CheckCode;
  stage: CheckStage;
  outcome: CheckOutcome;
  automated: boolean;
  detail: Record<string, unknown>;
  /** The officer who resolved it (or whose waiver was approved); null while automated. */
  resolvedBy: string | null;
  note: string | null;
}

export type MergeReason =
  | 'new'
  | 'recomputed'
  | 'resolution_kept'
  | 'resolution_dropped_inputs_changed'
  | 'officer_fail_needs_review'
  | 'fail_kept_inputs_unchanged'
  | 'four_eyes_reevaluation_pending';

/**
 * A re-evaluation that would change an outcome set through four-eyes: the caller opens (or
 * updates) a pending `check.reevaluate` maker-checker item proposing `proposedOutcome` instead of
 * overwriting the outcome.
 */
export interface FourEyesReevaluation {
  /** The outcome automation computes from the new inputs. */
  proposedOutcome: AutomatedCheck['outcome'];
  /** The outcome kept until a second officer decides. */
  keptOutcome: CheckOutcome;
}

export interface MergedCheck extends StoredCheck {
  inputsChanged: boolean;
  /** Which rule decided (for the audit event the caller writes). */
  reason: MergeReason;
  /** Set when a four-eyes outcome is kept pending a second officer's decision. */
  reevaluation?: FourEyesReevaluation;
}

/**
 * Whether a stored outcome was set through four-eyes (pipeline.md maker-checker): only an
 * approved `check.waive` produces `waived`. Such an outcome changes only through four-eyes.
 */
export function isFourEyesOutcome(check: Pick<StoredCheck, 'outcome'>): boolean {
  return check.outcome === 'waived';
}

const inputsHashOf = (detail: Record<string, unknown>): unknown => detail['inputsHash'];

/**
 * Merges a freshly computed automated check into the stored one. "Inputs changed" means the
 * `detail.inputsHash` differs (the decision inputs, not the reference snapshot hashes).
 *
 * 1. No stored check: the recomputed one.
 * 2. Stored outcome set through four-eyes (`waived`) and the inputs changed: the outcome is
 *    **kept**, and `reevaluation` proposes the recomputed outcome for a second officer to approve
 *    (a document upload or a re-screening never silently undoes a four-eyes decision).
 * 3. Stored check resolved by an officer (`resolvedBy` set) or `waived`:
 *    - inputs unchanged → the resolution (outcome, resolvedBy, note) is kept;
 *    - inputs changed → the resolution is dropped and the recomputed outcome applies, except
 *      that an officer's `fail` never turns into `pass` by automation alone: it becomes
 *      `needs_review` so an officer decides again.
 * 4. Stored automated check: the recomputed outcome applies, except that a `fail` with
 *    unchanged inputs stays `fail` (a fail becomes pass only by recomputation from changed inputs).
 * `detail` is always the recomputed one (it records the latest snapshot hashes used).
 */
export function mergeCheckOutcome(
  existing: StoredCheck | null | undefined,
  recomputed: AutomatedCheck,
): MergedCheck {
  const fresh = {
    code: recomputed.code,
    stage: recomputed.stage,
    automated: true,
    detail: recomputed.detail,
  };
  if (!existing) {
    return {
      ...fresh,
      outcome: recomputed.outcome,
      resolvedBy: null,
      note: null,
      inputsChanged: true,
      reason: 'new',
    };
  }
  const previousHash = inputsHashOf(existing.detail);
  const inputsChanged = previousHash === undefined || previousHash !== recomputed.detail.inputsHash;
  const resolved = existing.resolvedBy !== null || existing.outcome === 'waived';

  if (resolved) {
    if (inputsChanged && isFourEyesOutcome(existing)) {
      return {
        ...fresh,
        outcome: existing.outcome,
        resolvedBy: existing.resolvedBy,
        note: existing.note,
        inputsChanged,
        reason: 'four_eyes_reevaluation_pending',
        reevaluation: { proposedOutcome: recomputed.outcome, keptOutcome: existing.outcome },
      };
    }
    if (!inputsChanged) {
      return {
        ...fresh,
        outcome: existing.outcome,
        resolvedBy: existing.resolvedBy,
        note: existing.note,
        inputsChanged,
        reason: 'resolution_kept',
      };
    }
    if (existing.outcome === 'fail' && recomputed.outcome === 'pass') {
      return {
        ...fresh,
        outcome: 'needs_review',
        resolvedBy: null,
        note: null,
        inputsChanged,
        reason: 'officer_fail_needs_review',
      };
    }
    return {
      ...fresh,
      outcome: recomputed.outcome,
      resolvedBy: null,
      note: null,
      inputsChanged,
      reason: 'resolution_dropped_inputs_changed',
    };
  }

  if (!inputsChanged && existing.outcome === 'fail' && recomputed.outcome === 'pass') {
    return {
      ...fresh,
      outcome: 'fail',
      resolvedBy: null,
      note: null,
      inputsChanged,
      reason: 'fail_kept_inputs_unchanged',
    };
  }
  return {
    ...fresh,
    outcome: recomputed.outcome,
    resolvedBy: null,
    note: null,
    inputsChanged,
    reason: 'recomputed',
  };
}
