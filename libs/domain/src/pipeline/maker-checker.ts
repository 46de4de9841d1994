import type { EsCategory } from '../application/application-input.js';
import { jsonObjectOrNull } from '../canonical/json.js';
import { DomainError } from '../errors/domain-error.js';
import type { PipelineJson } from './ic-pack.js';
import { hasRole, type Actor } from './roles.js';

/** pipeline.md: the actions that need four eyes. */
export const APPROVAL_ACTIONS = [
  'check.waive',
  'screening.false_positive',
  'category.downgrade',
  'risk.override',
  'condition.satisfy',
  // monitoring.md: a disbursement (subject: the disbursement id) and a write-off (subject: `application`).
  'disbursement.release',
  'application.write_off',
  // Issue 13.4: a re-evaluation that would change an outcome set through four eyes (subject: the check code).
  'check.reevaluate',
] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];
/** An item's status (the database enforces the same list). */
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/**
 * A maker-checker item. `subject` names what the action is about, so that there is at most one
 * pending item per (application, action, subject): the check code for `check.waive`, the party
 * path for `screening.false_positive`, `category` for `category.downgrade`, the assessment id for
 * `risk.override`, the condition id for `condition.satisfy`.
 */
export interface ApprovalItem {
  id: string;
  applicationId: string;
  action: ApprovalAction;
  subject: string;
  /** What takes effect on approval (outcome, target category, band, evidence …). */
  payload: PipelineJson;
  makerId: string;
  createdAt: string;
  status: ApprovalStatus;
  checkerId: string | null;
  decidedAt: string | null;
  note: string | null;
}

export interface ApprovalRequest {
  id: string;
  applicationId: string;
  action: ApprovalAction;
  subject: string;
  payload?: PipelineJson;
  /** ISO-8601 time, from the caller's clock. */
  createdAt: string;
}

export interface ApprovalDecisionResult {
  item: ApprovalItem;
  /**
   * Audit action: `approval.granted` or `approval.rejected`; `approval.endorsed` when the first of the two
   * approvals an action needs was given (the item stays pending, `payload.endorsedBy` names the officer).
   */
  action: 'approval.granted' | 'approval.rejected' | 'approval.endorsed';
  /** True when the caller must now apply the item's action (it was approved). */
  takeEffect: boolean;
}

/**
 * Actions that take two approvals by two different officers, neither the maker: the first approval endorses
 * the item (it stays pending), the second applies it. `check.reevaluate` undoes an outcome two officers set
 * (a waiver): it takes two officers again, so one officer can never undo a four-eyes decision alone
 * (docs/checks.md, "Four eyes that one person cannot undo").
 */
export const TWO_APPROVAL_ACTIONS: readonly ApprovalAction[] = ['check.reevaluate'];

/** The officer who endorsed a two-approval item (`payload.endorsedBy`), or null. */
export function endorsedBy(item: Pick<ApprovalItem, 'payload'>): string | null {
  const payload = item.payload;
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return null;
  const value = (payload as Record<string, PipelineJson>)['endorsedBy'];
  return typeof value === 'string' && value !== '' ? value : null;
}

function requireOfficer(actor: Actor, what: string): void {
  if (!hasRole(actor, 'officer')) throw new DomainError('AUTH.FORBIDDEN', `${what} needs the officer role`);
}

function requireText(value: unknown, field: string, message: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainError('VALIDATION.FAILED', message, [{ field, message: 'is required' }]);
  }
}

/**
 * Creates a pending item (the action does not take effect). `existingPending` are the pending
 * items the caller holds (of this application, or all: other applications are ignored).
 * Errors: `AUTH.FORBIDDEN` (maker is not an officer), `VALIDATION.FAILED` (unknown action, empty
 * subject), `APPROVAL.DUPLICATE` (a pending item with the same application, action and subject: 409).
 */
export function requestApproval(
  existingPending: readonly ApprovalItem[],
  request: ApprovalRequest,
  maker: Actor,
): ApprovalItem {
  requireOfficer(maker, 'proposing a maker-checker item');
  if (!(APPROVAL_ACTIONS as readonly string[]).includes(request.action)) {
    throw new DomainError('VALIDATION.FAILED', 'unknown maker-checker action', [
      { field: 'action', message: `must be one of ${APPROVAL_ACTIONS.join(', ')}` },
    ]);
  }
  requireText(request.subject, 'subject', 'a maker-checker item needs a subject');
  const duplicate = existingPending.find(
    (item) =>
      item.status === 'pending' &&
      item.applicationId === request.applicationId &&
      item.action === request.action &&
      item.subject === request.subject,
  );
  if (duplicate) {
    throw new DomainError(
      'APPROVAL.DUPLICATE',
      `a ${request.action} item for ${request.subject} is already pending (${duplicate.id})`,
    );
  }
  return {
    id: request.id,
    applicationId: request.applicationId,
    action: request.action,
    subject: request.subject,
    payload: request.payload ?? null,
    makerId: maker.id,
    createdAt: request.createdAt,
    status: 'pending',
    checkerId: null,
    decidedAt: null,
    note: null,
  };
}

/**
 * The four-eyes rule of every maker-checker path (pipeline.md's items; role grants, docs/identity.md): the maker
 * never approves their own item (403 `APPROVAL.SELF_APPROVAL`), and a decided item is not decided again (409
 * `APPROVAL.ALREADY_DECIDED`). A path may let the maker withdraw (reject) their own item (a role grant); a
 * pipeline item is never checked by its maker, either way.
 */
export function assertFourEyes(
  item: { makerId: string | null; status: ApprovalStatus },
  checkerId: string,
  decision: 'approve' | 'reject',
  options: { makerMayWithdraw: boolean },
): void {
  if (checkerId === item.makerId && (decision !== 'reject' || !options.makerMayWithdraw)) {
    throw new DomainError('APPROVAL.SELF_APPROVAL', 'the maker cannot check their own item');
  }
  if (item.status !== 'pending') {
    throw new DomainError('APPROVAL.ALREADY_DECIDED', `the item is already ${item.status}`);
  }
}

/**
 * A different officer approves or rejects a pending item; a rejected item is kept (status
 * `rejected`), never deleted. Errors, in this order: `AUTH.FORBIDDEN` (not an officer, 403),
 * `APPROVAL.SELF_APPROVAL` (the maker, 403), `APPROVAL.ALREADY_DECIDED` (409),
 * `VALIDATION.FAILED` (empty note).
 */
export function decideApproval(
  item: ApprovalItem,
  checker: Actor,
  decision: 'approve' | 'reject',
  note: string,
  decidedAt: string,
): ApprovalDecisionResult {
  requireOfficer(checker, 'deciding a maker-checker item');
  assertFourEyes(item, checker.id, decision, { makerMayWithdraw: false });
  if (decision !== 'approve' && decision !== 'reject') {
    throw new DomainError('VALIDATION.FAILED', 'unknown decision', [
      { field: 'decision', message: 'must be approve or reject' },
    ]);
  }
  requireText(note, 'note', 'deciding a maker-checker item needs a note');
  const approved = decision === 'approve';
  if (approved && TWO_APPROVAL_ACTIONS.includes(item.action)) {
    const first = endorsedBy(item);
    if (first === checker.id) {
      throw new DomainError(
        'APPROVAL.SELF_APPROVAL',
        'you endorsed this item already: a second, different officer must approve it',
      );
    }
    if (first === null) {
      return {
        item: {
          ...item,
          payload: {
            ...jsonObjectOrNull(item.payload),
            endorsedBy: checker.id,
            endorsedAt: decidedAt,
            endorsementNote: note,
          },
        },
        action: 'approval.endorsed',
        takeEffect: false,
      };
    }
  }
  return {
    item: {
      ...item,
      status: approved ? 'approved' : 'rejected',
      checkerId: checker.id,
      decidedAt,
      note,
    },
    action: approved ? 'approval.granted' : 'approval.rejected',
    takeEffect: approved,
  };
}

export type CheckResolution = 'pass' | 'fail' | 'waived';

/**
 * What an officer may do to a check alone, and what needs a second officer (pipeline.md, issue 13):
 * `pass` and `fail` only from `needs_review` (a `fail` never becomes `pass` by one officer, and an
 * outcome set through four eyes, `waived`, changes only through four eyes); `waived` from
 * `needs_review` or `fail`, as a maker-checker item. `CHECK.RESOLUTION_CONFLICT` (409) otherwise.
 * Whether the check may be waived at all is `assertWaivable` (checks/waivability).
 */
export function assertResolvable(check: { code: string; outcome: string }, requested: CheckResolution): void {
  if (requested === 'waived') {
    if (check.outcome !== 'needs_review' && check.outcome !== 'fail') {
      throw new DomainError('CHECK.RESOLUTION_CONFLICT', `a ${check.outcome} check cannot be waived`);
    }
    return;
  }
  if (check.outcome === 'waived') {
    throw new DomainError(
      'CHECK.RESOLUTION_CONFLICT',
      `${check.code} was waived through four eyes: it changes only through four eyes`,
    );
  }
  if (check.outcome !== 'needs_review') {
    throw new DomainError(
      'CHECK.RESOLUTION_CONFLICT',
      `only a needs_review check is resolved to pass or fail (${check.code} is ${check.outcome})`,
    );
  }
}

/** Stringency of the E&S categories that are ordered: A > B > C. */
const CATEGORY_RANK: Readonly<Record<Exclude<EsCategory, 'FI'>, number>> = { A: 3, B: 2, C: 1 };

/**
 * Whether confirming `chosen` instead of `proposed` is a downgrade (needs maker-checker).
 * A > B > C. FI is not comparable with B or C: any change other than to a strictly more
 * stringent category is a downgrade, so only a move to A (from anything) or C → B is an
 * upgrade; FI ↔ B/C and A → FI are downgrades. An unknown proposal (`null`) makes every choice
 * but A a downgrade (fail closed). Same category: not a change.
 */
export function isCategoryDowngrade(proposed: EsCategory | null, chosen: EsCategory): boolean {
  if (proposed === chosen) return false;
  if (chosen === 'A') return false;
  if (proposed === null || proposed === 'FI' || chosen === 'FI') return true;
  return CATEGORY_RANK[chosen] < CATEGORY_RANK[proposed];
}

export type CategoryChange = 'confirm' | 'upgrade' | 'downgrade';

/**
 * Classifies an officer's category decision: `confirm` (as proposed), `upgrade` (takes effect
 * with its rationale) or `downgrade` (creates a `category.downgrade` pending item). A change from
 * the proposed category needs a rationale (`VALIDATION.FAILED` on `rationale`).
 */
export function classifyCategoryChange(
  proposed: EsCategory | null,
  chosen: EsCategory,
  rationale: string | undefined,
): CategoryChange {
  if (proposed === chosen) return 'confirm';
  requireText(rationale, 'rationale', 'changing the proposed category needs a rationale');
  return isCategoryDowngrade(proposed, chosen) ? 'downgrade' : 'upgrade';
}
