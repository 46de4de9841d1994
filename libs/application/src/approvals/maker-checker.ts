import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { appendAuditEvent, type AuditActor, type JsonValue } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  accountRoleProblems,
  applyDisbursement,
  assertFourEyes,
  assertWaivable,
  cancelOpenDisbursements,
  decide,
  decideApproval,
  DomainError,
  rejectDisbursement,
  isTerminalStage,
  requestApproval,
  type Actor,
  type ApprovalAction,
  type ApprovalItem,
  toJson,
} from '@forge/domain';
import {
  findApproval,
  insertPendingApproval,
  insertRiskBandOverride,
  listDisbursements,
  updateDisbursement,
  recordApprovalDecision,
  recordApprovalEndorsement,
  roleRequestsRepository,
  satisfyCondition,
  updateCheckResolution,
  upsertDisposition,
  type ApplicationChanges,
  type RoleRequestRecord,
  type UserRecord,
} from '@forge/persistence';
import { recomputeScreening, reevaluationTiming, refreshEsgChecks } from '../screening/check-sync.js';
import { ApplicationAccess } from '../access/application-access.js';
import { ApplicationCommandRunner, type CommandContext } from '../applications/application-command.runner.js';
import { changeAccount, lockUser, type RoleChangeOutcome, sameRoles } from '../identity/account-changes.js';
import { loadDisbursementContext } from '../monitoring/disbursement-context.js';
import {
  type AccountApprovalAction,
  type AccountApprovalPayloads,
  PAYLOAD_READERS,
  roleGrantPayload,
  type ApprovalPayloads,
} from './approval-payloads.js';
import { waiverFacts } from './waiver-facts.js';

function effectConflict(message: string): DomainError {
  return new DomainError('APPROVAL.EFFECT_CONFLICT', message);
}

/** What an approved item's effect reports into the approval's audit event, once the application is updated. */
type EffectReport = () => Promise<Record<string, JsonValue>>;

/**
 * The effect of one action, applied inside the approving command's transaction: row changes happen at once,
 * application columns go into `changes` (the command's one versioned update), and the returned report runs
 * after that update (it may read the new state).
 */
type ApprovalHandler<A extends ApprovalAction> = (
  ctx: CommandContext,
  item: ApprovalItem,
  payload: ApprovalPayloads[A],
  changes: ApplicationChanges,
) => Promise<EffectReport>;

/**
 * What a rejection does besides recording the decision (most actions: nothing; the item is kept with its checker
 * and note). Runs inside the rejecting command's transaction, before its audit event. It does not read the
 * payload: an item whose payload no longer fits its action can still be rejected.
 */
type RejectionHandler = (ctx: CommandContext, item: ApprovalItem, note: string) => Promise<void>;

/**
 * The effect of an approved item about an account (approval-payloads.ts, `AccountApprovalPayloads`), inside the
 * deciding transaction, on the locked user: returns the user as it now stands.
 */
type AccountApprovalHandler<A extends AccountApprovalAction> = (
  manager: EntityManager,
  user: UserRecord,
  payload: AccountApprovalPayloads[A],
) => Promise<UserRecord>;

/**
 * An admin asks for a role grant (the proposal side of `MakerChecker.decideRoleGrant`), in the caller's transaction:
 * a pending `user.role_grant` item about the user, whose payload is the roles held now and the full set asked for.
 * One pending grant per user (409 `AUTH.ROLE_REQUEST_PENDING`). The caller writes its audit event (the contract's
 * `user.created` or `user.role_change_requested`, naming the request).
 */
export async function proposeRoleGrant(
  manager: EntityManager,
  user: Pick<UserRecord, 'id' | 'roles'>,
  grant: Pick<AccountApprovalPayloads['user.role_grant'], 'rolesAfter' | 'reason'>,
  maker: Pick<AuditActor, 'id'>,
): Promise<RoleRequestRecord> {
  const payload: AccountApprovalPayloads['user.role_grant'] = { rolesBefore: user.roles, ...grant };
  const request = await roleRequestsRepository.insertPending(manager, {
    userId: user.id,
    ...payload,
    requestedBy: maker.id,
  });
  if (!request) {
    throw new DomainError('AUTH.ROLE_REQUEST_PENDING', 'A role change for this user awaits a decision');
  }
  return request;
}

/**
 * The one maker-checker service: an officer proposes (`propose`, a pending item, audit `approval.requested`),
 * another officer approves or rejects (`decide`); an approval applies the action's effect through its handler
 * in the approving transaction, with the decision and its one audit event (`approval.granted`); a rejected
 * item is kept with its checker and note (`approval.rejected`), and the action's rejection handler runs if it has
 * one. A new action is a payload type (approval-payloads.ts), its reader and one handler here (plus a rejection
 * handler when refusing it must undo something).
 *
 * Role grants (docs/identity.md) are the same four eyes about an account: an admin asks (`proposeRoleGrant`, in
 * role_requests), a second admin decides (`decideRoleGrant`), under the same rule (`assertFourEyes`: never the maker, never twice) and with
 * one handler for `user.role_grant`; their audit events are the identity ones the contract names.
 */
@Injectable()
export class MakerChecker {
  private readonly handlers: { [A in ApprovalAction]: ApprovalHandler<A> };
  private readonly rejectionHandlers: { [A in ApprovalAction]?: RejectionHandler } = {
    // A refused disbursement ends `rejected`; the sponsor may request again.
    'disbursement.release': async (ctx, item, note) => {
      const disbursement = (await listDisbursements(ctx.manager, ctx.aggregate.application.id)).find(
        (d) => d.id === item.subject,
      );
      if (disbursement?.status === 'proposed') {
        await updateDisbursement(
          ctx.manager,
          rejectDisbursement(disbursement, ctx.actor, note, ctx.now.toISOString()),
        );
      }
    },
  };

  private readonly accountHandlers: { [A in AccountApprovalAction]: AccountApprovalHandler<A> } = {
    // The roles apply as asked, unless the user's roles changed since (the request is stale: reject, ask again).
    'user.role_grant': async (manager, user, payload) => {
      if (!sameRoles(user.roles, payload.rolesBefore)) {
        throw new DomainError(
          'AUTH.ROLE_REQUEST_STALE',
          "The user's roles changed since this request was made: reject it and ask again",
        );
      }
      const problems = accountRoleProblems(payload.rolesAfter, user.organizationId);
      if (problems.length > 0) {
        throw new DomainError('VALIDATION.FAILED', 'These roles are not valid', problems);
      }
      return changeAccount(manager, user, { roles: payload.rolesAfter }, null);
    },
  };

  constructor(
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(ApplicationAccess) private readonly access: ApplicationAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.handlers = {
      'check.waive': async (ctx, item, payload) => {
        const check = ctx.aggregate.checks.find((c) => c.code === item.subject);
        if (!check) throw effectConflict(`the check ${item.subject} no longer exists`);
        // Checked again on approval: a screening that became blocked, or a category upgraded to A, since the
        // proposal still refuses the waiver (409 CHECK.NOT_WAIVABLE; the item can only be rejected).
        assertWaivable(item.subject, waiverFacts(ctx.aggregate, check));
        await updateCheckResolution(ctx.manager, check.id, {
          outcome: 'waived',
          note: payload.note,
          resolvedBy: item.makerId,
        });
        return async () => ({ effect: { check: item.subject, outcome: 'waived', previous: check.outcome } });
      },
      'screening.false_positive': async (ctx, item, payload) => {
        const applicationId = ctx.aggregate.application.id;
        await upsertDisposition(ctx.manager, {
          id: randomUUID(),
          applicationId,
          partyName: item.subject,
          disposition: 'false_positive',
          note: payload.note,
          decidedBy: item.makerId,
        });
        return async () => {
          const screening = await recomputeScreening(
            ctx.manager,
            applicationId,
            reevaluationTiming(ctx.now, this.config.deadlines.policy),
            this.config.checks,
          );
          return {
            effect: {
              party: item.subject,
              disposition: 'false_positive',
              screeningResult: screening?.result ?? null,
            },
          };
        };
      },
      'category.downgrade': async (ctx, _item, payload, changes) => {
        changes.category = payload.category;
        changes.categoryRationale = payload.rationale;
        return async () => {
          const refresh = await refreshEsgChecks(
            ctx.manager,
            ctx.aggregate.application.id,
            reevaluationTiming(ctx.now, this.config.deadlines.policy),
            this.config.checks,
          );
          return {
            effect: {
              category: payload.category,
              checksCreated: refresh.created,
              checksDropped: refresh.dropped,
            },
          };
        };
      },
      'risk.override': async (ctx, item, payload) => {
        await insertRiskBandOverride(ctx.manager, {
          id: randomUUID(),
          applicationId: ctx.aggregate.application.id,
          assessmentId: item.subject,
          band: payload.band,
          rationale: payload.rationale,
          approvalId: item.id,
        });
        return async () => ({ effect: { assessmentId: item.subject, band: payload.band } });
      },
      'disbursement.release': async (ctx, item, _payload, changes) => {
        const dctx = await loadDisbursementContext(ctx.manager, ctx.aggregate);
        const disbursement = dctx.disbursements.find((d) => d.id === item.subject);
        if (!disbursement) throw effectConflict(`the disbursement ${item.subject} no longer exists`);
        const applied = applyDisbursement(dctx, disbursement, ctx.actor, { now: ctx.now.toISOString() });
        const moved = decide(ctx.state, { type: 'disbursed', disbursedUsd: applied.disbursedUsd }, ctx.actor);
        await updateDisbursement(ctx.manager, applied.disbursement);
        changes.stage = moved.state.stage;
        changes.disbursedUsd = applied.disbursedUsd;
        return async () => ({
          effect: {
            disbursementId: item.subject,
            trancheId: disbursement.trancheId,
            stage: { from: applied.stage.from, to: applied.stage.to, path: applied.stage.path },
          },
          amountUsd: disbursement.amountUsd,
          valueDate: applied.disbursement.valueDate as string,
          disbursedUsd: applied.disbursedUsd,
        });
      },
      'application.write_off': async (ctx, _item, payload, changes) => {
        const moved = decide(ctx.state, { type: 'write_off', reason: payload.reason }, ctx.actor);
        const open = cancelOpenDisbursements(
          await listDisbursements(ctx.manager, ctx.aggregate.application.id),
          ctx.now.toISOString(),
        );
        for (const d of open) await updateDisbursement(ctx.manager, d);
        changes.stage = moved.state.stage;
        return async () => ({
          effect: {
            stage: { from: ctx.state.stage, to: moved.state.stage },
            disbursementsCancelled: open.map((d) => d.id),
          },
        });
      },
      'check.reevaluate': async (ctx, item, payload) => {
        const check = ctx.aggregate.checks.find((c) => c.code === item.subject);
        if (!check) throw effectConflict(`the check ${item.subject} no longer exists`);
        if (check.outcome !== 'waived') {
          throw effectConflict(
            `the check ${item.subject} is ${check.outcome} now, not waived: nothing to re-evaluate`,
          );
        }
        // The outcome automation computed from the new inputs applies, as an automated outcome: a `fail` or a
        // `needs_review` is worked on again like any other (a new waiver is a new four-eyes decision).
        await updateCheckResolution(ctx.manager, check.id, {
          outcome: payload.proposedOutcome,
          note: null,
          resolvedBy: null,
        });
        return async () => ({
          effect: {
            check: item.subject,
            outcome: payload.proposedOutcome,
            previous: check.outcome,
            endorsedBy: payload.endorsedBy,
          },
        });
      },
      'condition.satisfy': async (ctx, item, payload) => {
        const done = await satisfyCondition(ctx.manager, {
          id: item.subject,
          applicationId: ctx.aggregate.application.id,
          evidence: { text: payload.evidence, documentIds: payload.documentIds },
          now: ctx.now,
        });
        if (!done) throw effectConflict(`the condition ${item.subject} no longer exists`);
        return async () => ({ effect: { conditionId: item.subject, satisfied: true } });
      },
    };
  }

  /** Creates a pending item inside the caller's command (its audit event is `approval.requested`). */
  async propose<A extends ApprovalAction>(
    ctx: CommandContext,
    action: A,
    subject: string,
    payload: ApprovalPayloads[A],
    reason: string | null,
  ): Promise<ApprovalItem> {
    const json = toJson<ApprovalPayloads[ApprovalAction]>(payload);
    const item = requestApproval(
      ctx.aggregate.pendingApprovals,
      {
        id: randomUUID(),
        applicationId: ctx.aggregate.application.id,
        action,
        subject,
        payload: json,
        createdAt: ctx.now.toISOString(),
      },
      ctx.actor,
    );
    await insertPendingApproval(
      ctx.manager,
      item,
      this.runner.dueAt({ kind: 'approval', createdAt: item.createdAt }),
    );
    await this.runner.commit(
      ctx,
      {},
      {
        role: 'officer',
        action: 'approval.requested',
        subject: { type: 'approval', id: item.id },
        reason,
        after: { action, subject, status: 'pending', payload: json },
      },
    );
    return item;
  }

  /** A different officer approves (the effect applies) or rejects a pending item. */
  async decide(
    actor: Actor,
    approvalId: string,
    decision: 'approve' | 'reject',
    note: string,
  ): Promise<ApprovalItem> {
    const applicationId = await this.access.requireReadable(actor, { kind: 'approval', id: approvalId });
    // Lock order: the application first (like every command), then the item.
    return this.runner.run(actor, applicationId, async (ctx) => {
      const item = await findApproval(ctx.manager, approvalId, { lock: true });
      if (!item) throw new DomainError('APPROVAL.NOT_FOUND', 'approval not found');
      const result = decideApproval(item, ctx.actor, decision, note, ctx.now.toISOString());
      if (result.takeEffect && isTerminalStage(ctx.state.stage)) {
        throw new DomainError(
          'APPLICATION.INVALID_TRANSITION',
          `the application is ${ctx.state.stage}: the item can only be rejected`,
        );
      }
      if (result.action === 'approval.endorsed') {
        // The first of two approvals: the item stays pending with its endorser (one audit event).
        await recordApprovalEndorsement(ctx.manager, result.item);
        await this.runner.commit(
          ctx,
          {},
          {
            role: 'officer',
            action: 'approval.endorsed',
            subject: { type: 'approval', id: item.id },
            reason: note,
            before: { status: 'pending' },
            after: {
              status: 'pending',
              action: item.action,
              subject: item.subject,
              endorsedBy: ctx.actor.id,
            },
            context: { makerId: item.makerId, payload: result.item.payload },
          },
        );
        return result.item;
      }
      await recordApprovalDecision(ctx.manager, result.item);
      if (!result.takeEffect) await this.applyRejection(ctx, result.item, note);
      const changes: ApplicationChanges = {};
      const report = result.takeEffect ? await this.applyEffect(ctx, result.item, changes) : null;
      await this.runner.commit(
        ctx,
        changes,
        {
          role: 'officer',
          action: result.action,
          subject: { type: 'approval', id: item.id },
          reason: note,
          before: { status: 'pending' },
          after: { status: result.item.status, action: item.action, subject: item.subject },
          context: { makerId: item.makerId, payload: item.payload as JsonValue },
        },
        async () => (report ? await report() : {}),
      );
      return result.item;
    });
  }

  /**
   * A second admin approves or rejects a role grant, in the caller's transaction (docs/identity.md). The rule of
   * every item (`assertFourEyes`): not its maker (403 `APPROVAL.SELF_APPROVAL`; the maker may withdraw it), not
   * twice (409 `APPROVAL.ALREADY_DECIDED`); nor the user concerned (403 `AUTH.SELF_ADMINISTRATION`). Approval applies
   * the `user.role_grant` handler (`user.roles_changed`, naming the request and both admins); rejection keeps the
   * roles (`user.role_change_rejected`). One audit event either way.
   */
  async decideRoleGrant(
    manager: EntityManager,
    command: { requestId: string; decision: 'approve' | 'reject'; note: string | null },
    actor: AuditActor,
    context: Record<string, string> = {},
  ): Promise<RoleChangeOutcome> {
    const request = await roleRequestsRepository.findById(manager, command.requestId, { lock: true });
    if (!request) throw new DomainError('ROLE_REQUEST.NOT_FOUND', 'Role request not found');
    assertFourEyes({ makerId: request.requestedBy, status: request.status }, actor.id, command.decision, {
      makerMayWithdraw: true,
    });
    if (actor.id === request.userId) {
      throw new DomainError(
        'AUTH.SELF_ADMINISTRATION',
        'An admin cannot decide a role request about themselves',
      );
    }
    const user = await lockUser(manager, request.userId);
    const payload = roleGrantPayload(request);
    const approved = command.decision === 'approve';
    const updated = approved ? await this.accountHandlers['user.role_grant'](manager, user, payload) : user;
    await roleRequestsRepository.decide(manager, request.id, {
      status: approved ? 'approved' : 'rejected',
      decidedBy: actor.id,
      note: command.note,
    });
    const decision = { roleRequestId: request.id, requestedBy: request.requestedBy ?? 'system' };
    await appendAuditEvent(manager, {
      actor,
      action: approved ? 'user.roles_changed' : 'user.role_change_rejected',
      subject: { type: 'user', id: user.id },
      reason: approved ? payload.reason : command.note,
      before: { roles: user.roles },
      after: approved ? { roles: updated.roles } : { roles: user.roles, rejectedRoles: payload.rolesAfter },
      context: approved
        ? { ...context, ...decision, approvedBy: actor.id, ...(command.note ? { note: command.note } : {}) }
        : { ...context, ...decision },
    });
    return { user: updated, roleRequest: await roleRequestsRepository.findById(manager, request.id) };
  }

  private applyEffect<A extends ApprovalAction>(
    ctx: CommandContext,
    item: ApprovalItem & { action: A },
    changes: ApplicationChanges,
  ): Promise<EffectReport> {
    const handler = this.handlers[item.action] as ApprovalHandler<A> | undefined;
    if (!handler) throw effectConflict(`unknown action ${String(item.action)}`);
    const payload = PAYLOAD_READERS[item.action](item.payload) as ApprovalPayloads[A];
    return handler(ctx, item, payload, changes);
  }

  private async applyRejection(ctx: CommandContext, item: ApprovalItem, note: string): Promise<void> {
    await this.rejectionHandlers[item.action]?.(ctx, item, note);
  }
}
