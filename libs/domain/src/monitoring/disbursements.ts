import type { FieldProblem } from '../application/ownership-tree.js';
import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';
import type { Actor } from '../pipeline/roles.js';
import { isIsoDate, isoDateOf, parseInstant } from '../deadlines/time.js';
import { DISBURSEMENT_STAGES, POST_CLOSE_GUARDS, stageAfterDisbursement } from './post-close.js';
import {
  checkText,
  requireRole,
  requireVisible,
  throwIfProblems,
  validationFailed,
  wrongStage,
} from './monitoring-validation.js';
import type { Tranche } from './tranches.js';

/**
 * monitoring.md "Disbursements": the sponsor requests a disbursement of a tranche; an officer
 * proposes it once the tranche's conditions are satisfied (guard `disbursement.conditions`); a
 * second officer approves it (maker-checker action `disbursement.release`), which records the
 * value date. Σ disbursed ≤ FORGE amount.
 *
 *   requested ─propose─► proposed ─approve─► disbursed
 *       │                    └─reject─► rejected
 *       └─decline─► declined            (write-off: open ones → cancelled)
 */
export const DISBURSEMENT_STATUSES = [
  'requested',
  'proposed',
  'disbursed',
  'declined',
  'rejected',
  'cancelled',
] as const;
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];

/** Requested or proposed: the money is spoken for. */
export const OPEN_DISBURSEMENT_STATUSES: readonly DisbursementStatus[] = ['requested', 'proposed'];

/** The maker-checker action of a disbursement proposal (subject: the disbursement id). */
export const DISBURSEMENT_APPROVAL_ACTION = 'disbursement.release';
/** The maker-checker action of a write-off (subject: `application`). */
export const WRITE_OFF_APPROVAL_ACTION = 'application.write_off';

export interface Disbursement {
  id: string;
  applicationId: string;
  trancheId: string;
  amountUsd: number;
  status: DisbursementStatus;
  requestedBy: string;
  requestedAt: string;
  proposedBy: string | null;
  proposedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The date the money left (approval); `null` until disbursed. */
  valueDate: string | null;
  note: string | null;
}

/** A condition a tranche may wait on: a condition precedent (satisfied) or an ESAP item (verified). */
export interface DisbursementCondition {
  id: string;
  kind: 'condition_precedent' | 'esap_item';
  satisfied: boolean;
}

/** What the disbursement rules read about an application. */
export interface DisbursementContext {
  applicationId: string;
  organizationId: string;
  stage: string;
  forgeAmountUsd: number;
  tranches: readonly Tranche[];
  /** Every disbursement of the application, whatever its status. */
  disbursements: readonly Disbursement[];
  conditions: readonly DisbursementCondition[];
}

export interface TrancheBalance {
  trancheId: string;
  amountUsd: number;
  disbursedUsd: number;
  /** Requested or proposed, not yet disbursed. */
  openUsd: number;
  /** What can still be requested: amount − disbursed − open. */
  availableUsd: number;
}

function sum(items: readonly Disbursement[]): number {
  return items.reduce((total, d) => total + d.amountUsd, 0);
}

/** Σ of the disbursements made. */
export function disbursedUsd(disbursements: readonly Disbursement[]): number {
  return sum(disbursements.filter((d) => d.status === 'disbursed'));
}

/** A tranche's disbursed, open and still available amounts. */
export function trancheBalance(tranche: Tranche, disbursements: readonly Disbursement[]): TrancheBalance {
  const mine = disbursements.filter((d) => d.trancheId === tranche.id);
  const disbursed = sum(mine.filter((d) => d.status === 'disbursed'));
  const open = sum(mine.filter((d) => OPEN_DISBURSEMENT_STATUSES.includes(d.status)));
  return {
    trancheId: tranche.id,
    amountUsd: tranche.amountUsd,
    disbursedUsd: disbursed,
    openUsd: open,
    availableUsd: tranche.amountUsd - disbursed - open,
  };
}

/** Per tranche: disbursed, open and still available amounts. */
export function trancheBalances(
  ctx: Pick<DisbursementContext, 'tranches' | 'disbursements'>,
): TrancheBalance[] {
  return ctx.tranches.map((t) => trancheBalance(t, ctx.disbursements));
}

/** The tranche's conditions not yet satisfied (unknown ids count as unmet: fail closed). */
export function unmetTrancheConditions(
  tranche: Tranche,
  conditions: readonly DisbursementCondition[],
): string[] {
  return tranche.conditionIds.filter((id) => !conditions.find((c) => c.id === id)?.satisfied);
}

function conditionsGuard(
  tranche: Tranche,
  conditions: readonly DisbursementCondition[],
): DomainErrorDetail[] {
  const unmet = unmetTrancheConditions(tranche, conditions);
  return unmet.length === 0
    ? []
    : [
        {
          guard: POST_CLOSE_GUARDS.conditions,
          message: `tranche ${tranche.id}: conditions not satisfied: ${unmet.join(', ')}`,
        },
      ];
}

function trancheOf(ctx: DisbursementContext, trancheId: string): Tranche {
  const tranche = ctx.tranches.find((t) => t.id === trancheId);
  if (!tranche) {
    throw new DomainError('VALIDATION.FAILED', `no tranche ${trancheId}`, [
      { field: 'trancheId', message: `must be one of ${ctx.tranches.map((t) => t.id).join(', ')}` },
    ]);
  }
  return tranche;
}

/**
 * The sponsor asks for `amountUsd` of a tranche (`trancheId` omitted: the first tranche, in
 * order, with money still available). Stages `financed` and `disbursing`. The amount must fit
 * what the tranche has left after what was disbursed or is already requested (so Σ disbursed and
 * requested never passes the FORGE amount).
 */
export function requestDisbursement(
  ctx: DisbursementContext,
  input: { trancheId?: unknown; amountUsd: unknown },
  actor: Actor,
  ids: { id: string; now: string },
): Disbursement {
  requireVisible(actor, ctx.organizationId);
  requireRole(actor, ['sponsor'], 'requesting a disbursement');
  if (!DISBURSEMENT_STAGES.includes(ctx.stage)) {
    throw wrongStage(ctx.stage, 'disbursements are requested after financial close, until fully disbursed');
  }
  const problems: FieldProblem[] = [];
  const amountUsd =
    typeof input.amountUsd === 'number' && Number.isSafeInteger(input.amountUsd) && input.amountUsd >= 1
      ? input.amountUsd
      : null;
  if (amountUsd === null) {
    problems.push({ field: 'amountUsd', message: 'must be a positive integer number of US dollars' });
  }
  let trancheId =
    input.trancheId === undefined || typeof input.trancheId === 'string' ? input.trancheId : null;
  if (trancheId === null) problems.push({ field: 'trancheId', message: 'must be a tranche id' });
  if (amountUsd === null || trancheId === null)
    throw validationFailed(problems, 'invalid disbursement request');
  const balances = trancheBalances(ctx);
  if (trancheId === undefined) {
    const first = balances.find((b) => b.availableUsd > 0);
    if (!first) {
      throw new DomainError('APPLICATION.GUARD_FAILED', 'nothing is left to request', [
        { guard: POST_CLOSE_GUARDS.withinAmount, message: 'every tranche is disbursed or requested' },
      ]);
    }
    trancheId = first.trancheId;
  }
  const balance = trancheBalance(trancheOf(ctx, trancheId), ctx.disbursements);
  if (amountUsd > balance.availableUsd) {
    throw new DomainError(
      'APPLICATION.GUARD_FAILED',
      `tranche ${trancheId} has US$${balance.availableUsd} left`,
      [
        {
          guard: POST_CLOSE_GUARDS.withinAmount,
          message: `tranche ${trancheId}: US$${amountUsd} requested, US$${balance.availableUsd} available`,
        },
      ],
    );
  }
  return {
    id: ids.id,
    applicationId: ctx.applicationId,
    trancheId,
    amountUsd,
    status: 'requested',
    requestedBy: actor.id,
    requestedAt: parseAndFormat(ids.now),
    proposedBy: null,
    proposedAt: null,
    decidedBy: null,
    decidedAt: null,
    valueDate: null,
    note: null,
  };
}

function parseAndFormat(now: string): string {
  return new Date(parseInstant(now, 'now')).toISOString();
}

function requireStatus(d: Disbursement, status: DisbursementStatus, what: string): void {
  if (d.status !== status) {
    throw new DomainError(
      'DISBURSEMENT.STATE_CONFLICT',
      `${what}: the disbursement is ${d.status}, not ${status}`,
    );
  }
}

/**
 * An officer proposes a requested disbursement after checking its tranche's conditions (guard
 * `disbursement.conditions`). The result is `proposed`; the caller creates the maker-checker item
 * (`disbursement.release`, subject the disbursement id) in the same transaction.
 */
export function proposeDisbursement(
  ctx: DisbursementContext,
  disbursement: Disbursement,
  actor: Actor,
  now: string,
): Disbursement {
  requireRole(actor, ['officer'], 'proposing a disbursement');
  if (!DISBURSEMENT_STAGES.includes(ctx.stage)) throw wrongStage(ctx.stage, 'disbursements are not open');
  requireStatus(disbursement, 'requested', 'cannot propose');
  const details = conditionsGuard(trancheOf(ctx, disbursement.trancheId), ctx.conditions);
  if (details.length > 0) {
    throw new DomainError('APPLICATION.GUARD_FAILED', 'cannot propose the disbursement', details);
  }
  return { ...disbursement, status: 'proposed', proposedBy: actor.id, proposedAt: parseAndFormat(now) };
}

/** An officer declines a request (with a reason): the money is no longer spoken for. */
export function declineDisbursement(
  disbursement: Disbursement,
  reason: unknown,
  actor: Actor,
  now: string,
): Disbursement {
  requireRole(actor, ['officer'], 'declining a disbursement');
  requireStatus(disbursement, 'requested', 'cannot decline');
  const problems: FieldProblem[] = [];
  const note = checkText(reason, 'reason', 2000, problems);
  throwIfProblems(problems, 'declining a disbursement needs a reason');
  return { ...disbursement, status: 'declined', decidedBy: actor.id, decidedAt: parseAndFormat(now), note };
}

export interface DisbursementApplied {
  disbursement: Disbursement;
  disbursedUsd: number;
  /** The application's stage after it (`disbursing` or `monitoring`) and the stages it passed. */
  stage: { from: string; to: 'disbursing' | 'monitoring'; path: ('disbursing' | 'monitoring')[] };
}

/**
 * The approved `disbursement.release` item takes effect (the checker's decision was made by
 * `decideApproval`): the conditions and amounts are checked again (they may have changed since the
 * proposal), the value date is recorded (`valueDate`, default the approval's date, never before
 * the proposal's date nor after the approval's), and the stage moves on.
 */
export function applyDisbursement(
  ctx: DisbursementContext,
  disbursement: Disbursement,
  checker: Actor,
  decision: { now: string; valueDate?: unknown },
): DisbursementApplied {
  requireRole(checker, ['officer'], 'approving a disbursement');
  if (!DISBURSEMENT_STAGES.includes(ctx.stage)) throw wrongStage(ctx.stage, 'disbursements are not open');
  requireStatus(disbursement, 'proposed', 'cannot disburse');
  const nowMs = parseInstant(decision.now, 'now');
  const today = isoDateOf(nowMs);
  const proposedOn = disbursement.proposedAt ? disbursement.proposedAt.slice(0, 10) : today;
  let valueDate = today;
  if (decision.valueDate !== undefined) {
    if (!isIsoDate(decision.valueDate) || decision.valueDate < proposedOn || decision.valueDate > today) {
      throw new DomainError('VALIDATION.FAILED', 'invalid value date', [
        { field: 'valueDate', message: `must be a date YYYY-MM-DD from ${proposedOn} to ${today}` },
      ]);
    }
    valueDate = decision.valueDate;
  }
  const details = conditionsGuard(trancheOf(ctx, disbursement.trancheId), ctx.conditions);
  const others = ctx.disbursements.filter((d) => d.id !== disbursement.id);
  const trancheDisbursed = disbursedUsd(others.filter((d) => d.trancheId === disbursement.trancheId));
  const tranche = trancheOf(ctx, disbursement.trancheId);
  const total = disbursedUsd(others) + disbursement.amountUsd;
  if (trancheDisbursed + disbursement.amountUsd > tranche.amountUsd || total > ctx.forgeAmountUsd) {
    details.push({
      guard: POST_CLOSE_GUARDS.withinAmount,
      message: `US$${disbursement.amountUsd} would take Σ disbursed past the tranche or the FORGE amount`,
    });
  }
  if (details.length > 0) throw new DomainError('APPLICATION.GUARD_FAILED', 'cannot disburse', details);
  const stage = stageAfterDisbursement(ctx.stage, ctx.forgeAmountUsd, total);
  return {
    disbursement: {
      ...disbursement,
      status: 'disbursed',
      decidedBy: checker.id,
      decidedAt: new Date(nowMs).toISOString(),
      valueDate,
    },
    disbursedUsd: total,
    stage: { from: ctx.stage, ...stage },
  };
}

/** The `disbursement.release` item was rejected by the checker: the proposal ends `rejected`. */
export function rejectDisbursement(
  disbursement: Disbursement,
  checker: Actor,
  note: string,
  now: string,
): Disbursement {
  requireRole(checker, ['officer'], 'rejecting a disbursement');
  requireStatus(disbursement, 'proposed', 'cannot reject');
  return { ...disbursement, status: 'rejected', decidedBy: checker.id, decidedAt: parseAndFormat(now), note };
}

/** A write-off cancels every open request and proposal. */
export function cancelOpenDisbursements(disbursements: readonly Disbursement[], now: string): Disbursement[] {
  return disbursements
    .filter((d) => OPEN_DISBURSEMENT_STATUSES.includes(d.status))
    .map((d) => ({
      ...d,
      status: 'cancelled' as const,
      decidedAt: parseAndFormat(now),
      note: 'project written off',
    }));
}
