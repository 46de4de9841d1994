import { Inject, Injectable } from '@nestjs/common';
import { appendAuditEvent, type JsonValue } from '@forge/audit';
import { CHECK_CODES, decide, DomainError, type Actor, type ActorRole, type Stage } from '@forge/domain';
import {
  findUserRoles,
  insertApplication,
  newApplicationAggregate,
  UnitOfWork,
  type ApplicationAggregate,
} from '@forge/persistence';
import { ApplicationCommandRunner, withAccountNameHint } from './application-command.runner.js';
import { assertOwnershipTreeValid, mergePatch, withoutNulls } from './application-input.js';
import { decideWithPortfolio, PortfolioGate, portfolioAuditContext } from '../portfolio/portfolio-gate.js';

/**
 * Intake (create, edit, submit, withdraw), assignment and the officer's stage moves. Each returns the
 * application as the command left it, read in the command's transaction.
 */
@Injectable()
export class ApplicationCommands {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(PortfolioGate) private readonly portfolioGate: PortfolioGate,
  ) {}

  /** A new draft of the sponsor's organisation (version 1, a reference from the sequence). */
  async create(actor: Actor, input: Record<string, unknown>): Promise<ApplicationAggregate> {
    const organizationId = actor.organizationId;
    if (!organizationId) {
      throw new DomainError('AUTH.FORBIDDEN', 'Only a sponsor of an organisation creates applications');
    }
    const draft = withoutNulls(input) as Record<string, unknown>;
    assertOwnershipTreeValid(draft);
    return this.unitOfWork.run(async (manager) => {
      const application = await insertApplication(manager, {
        organizationId,
        createdBy: actor.id,
        input: draft,
        now: new Date(),
      });
      await appendAuditEvent(
        manager,
        withAccountNameHint(
          {
            actor: { id: actor.id, role: 'sponsor' },
            action: 'application.created',
            subject: { type: 'application', id: application.id },
            applicationId: application.id,
            after: { stage: 'draft', reference: application.reference },
            context: { version: 1 },
          },
          actor,
        ),
      );
      // Built from the inserted row, not read back: a new draft has nothing else yet.
      return newApplicationAggregate(application);
    });
  }

  /** JSON merge patch of a draft's input. */
  patch(
    actor: Actor,
    id: string,
    patch: Record<string, unknown>,
    expectedVersion: number | undefined,
  ): Promise<ApplicationAggregate> {
    return this.runner.run(actor, id, async (ctx) => {
      this.runner.checkVersion(ctx, expectedVersion);
      this.runner.requireStage(ctx, ['draft'], 'editing the application');
      const input = mergePatch(ctx.aggregate.application.input, patch) as Record<string, unknown>;
      assertOwnershipTreeValid(input);
      await this.runner.commit(
        ctx,
        { input },
        {
          role: 'sponsor',
          action: 'application.updated',
          before: { fields: Object.keys(patch) },
          after: patch as JsonValue,
        },
      );
      return this.runner.reload(ctx);
    });
  }

  submit(actor: Actor, id: string, expectedVersion: number | undefined): Promise<ApplicationAggregate> {
    return this.runner.run(actor, id, async (ctx) => {
      const result = decide(ctx.state, { type: 'submit', expectedVersion }, ctx.actor);
      // A submission writes the row and queues the screening and the scoring (outbox): nothing else to read back.
      await this.runner.applyDecision(ctx, result);
      return this.runner.rowWritten(ctx);
    });
  }

  withdraw(
    actor: Actor,
    id: string,
    reason: string,
    expectedVersion: number | undefined,
  ): Promise<ApplicationAggregate> {
    return this.runner.run(actor, id, async (ctx) => {
      const result = decide(ctx.state, { type: 'withdraw', reason, expectedVersion }, ctx.actor);
      await this.runner.applyDecision(ctx, result);
      return this.runner.reload(ctx);
    });
  }

  assign(
    actor: Actor,
    id: string,
    assigneeId: string,
    expectedVersion: number | undefined,
  ): Promise<ApplicationAggregate> {
    return this.runner.run(actor, id, async (ctx) => {
      const roles = await findUserRoles(ctx.manager, assigneeId);
      if (roles === null) {
        throw new DomainError('VALIDATION.FAILED', 'The assignee does not exist', [
          { field: 'assigneeId', message: 'no such user' },
        ]);
      }
      const result = decide(
        ctx.state,
        { type: 'assign', assignee: { id: assigneeId, roles: roles as ActorRole[] }, expectedVersion },
        ctx.actor,
      );
      await this.runner.applyDecision(ctx, result);
      return this.runner.reload(ctx);
    });
  }

  /**
   * The officer's moves: advance, reject, defer, close. `financing → committee` also passes the portfolio's
   * guards (portfolio.md) under the portfolio lock and records check `PORTFOLIO.CONCENTRATION`; a move refused
   * for a failed concentration still records the failed check (the officer needs it to ask for a waiver): that
   * row and its audit event commit, the stage does not move, and the answer is the 409.
   */
  async transition(
    actor: Actor,
    id: string,
    move: { to: string; reason?: string; noteToSponsor?: string },
    expectedVersion: number | undefined,
  ): Promise<ApplicationAggregate> {
    const { to, reason } = move;
    // pipeline.md "What a sponsor sees": the sponsor reads stage moves "with the reasons addressed to it". The
    // officer's `reason` is the fund's own; a note meant for the sponsor is this separate text, kept in the
    // event's context, where the sponsor timeline (sponsorTimeline) reads it.
    const note = move.noteToSponsor?.trim();
    const sponsorContext: Record<string, JsonValue> = note ? { noteToSponsor: note } : {};
    const outcome = await this.runner.run(actor, id, async (ctx) => {
      const command = { type: 'transition' as const, to: to as Stage, reason, expectedVersion };
      if (!(ctx.state.stage === 'financing' && to === 'committee')) {
        const result = decide(ctx.state, command, ctx.actor);
        await this.runner.applyDecision(ctx, result, { context: sponsorContext });
        return { aggregate: await this.runner.reload(ctx) };
      }
      const gate = await this.portfolioGate.evaluate(ctx, 'committee');
      const recorded = await this.portfolioGate.recordCheck(ctx, gate);
      const state = {
        ...ctx.state,
        checks: ctx.state.checks
          .filter((c) => c.code !== CHECK_CODES.PORTFOLIO_CONCENTRATION)
          .concat({
            code: CHECK_CODES.PORTFOLIO_CONCENTRATION,
            stage: 'financing',
            outcome: gate.checkOutcome,
          }),
      };
      try {
        const result = decideWithPortfolio(() => decide(state, command, ctx.actor), gate.details);
        await this.runner.applyDecision(ctx, result, {
          context: { ...portfolioAuditContext(gate), ...sponsorContext },
        });
        return { aggregate: await this.runner.reload(ctx) };
      } catch (error) {
        if (!(recorded && gate.checkOutcome === 'fail' && error instanceof DomainError)) throw error;
        if (error.code !== 'APPLICATION.GUARD_FAILED') throw error;
        await this.runner.commit(
          ctx,
          {},
          {
            role: 'officer',
            action: 'check.evaluated',
            subject: { type: 'check', id: CHECK_CODES.PORTFOLIO_CONCENTRATION },
            after: { outcome: 'fail' },
            context: portfolioAuditContext(gate),
          },
        );
        return { refused: error };
      }
    });
    if ('refused' in outcome) throw outcome.refused;
    return outcome.aggregate;
  }
}
