import { automatedCheck, CHECK_CODES, type AutomatedCheck, type AutomatedOutcome } from './check-codes.js';
import { mergeCheckOutcome, type StoredCheck } from './check-merge.js';

const computed = (outcome: AutomatedOutcome, inputs: Record<string, unknown>): AutomatedCheck =>
  automatedCheck(CHECK_CODES.ESG_ESIA, outcome, inputs, { snapshot: 'x' });

const stored = (check: AutomatedCheck, over: Partial<StoredCheck> = {}): StoredCheck => ({
  code: check.code,
  stage: check.stage,
  outcome: check.outcome,
  automated: true,
  detail: check.detail,
  resolvedBy: null,
  note: null,
  ...over,
});

const inProgress = computed('needs_review', { esiaStatus: 'in_progress' });
const completed = computed('pass', { esiaStatus: 'completed' });
const notStarted = computed('fail', { esiaStatus: 'not_started' });

describe('automatedCheck', () => {
  it('hashes the decision inputs only, not the extra detail', () => {
    const a = automatedCheck(
      CHECK_CODES.ESG_ESIA,
      'pass',
      { esiaStatus: 'completed' },
      { countriesSha256: 'a' },
    );
    const b = automatedCheck(
      CHECK_CODES.ESG_ESIA,
      'pass',
      { esiaStatus: 'completed' },
      { countriesSha256: 'b' },
    );
    expect(a.detail.inputsHash).toBe(b.detail.inputsHash);
    expect(a.detail.inputsHash).toBe(completed.detail.inputsHash);
    expect(a.detail.inputsHash).not.toBe(inProgress.detail.inputsHash);
  });
});

describe('mergeCheckOutcome', () => {
  it('takes a new check as computed', () => {
    expect(mergeCheckOutcome(undefined, inProgress)).toMatchObject({
      outcome: 'needs_review',
      resolvedBy: null,
      inputsChanged: true,
      reason: 'new',
    });
  });

  it("keeps an officer's resolution while the automated inputs are unchanged", () => {
    const resolved = stored(inProgress, {
      outcome: 'pass',
      resolvedBy: 'officer-1',
      note: 'ESIA accepted in draft',
    });
    expect(
      mergeCheckOutcome(resolved, computed('needs_review', { esiaStatus: 'in_progress' })),
    ).toMatchObject({
      outcome: 'pass',
      resolvedBy: 'officer-1',
      note: 'ESIA accepted in draft',
      inputsChanged: false,
      reason: 'resolution_kept',
    });
  });

  it('keeps a waiver (four-eyes) while the inputs are unchanged, and also when they change: a re-evaluation is proposed instead', () => {
    const waived = stored(notStarted, { outcome: 'waived', resolvedBy: 'officer-2', note: 'waiver' });
    expect(mergeCheckOutcome(waived, notStarted)).toMatchObject({
      outcome: 'waived',
      reason: 'resolution_kept',
    });
    expect(mergeCheckOutcome(waived, notStarted).reevaluation).toBeUndefined();
    const changed = mergeCheckOutcome(waived, inProgress);
    expect(changed).toMatchObject({
      outcome: 'waived',
      resolvedBy: 'officer-2',
      note: 'waiver',
      inputsChanged: true,
      reason: 'four_eyes_reevaluation_pending',
      reevaluation: { proposedOutcome: 'needs_review', keptOutcome: 'waived' },
    });
    // The new inputs are recorded, so the next run with the same inputs proposes nothing again.
    expect(changed.detail).toBe(inProgress.detail);
    expect(mergeCheckOutcome({ ...waived, detail: changed.detail }, inProgress).reevaluation).toBeUndefined();
    // An improvement is a change too: waived → pass also goes through four eyes.
    expect(mergeCheckOutcome(waived, completed).reevaluation).toEqual({
      proposedOutcome: 'pass',
      keptOutcome: 'waived',
    });
  });

  it('drops a resolution when the inputs changed and applies the recomputed outcome', () => {
    const resolved = stored(inProgress, { outcome: 'pass', resolvedBy: 'officer-1' });
    expect(mergeCheckOutcome(resolved, notStarted)).toMatchObject({
      outcome: 'fail',
      resolvedBy: null,
      note: null,
      inputsChanged: true,
    });
  });

  it("never turns an officer's fail into pass by automation: it goes back to needs_review", () => {
    const failedByOfficer = stored(inProgress, {
      outcome: 'fail',
      resolvedBy: 'officer-1',
      note: 'ESIA inadequate',
    });
    expect(mergeCheckOutcome(failedByOfficer, completed)).toMatchObject({
      outcome: 'needs_review',
      resolvedBy: null,
      reason: 'officer_fail_needs_review',
    });
  });

  it('turns an automated fail into pass only when the inputs changed', () => {
    expect(mergeCheckOutcome(stored(notStarted), completed)).toMatchObject({
      outcome: 'pass',
      reason: 'recomputed',
    });
    // same inputs, a different outcome (e.g. after a rule change): the fail stays
    const samePass = computed('pass', { esiaStatus: 'not_started' });
    expect(mergeCheckOutcome(stored(notStarted), samePass)).toMatchObject({
      outcome: 'fail',
      reason: 'fail_kept_inputs_unchanged',
    });
  });

  it('treats a stored check without an inputs hash as changed', () => {
    const legacy = { ...stored(completed, { outcome: 'pass', resolvedBy: 'officer-1' }), detail: {} };
    expect(mergeCheckOutcome(legacy, completed)).toMatchObject({ inputsChanged: true, resolvedBy: null });
  });

  it('always records the recomputed detail', () => {
    const resolved = stored(inProgress, {
      outcome: 'pass',
      resolvedBy: 'officer-1',
      detail: { ...inProgress.detail, snapshot: 'old' },
    });
    expect(mergeCheckOutcome(resolved, inProgress).detail['snapshot']).toBe('x');
  });
});
