import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import {
  declineDisbursement,
  DomainError,
  isIsoDate,
  proposeDisbursement,
  parseTranches,
  proposeWriteOff,
  recordRepayment,
  requestDisbursement,
  trancheBalance,
  type Actor,
  type Disbursement,
  toJson,
  type Tranche,
  type TrancheBalance,
} from '@forge/domain';
import {
  insertDisbursement,
  insertRepayment,
  listRepayments,
  updateDisbursement,
  type DisbursementRecord,
  type RepaymentRecord,
} from '@forge/persistence';
import { ApplicationCommandRunner, type CommandContext } from '../applications/application-command.runner.js';
import { MakerChecker } from '../approvals/maker-checker.js';
import { loadDisbursementContext } from './disbursement-context.js';

/** The money of a financed project as its readers see it. */
export interface DisbursementsView {
  applicationId: string;
  stage: string;
  forgeAmountUsd: number;
  disbursedUsd: number;
  repaidUsd: number;
  outstandingUsd: number;
  tranches: (Tranche & Omit<TrancheBalance, 'trancheId' | 'amountUsd'>)[];
  disbursements: DisbursementRecord[];
  repayments: RepaymentRecord[];
}

/** What a tranche's `conditionIds` may name (monitoring.md): the conditions precedent and the ESAP items. */
export async function trancheConditionIds(
  manager: EntityManager,
  applicationId: string,
  conditions: readonly { id: string }[],
): Promise<string[]> {
  const esap: { id: string }[] = await manager.query(`SELECT id FROM esap_items WHERE application_id = $1`, [
    applicationId,
  ]);
  return [...conditions.map((c) => c.id), ...esap.map((e) => e.id)];
}

/** Stages in which an officer may (re)record the tranches: before the first disbursement. */
const TRANCHE_STAGES = ['financing', 'committee', 'approved', 'financed'] as const;

/**
 * Disbursements, repayments and write-off (monitoring.md, issue 16): one command, one transaction, one
 * audit event each, on the locked application (404 for whoever may not read it), version-checked when the
 * caller names the version it read. The four-eyes step (approval of `disbursement.release` and
 * `application.write_off`) is the MakerChecker's, whose handlers apply the effects.
 */
@Injectable()
export class DisbursementCommands {
  constructor(
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(MakerChecker) private readonly makerChecker: MakerChecker,
  ) {}

  /** Officers record the tranches `[{ id, amountUsd, conditionIds }]`, summing to the FORGE amount. */
  setTranches(
    actor: Actor,
    applicationId: string,
    input: { tranches: unknown; expectedVersion?: number },
  ): Promise<DisbursementsView> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.requireOfficer(ctx);
      this.runner.checkVersion(ctx, input.expectedVersion);
      this.runner.requireStage(ctx, TRANCHE_STAGES, 'recording tranches');
      const financing = ctx.aggregate.application.financing;
      if (!financing)
        throw new DomainError('APPLICATION.GUARD_FAILED', 'no financing structure', [
          { guard: 'financing.recorded', message: 'no financing structure is recorded' },
        ]);
      if (ctx.aggregate.application.disbursedUsd > 0) {
        throw new DomainError('APPLICATION.INVALID_TRANSITION', 'tranches cannot change once money went out');
      }
      const known = await trancheConditionIds(ctx.manager, applicationId, ctx.aggregate.conditions);
      const { tranches, problems } = parseTranches(input.tranches, financing.amountUsd, known);
      if (problems.length > 0) throw new DomainError('VALIDATION.FAILED', 'invalid tranches', problems);
      await this.runner.commit(
        ctx,
        { financing: { ...financing, tranches } },
        {
          role: 'officer',
          action: 'financing.tranches_recorded',
          after: toJson({ tranches }),
        },
      );
      return this.view(ctx);
    });
  }

  /** The sponsor requests `{ trancheId?, amountUsd }`. */
  request(
    actor: Actor,
    applicationId: string,
    input: { trancheId?: unknown; amountUsd: unknown },
  ): Promise<Disbursement> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      const dctx = await loadDisbursementContext(ctx.manager, ctx.aggregate);
      const disbursement = requestDisbursement(dctx, input, ctx.actor, {
        id: randomUUID(),
        now: ctx.now.toISOString(),
      });
      await insertDisbursement(
        ctx.manager,
        disbursement,
        this.runner.dueAt({ kind: 'disbursement_request', requestedAt: disbursement.requestedAt }),
      );
      await this.runner.commit(
        ctx,
        {},
        {
          role: 'sponsor',
          action: 'disbursement.requested',
          subject: { type: 'disbursement', id: disbursement.id },
          after: {
            status: 'requested',
            trancheId: disbursement.trancheId,
            amountUsd: disbursement.amountUsd,
          },
        },
      );
      return disbursement;
    });
  }

  /** An officer proposes a requested disbursement: guard `disbursement.conditions`, then a four-eyes item. */
  propose(
    actor: Actor,
    applicationId: string,
    disbursementId: string,
  ): Promise<{ disbursement: Disbursement; approvalId: string }> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.requireOfficer(ctx);
      const dctx = await loadDisbursementContext(ctx.manager, ctx.aggregate);
      const current = this.find(dctx.disbursements, disbursementId);
      const proposed = proposeDisbursement(dctx, current, ctx.actor, ctx.now.toISOString());
      const item = await this.makerChecker.propose(
        ctx,
        'disbursement.release',
        proposed.id,
        { amountUsd: proposed.amountUsd, trancheId: proposed.trancheId },
        null,
      );
      await updateDisbursement(ctx.manager, { ...proposed, approvalId: item.id });
      return { disbursement: proposed, approvalId: item.id };
    });
  }

  /** An officer declines a request, with a reason. */
  decline(
    actor: Actor,
    applicationId: string,
    disbursementId: string,
    reason: unknown,
  ): Promise<Disbursement> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.requireOfficer(ctx);
      const dctx = await loadDisbursementContext(ctx.manager, ctx.aggregate);
      const declined = declineDisbursement(
        this.find(dctx.disbursements, disbursementId),
        reason,
        ctx.actor,
        ctx.now.toISOString(),
      );
      await updateDisbursement(ctx.manager, declined);
      await this.runner.commit(
        ctx,
        {},
        {
          role: 'officer',
          action: 'disbursement.declined',
          subject: { type: 'disbursement', id: declined.id },
          reason: declined.note,
          before: { status: 'requested' },
          after: { status: 'declined' },
        },
      );
      return declined;
    });
  }

  /** An officer records a repayment `{ amountUsd, valueDate, note? }` (Σ repaid ≤ Σ disbursed). */
  repay(
    actor: Actor,
    applicationId: string,
    input: { amountUsd: unknown; valueDate: unknown; note?: string; expectedVersion?: number },
  ): Promise<DisbursementsView> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.checkVersion(ctx, input.expectedVersion);
      const app = ctx.aggregate.application;
      const { amountUsd, repaidUsd } = recordRepayment(
        {
          stage: app.stage,
          forgeAmountUsd: app.financing?.amountUsd ?? 0,
          disbursedUsd: app.disbursedUsd,
          repaidUsd: app.repaidUsd,
          openInformationRequests: 0,
          pendingApprovals: 0,
        },
        input.amountUsd,
        ctx.actor,
      );
      if (!isIsoDate(input.valueDate) || input.valueDate > ctx.now.toISOString().slice(0, 10)) {
        throw new DomainError('VALIDATION.FAILED', 'invalid value date', [
          { field: 'valueDate', message: 'must be a date YYYY-MM-DD, not in the future' },
        ]);
      }
      const id = randomUUID();
      await insertRepayment(ctx.manager, {
        id,
        applicationId,
        amountUsd,
        valueDate: input.valueDate,
        recordedBy: ctx.actor.id,
        recordedAt: ctx.now,
        note: input.note ?? null,
      });
      await this.runner.commit(
        ctx,
        { repaidUsd },
        {
          role: 'officer',
          action: 'repayment.recorded',
          subject: { type: 'repayment', id },
          after: { amountUsd, valueDate: input.valueDate, repaidUsd },
        },
      );
      return this.view(ctx);
    });
  }

  /** An officer proposes writing the project off (maker-checker `application.write_off`). */
  proposeWriteOff(
    actor: Actor,
    applicationId: string,
    input: { reason: unknown; expectedVersion?: number },
  ): Promise<{ approvalId: string }> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.checkVersion(ctx, input.expectedVersion);
      const { reason } = proposeWriteOff(ctx.state.stage, input.reason, ctx.actor);
      const item = await this.makerChecker.propose(
        ctx,
        'application.write_off',
        'application',
        { reason },
        reason,
      );
      return { approvalId: item.id };
    });
  }

  /** The money view: tranches with balances, disbursements, repayments and totals. */
  read(actor: Actor, applicationId: string): Promise<DisbursementsView> {
    return this.runner.run(actor, applicationId, (ctx) => this.view(ctx));
  }

  private async view(ctx: CommandContext): Promise<DisbursementsView> {
    const aggregate = await this.runner.reload(ctx);
    const dctx = await loadDisbursementContext(ctx.manager, aggregate);
    const app = aggregate.application;
    return {
      applicationId: app.id,
      stage: app.stage,
      forgeAmountUsd: dctx.forgeAmountUsd,
      disbursedUsd: app.disbursedUsd,
      repaidUsd: app.repaidUsd,
      outstandingUsd: Math.max(0, app.disbursedUsd - app.repaidUsd),
      tranches: dctx.tranches.map((t) => {
        const { disbursedUsd, openUsd, availableUsd } = trancheBalance(t, dctx.disbursements);
        return { ...t, disbursedUsd, openUsd, availableUsd };
      }),
      disbursements: dctx.disbursements,
      repayments: await listRepayments(ctx.manager, app.id),
    };
  }

  private find<T extends Disbursement>(all: readonly T[], id: string): T {
    const found = all.find((d) => d.id === id);
    if (!found) throw new DomainError('DISBURSEMENT.NOT_FOUND', 'disbursement not found');
    return found;
  }

  private requireOfficer(ctx: CommandContext): void {
    if (!ctx.actor.roles.includes('officer'))
      throw new DomainError('AUTH.FORBIDDEN', 'needs the officer role');
  }
}
