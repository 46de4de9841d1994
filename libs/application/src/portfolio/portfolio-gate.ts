import { Inject, Injectable } from '@nestjs/common';
import { type JsonValue } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  CHECK_CODES,
  DomainError,
  evaluatePortfolioGate,
  storedBreaches,
  type DomainErrorDetail,
  type PortfolioDecisionPoint,
  type PortfolioGateResult,
} from '@forge/domain';
import { listDisclosurePackages, loadChecks, lockPortfolio, writeChecks } from '@forge/persistence';
import { type CommandContext } from '../applications/application-command.runner.js';
import { reevaluationTiming } from '../screening/check-sync.js';
import { loadPortfolioContext } from './portfolio-context.js';

/**
 * The portfolio's guards inside the transaction of a move (portfolio.md): `financing → committee` and the
 * committee's approval. Locks the portfolio row first, so two decisions serialise and the second reads the
 * book the first committed; then evaluates envelope, concentration (with the would-be shares) and, at the
 * approval, the disclosure period, with the clock of the command.
 */
@Injectable()
export class PortfolioGate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async evaluate(ctx: CommandContext, point: PortfolioDecisionPoint): Promise<PortfolioGateResult> {
    await lockPortfolio(ctx.manager);
    const context = await loadPortfolioContext(ctx.manager, this.config);
    const application = context.facts.find((f) => f.applicationId === ctx.aggregate.application.id);
    if (application === undefined) throw new Error('the application is missing from the portfolio facts');
    const stored = ctx.aggregate.checks.find((c) => c.code === CHECK_CODES.PORTFOLIO_CONCENTRATION);
    return evaluatePortfolioGate({
      point,
      application,
      facts: context.facts,
      envelopeUsd: context.envelopeUsd,
      policy: context.policy,
      check: stored
        ? {
            outcome: stored.outcome,
            breaches: storedBreaches(stored.detail),
          }
        : null,
      disclosure:
        point === 'approval'
          ? {
              packages: await listDisclosurePackages(ctx.manager, application.applicationId),
              now: ctx.now.toISOString(),
              days: {
                daysA: this.config.portfolio.disclosureDaysA,
                daysOther: this.config.portfolio.disclosureDaysOther,
              },
            }
          : undefined,
    });
  }

  /**
   * Records check `PORTFOLIO.CONCENTRATION` as the evaluation says (`pass` or `fail` with the breaches and the
   * share each would reach); a waived check still covering the breaches is kept with the evaluation it was
   * waived on. Returns whether the row changed.
   */
  async recordCheck(ctx: CommandContext, result: PortfolioGateResult): Promise<boolean> {
    if (result.checkOutcome === 'waived') return false;
    // The stored row as the check writer compares it (unchanged: no write, no new version).
    const existing = await loadChecks(ctx.manager, ctx.aggregate.application.id);
    const summary = await writeChecks(
      ctx.manager,
      ctx.aggregate.application.id,
      existing,
      [
        {
          code: CHECK_CODES.PORTFOLIO_CONCENTRATION,
          stage: 'financing',
          outcome: result.checkOutcome,
          automated: true,
          detail: { ...result.evaluation },
          note: null,
          resolvedBy: null,
        },
      ],
      reevaluationTiming(ctx.now, this.config.deadlines.policy),
    );
    return summary.unchanged.length === 0;
  }
}

/** What the audit event of a decision records of the portfolio evaluation (policy version and hash, figures). */
export function portfolioAuditContext(result: PortfolioGateResult): Record<string, JsonValue> {
  return {
    portfolio: {
      policy: { ...result.evaluation.policy },
      concentration: result.evaluation.outcome,
      check: result.checkOutcome,
      breaches: result.evaluation.breaches.map((breach) => ({ ...breach })),
      inputsHash: result.evaluation.inputsHash,
      amountUsd: result.amountUsd,
      availableUsd: result.totals.availableUsd,
    },
  };
}

/**
 * Runs the stage machine's `decide` and adds the portfolio's unmet guards, so one 409
 * `APPLICATION.GUARD_FAILED` lists every unmet guard of the move (the stage machine's and the portfolio's).
 */
export function decideWithPortfolio<T>(
  decideMove: () => T,
  portfolioDetails: readonly DomainErrorDetail[],
): T {
  let result: T;
  try {
    result = decideMove();
  } catch (error) {
    if (
      error instanceof DomainError &&
      error.code === 'APPLICATION.GUARD_FAILED' &&
      portfolioDetails.length > 0
    ) {
      const details = [...(error.details ?? []), ...portfolioDetails];
      throw new DomainError('APPLICATION.GUARD_FAILED', `${details.length} guard(s) not met`, details);
    }
    throw error;
  }
  if (portfolioDetails.length > 0) {
    throw new DomainError('APPLICATION.GUARD_FAILED', `${portfolioDetails.length} guard(s) not met`, [
      ...portfolioDetails,
    ]);
  }
  return result;
}
