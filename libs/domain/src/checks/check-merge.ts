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
  | 'fail_kept_inputs_unchanged';

export interface MergedCheck extends StoredCheck {
  inputsChanged: boolean;
  /** Which rule decided (for the audit event the caller writes). */
  reason: MergeReason;
}

const inputsHashOf = (detail: Record<string, unknown>): unknown => detail['inputsHash'];

/**
 * Merges a freshly computed automated check into the stored one. "Inputs changed" means the
 * `detail.inputsHash` differs (the decision inputs, not the reference snapshot hashes).
 *
 * 1. No stored check: the recomputed one.
 * 2. Stored check resolved by an officer (`resolvedBy` set) or `waived`:
 *    - inputs unchanged → the resolution (outcome, resolvedBy, note) is kept;
 *    - inputs changed → the resolution is dropped and the recomputed outcome applies, except
 *      that an officer's `fail` never turns into `pass` by automation alone: it becomes
 *      `needs_review` so an officer decides again.
 * 3. Stored automated check: the recomputed outcome applies, except that a `fail` with
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
