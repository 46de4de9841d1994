import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  assertFinancingGuards,
  assertWaivable,
  assertNoOpenRound,
  classifyCategoryChange,
  decideAmendment,
  DISPOSITION_STAGES,
  DomainError,
  OPEN_STAGES,
  parseCovenants,
  parseTranches,
  REVIEWABLE_STAGES,
  validateDraftForSubmit,
  type Actor,
  type ApprovalItem,
  type DraftApplicationInput,
  type EsCategory,
  type CofinancingLine,
  type FieldProblem,
  type FinancingStructure,
  type PipelineRiskBand,
  type RecordedFinancing,
  toJson,
} from '@forge/domain';
import {
  answerInformationRequest,
  insertInformationRequest,
  listCoFinancingAmounts,
  refreshEligibilityChecks,
  replaceCofinancingLines,
  replaceConditions,
  updateCheckResolution,
  upsertDisposition,
  type ApplicationAggregate,
} from '@forge/persistence';
import { recomputeScreening, reevaluationTiming, refreshEsgChecks } from '../screening/check-sync.js';
import { ApplicationAccess } from '../access/application-access.js';
import { ApplicationCommandRunner, type CommandContext } from '../applications/application-command.runner.js';
import { assertOwnershipTreeValid, mergePatch } from '../applications/application-input.js';
import { MakerChecker } from '../approvals/maker-checker.js';
import { waiverFacts } from '../approvals/waiver-facts.js';
import { scheduleRiskAssessment } from '../risk/risk-scheduler.js';
import { scheduleScreening } from '../screening/screening-scheduler.js';
import { assertCofinancingLines } from '../portfolio/cofinancing.js';
import { trancheConditionIds } from '../monitoring/disbursement-commands.js';

export interface OpenedInformationRequest {
  id: string;
  applicationId: string;
  stage: string;
  status: 'open';
  question: string;
  askedBy: string;
  askedAt: string;
  applicationVersion: number;
}

export interface InformationRequestAnswer {
  answer: string;
  documentIds?: string[];
  /** A JSON merge patch of the application input. */
  amendments?: Record<string, unknown> | null;
}

export interface CheckResolution {
  outcome: 'pass' | 'fail' | 'waived';
  note: string;
}

export interface ScreeningDispositionInput {
  partyName: string;
  disposition: 'true_match' | 'false_positive';
  note: string;
}

function unknownDocuments(ctx: CommandContext, documentIds: readonly string[]): void {
  const known = new Set(ctx.aggregate.documents.map((d) => d.id));
  const unknown = documentIds.filter((d) => !known.has(d));
  if (unknown.length > 0) {
    throw new DomainError('VALIDATION.FAILED', 'Unknown documents', [
      { field: 'documentIds', message: `not documents of this application: ${unknown.join(', ')}` },
    ]);
  }
}

/**
 * Officer review: information requests (and the sponsor's answers), check resolutions, screening
 * dispositions, the E&S category, the financing structure, risk band overrides and conditions precedent.
 * Four-eyes actions create a pending maker-checker item instead of taking effect.
 */
@Injectable()
export class ReviewCommands {
  constructor(
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(ApplicationAccess) private readonly access: ApplicationAccess,
    @Inject(MakerChecker) private readonly makerChecker: MakerChecker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  openInformationRequest(actor: Actor, id: string, question: string): Promise<OpenedInformationRequest> {
    return this.runner.run(actor, id, async (ctx) => {
      this.runner.requireStage(ctx, OPEN_STAGES, 'opening an information request');
      // pipeline.md: not while a committee round is open (409 COMMITTEE.ROUND_OPEN: defer to financing first).
      assertNoOpenRound(ctx.state.stage, ctx.state.committee);
      const requestId = randomUUID();
      await insertInformationRequest(ctx.manager, {
        id: requestId,
        applicationId: id,
        stage: ctx.state.stage,
        question,
        askedBy: ctx.actor.id,
        now: ctx.now,
        // Fixed when asked (docs/notifications.md "Due times").
        dueAt: this.runner.dueAt({ kind: 'information_request', openedAt: ctx.now.toISOString() }),
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
    actor: Actor,
    id: string,
    requestId: string,
    answer: InformationRequestAnswer,
  ): Promise<ApplicationAggregate> {
    return this.runner.run(actor, id, async (ctx) => {
      const request = ctx.aggregate.informationRequests.find((r) => r.id === requestId);
      if (!request) throw new DomainError('INFORMATION_REQUEST.NOT_FOUND', 'information request not found');
      if (request.status !== 'open') {
        throw new DomainError(
          'INFORMATION_REQUEST.STATE_CONFLICT',
          'the information request is already answered',
        );
      }
      this.runner.requireStage(ctx, OPEN_STAGES, 'answering an information request');
      const documentIds = answer.documentIds ?? [];
      unknownDocuments(ctx, documentIds);
      const amendments = answer.amendments ?? null;
      const amended = amendments !== null && Object.keys(amendments).length > 0;
      let input = ctx.aggregate.application.input;
      if (amended) {
        // Issue 13: only before `committee` (409 APPLICATION.AMENDMENT_NOT_ALLOWED in committee: defer first;
        // APPLICATION.INPUT_FROZEN from approval on). Decided before anything is written.
        decideAmendment(ctx.state.stage);
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
        answer: answer.answer,
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
            amendedFields: amended && amendments ? Object.keys(amendments) : [],
          },
        },
        async () => {
          if (!amended) return;
          // New inputs: every automated check is evaluated again now, on the amended input (eligibility and
          // ESG/transparency, in this transaction; sanctions and the proposed category by the screening job
          // queued here), and a new assessment is queued (the previous one is stale: its inputs hash differs).
          const timing = reevaluationTiming(ctx.now, this.config.deadlines.policy);
          const eligibility = await refreshEligibilityChecks(ctx.manager, id, timing, this.config.checks);
          const esg = await refreshEsgChecks(ctx.manager, id, timing, this.config.checks);
          const screeningJobId = await scheduleScreening(ctx.manager, id, 'amended');
          const riskJobId = await scheduleRiskAssessment(ctx.manager, id, 'amended');
          return {
            screeningJobId,
            riskJobId,
            checksReevaluated: {
              updated: [...eligibility.created, ...eligibility.updated, ...esg.created, ...esg.updated],
              dropped: esg.dropped,
              // Waived checks kept until two officers approve the re-evaluation (check.reevaluate items).
              reevaluationPending: [...(eligibility.reevaluations ?? []), ...esg.reevaluations],
            },
          };
        },
      );
      return this.runner.reload(ctx);
    });
  }

  resolveCheck(
    actor: Actor,
    id: string,
    code: string,
    resolution: CheckResolution,
    expectedVersion: number | undefined,
  ): Promise<ApplicationAggregate> {
    return this.runner.run(actor, id, async (ctx) => {
      this.runner.checkVersion(ctx, expectedVersion);
      this.runner.requireStage(ctx, REVIEWABLE_STAGES, 'resolving a check');
      const check = ctx.aggregate.checks.find((c) => c.code === code);
      if (!check) throw new DomainError('CHECK.NOT_FOUND', `no check ${code} on this application`);
      if (resolution.outcome === 'waived') {
        if (check.outcome !== 'needs_review' && check.outcome !== 'fail') {
          throw new DomainError('CHECK.RESOLUTION_CONFLICT', `a ${check.outcome} check cannot be waived`);
        }
        // Issue 13: some checks may never be waived (a blocked screening, FPIC for category A with Indigenous
        // Peoples present, …): 409 CHECK.NOT_WAIVABLE saying why, before anything is proposed.
        assertWaivable(code, waiverFacts(ctx.aggregate, check));
        await this.makerChecker.propose(ctx, 'check.waive', code, { note: resolution.note }, resolution.note);
        return this.runner.reload(ctx);
      }
      if (check.outcome !== 'needs_review') {
        throw new DomainError(
          'CHECK.RESOLUTION_CONFLICT',
          `only a needs_review check is resolved to pass or fail (${code} is ${check.outcome})`,
        );
      }
      await updateCheckResolution(ctx.manager, check.id, {
        outcome: resolution.outcome,
        note: resolution.note,
        resolvedBy: ctx.actor.id,
      });
      await this.runner.commit(
        ctx,
        {},
        {
          role: 'officer',
          action: 'check.resolved',
          subject: { type: 'check', id: code },
          reason: resolution.note,
          before: { outcome: check.outcome },
          after: { outcome: resolution.outcome },
        },
      );
      return this.runner.reload(ctx);
    });
  }

  recordDisposition(
    actor: Actor,
    id: string,
    input: ScreeningDispositionInput,
    expectedVersion: number | undefined,
  ): Promise<ApplicationAggregate> {
    return this.runner.run(actor, id, async (ctx) => {
      this.runner.checkVersion(ctx, expectedVersion);
      this.runner.requireStage(ctx, DISPOSITION_STAGES, 'recording a screening disposition');
      const parties = ctx.aggregate.application.screening?.parties;
      const known =
        Array.isArray(parties) && parties.some((p) => (p as { name?: unknown })?.name === input.partyName);
      if (!known) {
        throw new DomainError('SCREENING_PARTY.NOT_FOUND', `no screened party named ${input.partyName}`);
      }
      if (input.disposition === 'false_positive') {
        await this.makerChecker.propose(
          ctx,
          'screening.false_positive',
          input.partyName,
          { note: input.note },
          input.note,
        );
        return this.runner.reload(ctx);
      }
      await upsertDisposition(ctx.manager, {
        id: randomUUID(),
        applicationId: id,
        partyName: input.partyName,
        disposition: 'true_match',
        note: input.note,
        decidedBy: ctx.actor.id,
      });
      await this.runner.commit(
        ctx,
        {},
        {
          role: 'officer',
          action: 'screening.disposition_recorded',
          subject: { type: 'screening_party', id: input.partyName },
          reason: input.note,
          after: { disposition: 'true_match' },
        },
        async () => {
          const screening = await recomputeScreening(
            ctx.manager,
            id,
            reevaluationTiming(ctx.now, this.config.deadlines.policy),
            this.config.checks,
          );
          return { screeningResult: screening?.result ?? null };
        },
      );
      return this.runner.reload(ctx);
    });
  }

  setCategory(
    actor: Actor,
    id: string,
    category: EsCategory,
    rationaleText: string | undefined,
    expectedVersion: number | undefined,
  ): Promise<ApplicationAggregate> {
    return this.runner.run(actor, id, async (ctx) => {
      this.runner.checkVersion(ctx, expectedVersion);
      this.runner.requireStage(ctx, ['esg_review'], 'confirming the E&S category');
      const proposed = (ctx.aggregate.application.proposedCategory as EsCategory | null) ?? null;
      const rationale = rationaleText?.trim() ? rationaleText : undefined;
      const change = classifyCategoryChange(proposed, category, rationale);
      if (change === 'downgrade') {
        await this.makerChecker.propose(
          ctx,
          'category.downgrade',
          'category',
          { category, rationale: rationale ?? null, proposed },
          rationale ?? null,
        );
        return this.runner.reload(ctx);
      }
      await this.runner.commit(
        ctx,
        { category, categoryRationale: rationale ?? null },
        {
          role: 'officer',
          action: 'category.confirmed',
          reason: rationale ?? null,
          before: { category: ctx.aggregate.application.category, proposedCategory: proposed },
          after: { category, change },
        },
        async () => {
          const refresh = await refreshEsgChecks(
            ctx.manager,
            id,
            reevaluationTiming(ctx.now, this.config.deadlines.policy),
            this.config.checks,
          );
          return {
            checksCreated: refresh.created,
            checksUpdated: refresh.updated,
            checksDropped: refresh.dropped,
          };
        },
      );
      return this.runner.reload(ctx);
    });
  }

  /**
   * Records the financing structure (stage `financing`). monitoring.md puts tranches and covenants "on the
   * financing structure": `tranches` and `covenants` may come with it (absent: the recorded ones stay, tranches
   * while they still fit the amount and conditions). A condition precedent whose text is unchanged keeps its id,
   * so tranches naming it stay valid across re-recordings.
   */
  setFinancing(
    actor: Actor,
    id: string,
    financing: FinancingStructure,
    expectedVersion: number | undefined,
    cofinancing?: readonly CofinancingLine[],
    structure: { tranches?: unknown; covenants?: unknown } = {},
  ): Promise<ApplicationAggregate> {
    return this.runner.run(actor, id, async (ctx) => {
      this.runner.checkVersion(ctx, expectedVersion);
      this.runner.requireStage(ctx, ['financing'], 'recording the financing structure');
      // portfolio.md: the co-financing lines come with the structure (absent: the recorded lines stay).
      if (cofinancing !== undefined) await assertCofinancingLines(ctx.manager, cofinancing);
      // Issue 13: a structure that makes no sense for the project is refused before anything is written.
      const input = ctx.aggregate.application.input as { capexUsd: number; requestedAmountUsd: number };
      assertFinancingGuards({
        capexUsd: input.capexUsd,
        requestedAmountUsd: input.requestedAmountUsd,
        amountUsd: financing.amountUsd,
        mitigants: financing.mitigants,
        coFinancing: cofinancing ?? (await listCoFinancingAmounts(ctx.manager, id)),
      });
      const conditions = keepConditionIds(ctx.aggregate.conditions, financing.conditionsPrecedent);
      const recorded = recordedStructure(
        ctx.aggregate.application.financing as RecordedFinancing | null,
        structure,
        financing.amountUsd,
        await trancheConditionIds(ctx.manager, id, conditions),
      );
      await replaceConditions(ctx.manager, id, conditions);
      if (cofinancing !== undefined) await replaceCofinancingLines(ctx.manager, id, cofinancing, ctx.now);
      await this.runner.commit(
        ctx,
        { financing: { ...financing, ...recorded } },
        {
          role: 'officer',
          action: 'financing.recorded',
          before: toJson(ctx.aggregate.application.financing),
          after: toJson({ ...financing, ...recorded }),
          ...(cofinancing !== undefined
            ? { context: { cofinancing: cofinancing.map((line) => ({ ...line })) } }
            : {}),
        },
        async () => ({ riskJobId: await scheduleRiskAssessment(ctx.manager, id, 'financing_changed') }),
      );
      return this.runner.reload(ctx);
    });
  }

  /** A pending `risk.override` item (subject: the assessment id). */
  async requestRiskOverride(
    actor: Actor,
    assessmentId: string,
    band: PipelineRiskBand,
    rationale: string,
  ): Promise<ApprovalItem> {
    const applicationId = await this.access.requireReadable(actor, {
      kind: 'risk_assessment',
      id: assessmentId,
    });
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.requireStage(ctx, OPEN_STAGES, 'proposing a maker-checker item');
      return this.makerChecker.propose(ctx, 'risk.override', assessmentId, { band, rationale }, rationale);
    });
  }

  /** A pending `condition.satisfy` item (subject: the condition precedent id). */
  requestConditionSatisfied(
    actor: Actor,
    applicationId: string,
    conditionId: string,
    evidence: string,
    documentIds: string[],
  ): Promise<ApprovalItem> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.requireStage(ctx, ['approved'], 'satisfying a condition precedent');
      const condition = ctx.aggregate.conditions.find((c) => c.id === conditionId);
      if (!condition) throw new DomainError('CONDITION.NOT_FOUND', 'condition precedent not found');
      if (condition.satisfied)
        throw new DomainError('CONDITION.STATE_CONFLICT', 'the condition is already satisfied');
      unknownDocuments(ctx, documentIds);
      return this.makerChecker.propose(
        ctx,
        'condition.satisfy',
        conditionId,
        { evidence, documentIds },
        evidence,
      );
    });
  }
}

/** The conditions precedent of a new structure: one whose text is unchanged keeps its id (tranches name it). */
function keepConditionIds(
  existing: readonly { id: string; text: string }[],
  texts: readonly string[],
): Array<{ id: string; text: string }> {
  const unused = [...existing];
  return texts.map((text) => {
    const at = unused.findIndex((condition) => condition.text === text);
    return at >= 0 ? { id: unused.splice(at, 1)[0]!.id, text } : { id: randomUUID(), text };
  });
}

/**
 * The tranches and covenants of a structure being (re)recorded: those sent (checked by the domain, 400 with the
 * fields otherwise), else the recorded ones (tranches only while they still fit the amount and conditions).
 */
function recordedStructure(
  previous: RecordedFinancing | null,
  sent: { tranches?: unknown; covenants?: unknown },
  amountUsd: number,
  knownConditionIds: readonly string[],
): Pick<RecordedFinancing, 'tranches' | 'covenants'> {
  const problems: FieldProblem[] = [];
  let tranches = previous?.tranches;
  if (sent.tranches !== undefined) {
    const parsed = parseTranches(sent.tranches, amountUsd, knownConditionIds);
    problems.push(...parsed.problems);
    tranches = parsed.tranches;
  } else if (tranches !== undefined) {
    const kept = parseTranches(tranches, amountUsd, knownConditionIds);
    tranches = kept.problems.length === 0 ? kept.tranches : undefined;
  }
  let covenants = previous?.covenants;
  if (sent.covenants !== undefined) {
    const parsed = parseCovenants(sent.covenants);
    problems.push(...parsed.problems);
    covenants = parsed.covenants;
  }
  if (problems.length > 0)
    throw new DomainError('VALIDATION.FAILED', 'invalid financing structure', problems);
  return {
    ...(tranches !== undefined ? { tranches } : {}),
    ...(covenants !== undefined ? { covenants } : {}),
  };
}
