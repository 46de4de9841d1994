import type { DomainErrorDetail } from '../errors/domain-error.js';
import { DomainError } from '../errors/domain-error.js';
import type { Actor } from '../pipeline/roles.js';
import { requireRole, wrongStage } from './monitoring-validation.js';

/**
 * monitoring.md "Stages after close":
 *
 *   approved ─close─► financed ─first disbursement─► disbursing ─fully disbursed─► monitoring ─► repaid
 *                                     (any of these) ─write off (maker-checker)─► written_off
 */
export const POST_CLOSE_STAGES = ['disbursing', 'monitoring', 'repaid', 'written_off'] as const;
export type PostCloseStage = (typeof POST_CLOSE_STAGES)[number];

/** A financed project the fund still carries: money out or about to go out, monitored. */
export const LIVE_FINANCED_STAGES = ['financed', 'disbursing', 'monitoring'] as const;
export type LiveFinancedStage = (typeof LIVE_FINANCED_STAGES)[number];

/** `repaid` and `written_off` end a project's life. */
export const POST_CLOSE_TERMINAL_STAGES: readonly string[] = ['repaid', 'written_off'];

/** Stages from which a project may be written off (through maker-checker). */
export const WRITE_OFF_STAGES: readonly string[] = LIVE_FINANCED_STAGES;

/** Stages in which the sponsor may request a disbursement and an officer propose one. */
export const DISBURSEMENT_STAGES: readonly string[] = ['financed', 'disbursing'];

/** Stages in which repayments are recorded (money has gone out). */
export const REPAYMENT_STAGES: readonly string[] = ['disbursing', 'monitoring'];

export function isLiveFinancedStage(stage: string): stage is LiveFinancedStage {
  return (LIVE_FINANCED_STAGES as readonly string[]).includes(stage);
}

/** Guard ids of the post-close moves (the `guard` of `APPLICATION.GUARD_FAILED` details). */
export const POST_CLOSE_GUARDS = {
  /** financed → disbursing: a disbursement has been made. */
  firstDisbursement: 'disbursement.first',
  /** disbursing → monitoring: Σ disbursed equals the FORGE amount. */
  fullyDisbursed: 'disbursement.complete',
  /** A tranche's conditions are all satisfied (conditions precedent satisfied, ESAP items verified). */
  conditions: 'disbursement.conditions',
  /** Σ disbursed (and requested) stays within the FORGE amount and the tranche. */
  withinAmount: 'disbursement.within_amount',
  /** monitoring → repaid: everything disbursed has been repaid. */
  fullyRepaid: 'repayment.complete',
  /** No open information request (as every non-terminal move of pipeline.md). */
  noOpenInformationRequest: 'information_request.none_open',
  /** No pending maker-checker item. */
  noPendingApproval: 'approval.none_pending',
} as const;

/** The money facts of a financed project. All amounts integer US dollars. */
export interface PostCloseFacts {
  stage: string;
  /** The FORGE amount (`financing.amountUsd`). */
  forgeAmountUsd: number;
  /** Σ of disbursements made (approved). */
  disbursedUsd: number;
  /** Σ of repayments recorded. */
  repaidUsd: number;
  openInformationRequests: number;
  pendingApprovals: number;
}

/** What is still owed to the fund: disbursed minus repaid. */
export function outstandingUsd(facts: Pick<PostCloseFacts, 'disbursedUsd' | 'repaidUsd'>): number {
  return Math.max(0, facts.disbursedUsd - facts.repaidUsd);
}

/**
 * The stage after a disbursement took effect: `financed` → `disbursing` on the first one,
 * → `monitoring` once Σ disbursed equals the FORGE amount (a single full disbursement goes
 * straight from `financed` to `monitoring`: `path` lists both stages it passed). Any other stage
 * cannot disburse (`APPLICATION.INVALID_TRANSITION`).
 */
export function stageAfterDisbursement(
  stage: string,
  forgeAmountUsd: number,
  disbursedUsdAfter: number,
): { to: 'disbursing' | 'monitoring'; path: ('disbursing' | 'monitoring')[] } {
  if (!DISBURSEMENT_STAGES.includes(stage)) throw wrongStage(stage, 'a disbursement cannot take effect');
  if (disbursedUsdAfter <= 0 || disbursedUsdAfter > forgeAmountUsd) {
    throw new DomainError(
      'APPLICATION.GUARD_FAILED',
      `disbursed US$${disbursedUsdAfter} is not within the FORGE amount US$${forgeAmountUsd}`,
      [{ guard: POST_CLOSE_GUARDS.withinAmount, message: 'Σ disbursed must be within the FORGE amount' }],
    );
  }
  if (disbursedUsdAfter === forgeAmountUsd) {
    return { to: 'monitoring', path: stage === 'financed' ? ['disbursing', 'monitoring'] : ['monitoring'] };
  }
  return { to: 'disbursing', path: ['disbursing'] };
}

/** Unmet guards of a post-close move (empty when the move may happen). */
export function postCloseGuards(facts: PostCloseFacts, to: PostCloseStage): DomainErrorDetail[] {
  const details: DomainErrorDetail[] = [];
  const blocks = () => {
    if (facts.openInformationRequests > 0) {
      details.push({
        guard: POST_CLOSE_GUARDS.noOpenInformationRequest,
        message: `${facts.openInformationRequests} open information request(s)`,
      });
    }
    if (facts.pendingApprovals > 0) {
      details.push({
        guard: POST_CLOSE_GUARDS.noPendingApproval,
        message: `${facts.pendingApprovals} pending maker-checker item(s)`,
      });
    }
  };
  switch (to) {
    case 'disbursing':
      if (facts.disbursedUsd <= 0) {
        details.push({ guard: POST_CLOSE_GUARDS.firstDisbursement, message: 'nothing has been disbursed' });
      }
      break;
    case 'monitoring':
      if (facts.disbursedUsd !== facts.forgeAmountUsd) {
        details.push({
          guard: POST_CLOSE_GUARDS.fullyDisbursed,
          message: `US$${facts.disbursedUsd} of US$${facts.forgeAmountUsd} disbursed`,
        });
      }
      break;
    case 'repaid':
      blocks();
      if (facts.disbursedUsd !== facts.forgeAmountUsd || facts.repaidUsd < facts.disbursedUsd) {
        details.push({
          guard: POST_CLOSE_GUARDS.fullyRepaid,
          message: `US$${facts.repaidUsd} of US$${facts.disbursedUsd} disbursed has been repaid`,
        });
      }
      break;
    case 'written_off':
      // Like reject: never blocked by open requests or pending items (the write-off is itself one).
      break;
  }
  return details;
}

/** The post-close moves in the graph (stage machine edges). */
export const POST_CLOSE_EDGES: readonly {
  from: string;
  to: PostCloseStage;
  by: 'disbursement' | 'officer' | 'approval';
}[] = [
  { from: 'financed', to: 'disbursing', by: 'disbursement' },
  { from: 'financed', to: 'monitoring', by: 'disbursement' },
  { from: 'disbursing', to: 'monitoring', by: 'disbursement' },
  { from: 'monitoring', to: 'repaid', by: 'officer' },
  ...WRITE_OFF_STAGES.map((from) => ({ from, to: 'written_off' as const, by: 'approval' as const })),
];

/**
 * An officer proposes writing the project off: allowed in `financed`, `disbursing` and
 * `monitoring`, with a reason; it creates a maker-checker item (`application.write_off`,
 * subject `application`) and takes effect when a second officer approves it
 * (`applyWriteOff`).
 */
export function proposeWriteOff(stage: string, reason: unknown, actor: Actor): { reason: string } {
  requireRole(actor, ['officer'], 'writing a project off');
  if (!WRITE_OFF_STAGES.includes(stage))
    throw wrongStage(stage, 'only a financed project can be written off');
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new DomainError('VALIDATION.FAILED', 'writing a project off needs a reason', [
      { field: 'reason', message: 'is required' },
    ]);
  }
  return { reason };
}

/** The approved write-off takes effect: the stage must still be one that can be written off. */
export function applyWriteOff(stage: string): { to: 'written_off' } {
  if (!WRITE_OFF_STAGES.includes(stage)) throw wrongStage(stage, 'the project can no longer be written off');
  return { to: 'written_off' };
}

/**
 * An officer records a repayment (`disbursing` or `monitoring`): a positive integer amount that
 * keeps Σ repaid ≤ Σ disbursed. Returns the amount, checked, and the new Σ repaid.
 */
export function recordRepayment(
  facts: PostCloseFacts,
  amountUsd: unknown,
  actor: Actor,
): { amountUsd: number; repaidUsd: number } {
  requireRole(actor, ['officer'], 'recording a repayment');
  if (!REPAYMENT_STAGES.includes(facts.stage))
    throw wrongStage(facts.stage, 'nothing has been disbursed to repay');
  if (typeof amountUsd !== 'number' || !Number.isSafeInteger(amountUsd) || amountUsd < 1) {
    throw new DomainError('VALIDATION.FAILED', 'a repayment is a positive integer number of US dollars', [
      { field: 'amountUsd', message: 'must be a positive integer' },
    ]);
  }
  const repaidUsd = facts.repaidUsd + amountUsd;
  if (repaidUsd > facts.disbursedUsd) {
    throw new DomainError(
      'APPLICATION.GUARD_FAILED',
      `repaying US$${amountUsd} would exceed the US$${outstandingUsd(facts)} outstanding`,
      [{ guard: 'repayment.within_outstanding', message: `only US$${outstandingUsd(facts)} is outstanding` }],
    );
  }
  return { amountUsd, repaidUsd };
}
