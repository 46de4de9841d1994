import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type JsonValue } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  classifyCategoryChange,
  DomainError,
  requestApproval,
  validateDraftForSubmit,
  type ApprovalAction,
  type ApprovalItem,
  type DraftApplicationInput,
  type EsCategory,
  type PipelineJson,
  type Stage,
} from '@forge/domain';
import {
  answerInformationRequest,
  insertInformationRequest,
  insertPendingApproval,
  recomputeScreening,
  refreshEsgChecks,
  replaceConditions,
  scheduleRiskAssessment,
  scheduleScreening,
  updateCheckResolution,
  upsertDisposition,
} from '@forge/persistence';
import { type AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApplicationCommandRunner, type CommandContext } from './application-command.runner.js';
import { assertOwnershipTreeValid, mergePatch, toPlain } from './application-input.js';
import { type ApplicationView } from './application.presenter.js';
import {
  type AnswerInformationRequestDto,
  type CategoryDto,
  type FinancingDto,
  type ResolveCheckDto,
  type ScreeningDispositionDto,
} from './dto/index.js';

/** Stages in which officers review (everything between submission and close). */
export const OPEN_STAGES: readonly Stage[] = [
  'submitted',
  'screening',
  'esg_review',
  'financing',
  'committee',
  'approved',
];
/** Stages in which check results, dispositions and maker-checker items are recorded. */
const REVIEW_STAGES: readonly Stage[] = ['screening', 'esg_review', 'financing', 'committee', 'approved'];

/**
 * Officer review commands: information requests (and the sponsor's answers), check resolutions, screening
 * dispositions, the E&S category, the financing structure. Four-eyes actions create a pending approval.
 */
@Injectable()
export class ReviewService {
  constructor(
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates a pending maker-checker item (its audit event is `approval.requested`). */
  async proposeApproval(
    ctx: CommandContext,
    action: ApprovalAction,
    subject: string,
    payload: PipelineJson,
    reason: string | null,
  ): Promise<ApprovalItem> {
    const item = requestApproval(
      ctx.aggregate.pendingApprovals,
      {
        id: randomUUID(),
        applicationId: ctx.aggregate.application.id,
        action,
        subject,
        payload,
        createdAt: ctx.now.toISOString(),
      },
      ctx.actor,
    );
    await insertPendingApproval(ctx.manager, item);
    await this.runner.commit(
      ctx,
      {},
      {
        role: 'officer',
        action: 'approval.requested',
        subject: { type: 'approval', id: item.id },
        reason,
        after: { action, subject, status: 'pending', payload: payload as JsonValue },
      },
    );
    return item;
  }

  openInformationRequest(user: AuthenticatedUser, id: string, question: string) {
    return this.runner.run(user, id, async (ctx) => {
      this.runner.requireStage(ctx, OPEN_STAGES, 'opening an information request');
      const requestId = randomUUID();
      await insertInformationRequest(ctx.manager, {
        id: requestId,
        applicationId: id,
        stage: ctx.state.stage,
        question,
        askedBy: ctx.actor.id,
        now: ctx.now,
      });
      const version = await this.runner.commit(
        ctx,
        {},
        {
          role: 'officer',
          action: 'information_request.opened',
          subject: { type: 'information_request', id: requestId },
          after: { status: 'open', question, stage: ctx.state.stage },
        },
      );
      return {
        id: requestId,
        applicationId: id,
        stage: ctx.state.stage,
        status: 'open' as const,
        question,
        askedBy: ctx.actor.id,
        askedAt: ctx.now.toISOString(),
        applicationVersion: version,
      };
    });
  }

  answerInformationRequest(
    user: AuthenticatedUser,
    id: string,
    requestId: string,
    dto: AnswerInformationRequestDto,
  ): Promise<ApplicationView> {
    return this.runner.run(user, id, async (ctx) => {
      const request = ctx.aggregate.informationRequests.find((r) => r.id === requestId);
      if (!request) throw new DomainError('INFORMATION_REQUEST.NOT_FOUND', 'information request not found');
      if (request.status !== 'open') {
        throw new DomainError(
          'INFORMATION_REQUEST.STATE_CONFLICT',
          'the information request is already answered',
        );
      }
      this.runner.requireStage(ctx, OPEN_STAGES, 'answering an information request');
      const documentIds = dto.documentIds ?? [];
      const known = new Set(ctx.aggregate.documents.map((d) => d.id));
      const unknown = documentIds.filter((d) => !known.has(d));
      if (unknown.length > 0) {
        throw new DomainError('VALIDATION.FAILED', 'Unknown documents', [
          { field: 'documentIds', message: `not documents of this application: ${unknown.join(', ')}` },
        ]);
      }
      const amendments = dto.amendments ? (toPlain(dto.amendments) as Record<string, unknown>) : null;
      const amended = amendments !== null && Object.keys(amendments).length > 0;
      let input = ctx.aggregate.application.input;
      if (amended) {
        input = mergePatch(input, amendments) as Record<string, unknown>;
        assertOwnershipTreeValid(input);
        // Past the draft the input stays complete and valid.
        const problems = validateDraftForSubmit(input as DraftApplicationInput);
        if (problems.length > 0) {
          throw new DomainError('VALIDATION.FAILED', 'The amended application input is not valid', problems);
        }
      }
      const answered = await answerInformationRequest(ctx.manager, {
        id: requestId,
        answer: dto.answer,
        documentIds,
        amendments: amended ? amendments : null,
        answeredBy: ctx.actor.id,
        now: ctx.now,
      });
      if (!answered) {
        throw new DomainError(
          'INFORMATION_REQUEST.STATE_CONFLICT',
          'the information request is already answered',
        );
      }
      const version = ctx.aggregate.application.version + 1;
      await this.runner.commit(
        ctx,
        amended ? { input, screeningRequestedVersion: version } : {},
        {
          role: 'sponsor',
          action: 'information_request.answered',
          subject: { type: 'information_request', id: requestId },
          before: { status: 'open' },
          after: {
            status: 'answered',
            documentIds,
            amendedFields: amended ? Object.keys(amendments) : [],
          },
        },
        async () => {
          if (!amended) return;
          // New inputs: screen again and re-score (the previous assessment is stale: its inputs hash differs).
          const screeningJobId = await scheduleScreening(ctx.manager, id, 'amended');
          const riskJobId = await scheduleRiskAssessment(ctx.manager, id, 'amended');
          return { screeningJobId, riskJobId };
        },
      );
      return this.runner.view(ctx);
    });
  }

  resolveCheck(
    user: AuthenticatedUser,
    id: string,
    code: string,
    dto: ResolveCheckDto,
    expectedVersion: number | undefined,
  ): Promise<ApplicationView> {
    return this.runner.run(user, id, async (ctx) => {
      this.runner.checkVersion(ctx, expectedVersion);
      this.runner.requireStage(ctx, REVIEW_STAGES, 'resolving a check');
      const check = ctx.aggregate.checks.find((c) => c.code === code);
      if (!check) throw new DomainError('CHECK.NOT_FOUND', `no check ${code} on this application`);
      if (dto.outcome === 'waived') {
        if (check.outcome !== 'needs_review' && check.outcome !== 'fail') {
          throw new DomainError('CHECK.RESOLUTION_CONFLICT', `a ${check.outcome} check cannot be waived`);
        }
        await this.proposeApproval(ctx, 'check.waive', code, { note: dto.note }, dto.note);
        return this.runner.view(ctx);
      }
      if (check.outcome !== 'needs_review') {
        throw new DomainError(
          'CHECK.RESOLUTION_CONFLICT',
          `only a needs_review check is resolved to pass or fail (${code} is ${check.outcome})`,
        );
      }
      await updateCheckResolution(ctx.manager, check.id, {
        outcome: dto.outcome,
        note: dto.note,
        resolvedBy: ctx.actor.id,
      });
      await this.runner.commit(
        ctx,
        {},
        {
          role: 'officer',
          action: 'check.resolved',
          subject: { type: 'check', id: code },
          reason: dto.note,
          before: { outcome: check.outcome },
          after: { outcome: dto.outcome },
        },
      );
      return this.runner.view(ctx);
    });
  }

  recordDisposition(
    user: AuthenticatedUser,
    id: string,
    dto: ScreeningDispositionDto,
    expectedVersion: number | undefined,
  ): Promise<ApplicationView> {
    return this.runner.run(user, id, async (ctx) => {
      this.runner.checkVersion(ctx, expectedVersion);
      this.runner.requireStage(ctx, REVIEW_STAGES, 'recording a screening disposition');
      const parties = ctx.aggregate.application.screening?.parties;
      const known =
        Array.isArray(parties) && parties.some((p) => (p as { name?: unknown })?.name === dto.partyName);
      if (!known) {
        throw new DomainError('SCREENING_PARTY.NOT_FOUND', `no screened party named ${dto.partyName}`);
      }
      if (dto.disposition === 'false_positive') {
        await this.proposeApproval(
          ctx,
          'screening.false_positive',
          dto.partyName,
          { note: dto.note },
          dto.note,
        );
        return this.runner.view(ctx);
      }
      await upsertDisposition(ctx.manager, {
        id: randomUUID(),
        applicationId: id,
        partyName: dto.partyName,
        disposition: 'true_match',
        note: dto.note,
        decidedBy: ctx.actor.id,
      });
      await this.runner.commit(
        ctx,
        {},
        {
          role: 'officer',
          action: 'screening.disposition_recorded',
          subject: { type: 'screening_party', id: dto.partyName },
          reason: dto.note,
          after: { disposition: 'true_match' },
        },
        async () => {
          const screening = await recomputeScreening(ctx.manager, id, this.config.checks);
          const result = (screening as { result?: string } | null)?.result ?? null;
          return { screeningResult: result };
        },
      );
      return this.runner.view(ctx);
    });
  }

  setCategory(
    user: AuthenticatedUser,
    id: string,
    dto: CategoryDto,
    expectedVersion: number | undefined,
  ): Promise<ApplicationView> {
    return this.runner.run(user, id, async (ctx) => {
      this.runner.checkVersion(ctx, expectedVersion);
      this.runner.requireStage(ctx, ['esg_review'], 'confirming the E&S category');
      const proposed = (ctx.aggregate.application.proposedCategory as EsCategory | null) ?? null;
      const rationale = dto.rationale?.trim() ? dto.rationale : undefined;
      const change = classifyCategoryChange(proposed, dto.category, rationale);
      if (change === 'downgrade') {
        await this.proposeApproval(
          ctx,
          'category.downgrade',
          'category',
          { category: dto.category, rationale: rationale ?? null, proposed },
          rationale ?? null,
        );
        return this.runner.view(ctx);
      }
      await this.runner.commit(
        ctx,
        { category: dto.category, categoryRationale: rationale ?? null },
        {
          role: 'officer',
          action: 'category.confirmed',
          reason: rationale ?? null,
          before: { category: ctx.aggregate.application.category, proposedCategory: proposed },
          after: { category: dto.category, change },
        },
        async () => {
          const refresh = await refreshEsgChecks(ctx.manager, id, this.config.checks);
          return {
            checksCreated: refresh.created,
            checksUpdated: refresh.updated,
            checksDropped: refresh.dropped,
          };
        },
      );
      return this.runner.view(ctx);
    });
  }

  setFinancing(
    user: AuthenticatedUser,
    id: string,
    dto: FinancingDto,
    expectedVersion: number | undefined,
  ): Promise<ApplicationView> {
    return this.runner.run(user, id, async (ctx) => {
      this.runner.checkVersion(ctx, expectedVersion);
      this.runner.requireStage(ctx, ['financing'], 'recording the financing structure');
      const financing = {
        instrument: dto.instrument,
        amountUsd: dto.amountUsd,
        tenorYears: dto.tenorYears,
        mitigants: toPlain(dto.mitigants) as object[],
        conditionsPrecedent: dto.conditionsPrecedent,
      };
      const conditions = dto.conditionsPrecedent.map((text) => ({ id: randomUUID(), text }));
      await replaceConditions(ctx.manager, id, conditions);
      await this.runner.commit(
        ctx,
        { financing },
        {
          role: 'officer',
          action: 'financing.recorded',
          before: (ctx.aggregate.application.financing ?? null) as JsonValue,
          after: financing as unknown as JsonValue,
        },
        async () => ({ riskJobId: await scheduleRiskAssessment(ctx.manager, id, 'financing_changed') }),
      );
      return this.runner.view(ctx);
    });
  }
}
