import { Inject, Injectable } from '@nestjs/common';
import { appendAuditEvent, type JsonValue } from '@forge/audit';
import { decide, DomainError, type Actor, type ActorRole, type Stage } from '@forge/domain';
import {
  findUserRoles,
  insertApplication,
  loadApplicationAggregate,
  UnitOfWork,
  type ApplicationAggregate,
} from '@forge/persistence';
import { ApplicationCommandRunner } from './application-command.runner.js';
import { assertOwnershipTreeValid, mergePatch, withoutNulls } from './application-input.js';

/**
 * Intake (create, edit, submit, withdraw), assignment and the officer's stage moves. Each returns the
 * application as the command left it, read in the command's transaction.
 */
@Injectable()
export class ApplicationCommands {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
  ) {}

  /** A new draft of the sponsor's organisation (version 1, a gap-free reference). */
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
      const aggregate = await loadApplicationAggregate(manager, application);
      // Last before COMMIT: the audit chain-head lock is held from here to the commit only.
      await appendAuditEvent(manager, {
        actor: { id: actor.id, role: 'sponsor' },
        action: 'application.created',
        subject: { type: 'application', id: application.id },
        applicationId: application.id,
        after: { stage: 'draft', reference: application.reference },
        context: { version: 1 },
      });
      return aggregate;
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
      await this.runner.applyDecision(ctx, result);
      return this.runner.reload(ctx);
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

  /** The officer's moves: advance, reject, defer, close. */
  transition(
    actor: Actor,
    id: string,
    to: string,
    reason: string | undefined,
    expectedVersion: number | undefined,
  ): Promise<ApplicationAggregate> {
    return this.runner.run(actor, id, async (ctx) => {
      const result = decide(
        ctx.state,
        { type: 'transition', to: to as Stage, reason, expectedVersion },
        ctx.actor,
      );
      await this.runner.applyDecision(ctx, result);
      return this.runner.reload(ctx);
    });
  }
}
