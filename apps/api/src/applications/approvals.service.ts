import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type JsonValue } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  decideApproval,
  DomainError,
  isTerminalStage,
  type ApprovalItem,
  type ApprovalStatus,
} from '@forge/domain';
import {
  findApproval,
  findAssessmentApplication,
  insertRiskBandOverride,
  listApprovals,
  recomputeScreening,
  recordApprovalDecision,
  refreshEsgChecks,
  satisfyCondition,
  UnitOfWork,
  updateCheckResolution,
  upsertDisposition,
  type ApplicationChanges,
} from '@forge/persistence';
import { type AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApplicationCommandRunner, type CommandContext } from './application-command.runner.js';
import { presentApproval } from './application.presenter.js';
import { ReviewService } from './review.service.js';

type Payload = Record<string, unknown>;

function payloadOf(item: ApprovalItem): Payload {
  return item.payload !== null && typeof item.payload === 'object' && !Array.isArray(item.payload)
    ? (item.payload as Payload)
    : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function effectConflict(message: string): DomainError {
  return new DomainError('APPROVAL.EFFECT_CONFLICT', message);
}

/**
 * The maker-checker inbox and decisions. An approval's effect is applied in the approving transaction (one
 * handler per action), together with the decision and its one audit event (`approval.granted`); a rejected
 * item is kept with its checker and note (`approval.rejected`).
 */
@Injectable()
export class ApprovalsService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(ReviewService) private readonly review: ReviewService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(status: ApprovalStatus, applicationId: string | undefined, limit: number) {
    return this.unitOfWork.run(async (manager) => {
      const items = await listApprovals(manager, { status, applicationId, limit });
      return { items: items.map(presentApproval) };
    });
  }

  async decide(user: AuthenticatedUser, approvalId: string, decision: 'approve' | 'reject', note: string) {
    const found = await this.unitOfWork.run((manager) => findApproval(manager, approvalId));
    if (!found) throw new DomainError('APPROVAL.NOT_FOUND', 'approval not found');
    // Lock order: the application first (like every command), then the item.
    return this.runner.run(user, found.applicationId, async (ctx) => {
      const item = await findApproval(ctx.manager, approvalId, { lock: true });
      if (!item) throw new DomainError('APPROVAL.NOT_FOUND', 'approval not found');
      const result = decideApproval(item, ctx.actor, decision, note, ctx.now.toISOString());
      if (result.takeEffect && isTerminalStage(ctx.state.stage)) {
        throw new DomainError(
          'APPLICATION.INVALID_TRANSITION',
          `the application is ${ctx.state.stage}: the item can only be rejected`,
        );
      }
      await recordApprovalDecision(ctx.manager, result.item);
      const changes: ApplicationChanges = {};
      const effect = result.takeEffect ? await this.applyEffect(ctx, result.item, changes) : null;
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
        async () => (effect ? await effect() : {}),
      );
      return presentApproval(result.item);
    });
  }

  /**
   * Applies an approved item. Row changes happen at once; `changes` collects application columns for the
   * command's versioned update; the returned function runs after that update (it reads the new state).
   */
  private async applyEffect(
    ctx: CommandContext,
    item: ApprovalItem,
    changes: ApplicationChanges,
  ): Promise<() => Promise<Record<string, JsonValue>>> {
    const payload = payloadOf(item);
    const applicationId = ctx.aggregate.application.id;
    switch (item.action) {
      case 'check.waive': {
        const check = ctx.aggregate.checks.find((c) => c.code === item.subject);
        if (!check) throw effectConflict(`the check ${item.subject} no longer exists`);
        await updateCheckResolution(ctx.manager, check.id, {
          outcome: 'waived',
          note: text(payload.note),
          resolvedBy: item.makerId,
        });
        return async () => ({ effect: { check: item.subject, outcome: 'waived', previous: check.outcome } });
      }
      case 'screening.false_positive': {
        await upsertDisposition(ctx.manager, {
          id: randomUUID(),
          applicationId,
          partyName: item.subject,
          disposition: 'false_positive',
          note: text(payload.note),
          decidedBy: item.makerId,
        });
        return async () => {
          const screening = await recomputeScreening(ctx.manager, applicationId, this.config.checks);
          return {
            effect: {
              party: item.subject,
              disposition: 'false_positive',
              screeningResult: (screening as { result?: string } | null)?.result ?? null,
            },
          };
        };
      }
      case 'category.downgrade': {
        const category = text(payload.category);
        if (!category) throw effectConflict('the item names no category');
        changes.category = category;
        changes.categoryRationale = text(payload.rationale);
        return async () => {
          const refresh = await refreshEsgChecks(ctx.manager, applicationId, this.config.checks);
          return { effect: { category, checksCreated: refresh.created, checksDropped: refresh.dropped } };
        };
      }
      case 'risk.override': {
        const band = text(payload.band);
        const rationale = text(payload.rationale);
        if (!band || !rationale) throw effectConflict('the item names no band or rationale');
        await insertRiskBandOverride(ctx.manager, {
          id: randomUUID(),
          applicationId,
          assessmentId: item.subject,
          band,
          rationale,
          approvalId: item.id,
        });
        return async () => ({ effect: { assessmentId: item.subject, band } });
      }
      case 'condition.satisfy': {
        const evidence = { text: text(payload.evidence), documentIds: payload.documentIds ?? [] };
        const done = await satisfyCondition(ctx.manager, {
          id: item.subject,
          applicationId,
          evidence,
          now: ctx.now,
        });
        if (!done) throw effectConflict(`the condition ${item.subject} no longer exists`);
        return async () => ({ effect: { conditionId: item.subject, satisfied: true } });
      }
      default:
        throw effectConflict(`unknown action ${String(item.action)}`);
    }
  }

  /** `POST /risk-assessments/:id/override`: a pending `risk.override` item (subject: the assessment id). */
  async requestRiskOverride(user: AuthenticatedUser, assessmentId: string, band: string, rationale: string) {
    const assessment = await this.unitOfWork.run((manager) =>
      findAssessmentApplication(manager, assessmentId),
    );
    if (!assessment) throw new DomainError('RISK_ASSESSMENT.NOT_FOUND', 'risk assessment not found');
    return this.runner.run(user, assessment.applicationId, async (ctx) => {
      this.requireOpen(ctx);
      const item = await this.review.proposeApproval(
        ctx,
        'risk.override',
        assessmentId,
        { band, rationale },
        rationale,
      );
      return presentApproval(item);
    });
  }

  /** `POST /applications/:id/conditions/:cpId/satisfy`: a pending `condition.satisfy` item. */
  requestConditionSatisfied(
    user: AuthenticatedUser,
    applicationId: string,
    conditionId: string,
    evidence: string,
    documentIds: string[],
  ) {
    return this.runner.run(user, applicationId, async (ctx) => {
      this.runner.requireStage(ctx, ['approved'], 'satisfying a condition precedent');
      const condition = ctx.aggregate.conditions.find((c) => c.id === conditionId);
      if (!condition) throw new DomainError('CONDITION.NOT_FOUND', 'condition precedent not found');
      if (condition.satisfied)
        throw new DomainError('CONDITION.STATE_CONFLICT', 'the condition is already satisfied');
      const known = new Set(ctx.aggregate.documents.map((d) => d.id));
      const unknown = documentIds.filter((d) => !known.has(d));
      if (unknown.length > 0) {
        throw new DomainError('VALIDATION.FAILED', 'Unknown documents', [
          { field: 'documentIds', message: `not documents of this application: ${unknown.join(', ')}` },
        ]);
      }
      const item = await this.review.proposeApproval(
        ctx,
        'condition.satisfy',
        conditionId,
        { evidence, documentIds },
        evidence,
      );
      return presentApproval(item);
    });
  }

  private requireOpen(ctx: CommandContext): void {
    if (isTerminalStage(ctx.state.stage) || ctx.state.stage === 'draft') {
      throw new DomainError(
        'APPLICATION.INVALID_TRANSITION',
        `nothing can be proposed in stage ${ctx.state.stage}`,
      );
    }
  }
}
