import { Inject, Injectable } from '@nestjs/common';
import { appendAuditEvent, type JsonValue } from '@forge/audit';
import { decide, DomainError, type Stage } from '@forge/domain';
import {
  findUserRoles,
  insertApplication,
  listApplications,
  loadApplicationAggregate,
  UnitOfWork,
} from '@forge/persistence';
import { type AuthenticatedUser, toActor } from '../auth/authenticated-user.js';
import { ApplicationCommandRunner } from './application-command.runner.js';
import { assertOwnershipTreeValid, mergePatch, toPlain, withoutNulls } from './application-input.js';
import { presentApplication, presentSummary, type ApplicationView } from './application.presenter.js';
import { type ApplicationInputDto, type ListApplicationsQueryDto } from './dto/index.js';

interface Cursor {
  createdAt: string;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id]), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value[0]) &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(value[1])
    ) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw new DomainError('VALIDATION.FAILED', 'The cursor is not valid', [
    { field: 'cursor', message: 'must be a cursor returned by a previous page' },
  ]);
}

/** Intake (create, edit, submit, withdraw), assignment, stage moves and reads. */
@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
  ) {}

  async create(user: AuthenticatedUser, dto: ApplicationInputDto): Promise<ApplicationView> {
    if (!user.organizationId) {
      throw new DomainError('AUTH.FORBIDDEN', 'Only a sponsor of an organisation creates applications');
    }
    const input = withoutNulls(toPlain(dto)) as Record<string, unknown>;
    assertOwnershipTreeValid(input);
    return this.unitOfWork.run(async (manager) => {
      const application = await insertApplication(manager, {
        organizationId: user.organizationId as string,
        createdBy: user.id,
        input,
        now: new Date(),
      });
      const view = presentApplication(
        await loadApplicationAggregate(manager, application),
        this.runner.quorum,
      );
      // Last before COMMIT: the audit chain-head lock is held from here to the commit only.
      await appendAuditEvent(manager, {
        actor: { id: user.id, role: 'sponsor' },
        action: 'application.created',
        subject: { type: 'application', id: application.id },
        applicationId: application.id,
        after: { stage: 'draft', reference: application.reference },
        context: { version: 1 },
      });
      return view;
    });
  }

  patch(
    user: AuthenticatedUser,
    id: string,
    dto: ApplicationInputDto,
    expectedVersion: number | undefined,
  ): Promise<ApplicationView> {
    const patch = toPlain(dto) as Record<string, unknown>;
    delete patch.expectedVersion;
    return this.runner.run(user, id, async (ctx) => {
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
      return this.runner.view(ctx);
    });
  }

  submit(user: AuthenticatedUser, id: string, expectedVersion: number | undefined): Promise<ApplicationView> {
    return this.runner.run(user, id, async (ctx) => {
      const result = decide(ctx.state, { type: 'submit', expectedVersion }, ctx.actor);
      await this.runner.applyDecision(ctx, result);
      return this.runner.view(ctx);
    });
  }

  withdraw(
    user: AuthenticatedUser,
    id: string,
    reason: string,
    expectedVersion: number | undefined,
  ): Promise<ApplicationView> {
    return this.runner.run(user, id, async (ctx) => {
      const result = decide(ctx.state, { type: 'withdraw', reason, expectedVersion }, ctx.actor);
      await this.runner.applyDecision(ctx, result);
      return this.runner.view(ctx);
    });
  }

  assign(
    user: AuthenticatedUser,
    id: string,
    assigneeId: string,
    expectedVersion: number | undefined,
  ): Promise<ApplicationView> {
    return this.runner.run(user, id, async (ctx) => {
      const roles = await findUserRoles(ctx.manager, assigneeId);
      if (roles === null) {
        throw new DomainError('VALIDATION.FAILED', 'The assignee does not exist', [
          { field: 'assigneeId', message: 'no such user' },
        ]);
      }
      const result = decide(
        ctx.state,
        { type: 'assign', assignee: { id: assigneeId, roles: roles as never }, expectedVersion },
        ctx.actor,
      );
      await this.runner.applyDecision(ctx, result);
      return this.runner.view(ctx);
    });
  }

  transition(
    user: AuthenticatedUser,
    id: string,
    to: string,
    reason: string | undefined,
    expectedVersion: number | undefined,
  ): Promise<ApplicationView> {
    return this.runner.run(user, id, async (ctx) => {
      const result = decide(
        ctx.state,
        { type: 'transition', to: to as Stage, reason, expectedVersion },
        ctx.actor,
      );
      await this.runner.applyDecision(ctx, result);
      return this.runner.view(ctx);
    });
  }

  get(user: AuthenticatedUser, id: string): Promise<ApplicationView> {
    return this.runner.read(user, id);
  }

  async list(user: AuthenticatedUser, query: ListApplicationsQueryDto) {
    const limit = query.limit ?? 20;
    const actor = toActor(user);
    return this.unitOfWork.run(async (manager) => {
      const rows = await listApplications(
        manager,
        { roles: actor.roles, organizationId: actor.organizationId },
        {
          stage: query.stage,
          country: query.country,
          mineral: query.mineral,
          category: query.category,
          residualBand: query.residualBand,
          assigneeId: query.assignee,
          q: query.q,
          limit: limit + 1,
          after: query.cursor ? decodeCursor(query.cursor) : undefined,
        },
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(presentSummary),
        nextCursor:
          rows.length > limit && last ? encodeCursor({ createdAt: last.createdKey, id: last.id }) : null,
      };
    });
  }
}
