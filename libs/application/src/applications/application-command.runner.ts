import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type AuditAppend, appendAuditEvent, type JsonValue } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { addToOutbox, type OutboxMessage } from '@forge/queue';
import { inSpan } from '@forge/observability';
import {
  DomainError,
  dueAt,
  ES_CATEGORIES,
  icPackHash,
  icPackSnapshot,
  nextAmrDue,
  oneOf,
  openRound,
  withIcPackHash,
  type Actor,
  asSubmittedInput,
  type DecideResult,
  type EsCategory,
  type FinancingStructure,
  toJson,
  toJsonObject,
  type PipelineJson,
  type PipelineState,
  type Stage,
  type WorkStart,
} from '@forge/domain';
import {
  activeReferenceSnapshotHashes,
  appendConditions,
  assessmentRecord,
  closeRoundRecord,
  committeeMemberIds,
  findApplication,
  findStoredRiskAssessment,
  insertRound,
  recusedMemberIds,
  readApplicationView,
  type ApplicationViewData,
  toPipelineState,
  UnitOfWork,
  updateApplicationRecord,
  type ApplicationAggregate,
  type ApplicationRecord,
  type ApplicationChanges,
} from '@forge/persistence';
import { mayRead, notFoundError } from '../access/application-access.js';
import { Clock } from '../clock.js';
import { servedSponsorView } from '../sponsor/sponsor-view.queries.js';
import { checkSnapshot, screeningSnapshot } from './application-snapshots.js';
import { riskAssessmentMessage } from '../risk/risk-scheduler.js';
import { screeningMessage } from '../screening/screening-scheduler.js';

/** What a command on one application works with, inside its transaction. */
export interface CommandContext {
  manager: EntityManager;
  actor: Actor;
  aggregate: ApplicationAggregate;
  state: PipelineState;
  now: Date;
  /**
   * The command's audit event(s), appended by `run` as the LAST statements before COMMIT (after the state
   * update, the outbox rows and the reload), so the audit chain-head row lock is held for one round trip only.
   */
  pendingAudit: AuditAppend[];
  /** The application's row as the command's last UPDATE left it (null before any). */
  written: ApplicationRecord | null;
}

export interface AuditSpec {
  role: string;
  action: string;
  subject?: { type: string; id: string };
  reason?: string | null;
  before?: JsonValue | null;
  after?: JsonValue | null;
  context?: Record<string, JsonValue>;
}

/**
 * One command, one transaction, for HTTP commands and jobs alike: locks the application row (SELECT … FOR
 * UPDATE, so concurrent commands on one application serialise and the losers see the new version), answers
 * 404 to whoever may not read it (the one read rule), loads the aggregate and builds the real PipelineState,
 * runs the command, writes the new state with a version-checked UPDATE and appends the command's audit event
 * last.
 */
@Injectable()
export class ApplicationCommandRunner {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock = new Clock(),
  ) {}

  get quorum(): number {
    return this.config.pipeline.committeeQuorum;
  }

  /** Runs `work` on the locked application, in an `application.command` span (docs/operations.md, "Traces"). */
  run<T>(actor: Actor, applicationId: string, work: (ctx: CommandContext) => Promise<T>): Promise<T> {
    const attributes = { 'forge.application.id': applicationId, 'forge.actor.roles': actor.roles.join(',') };
    return inSpan('application.command', { attributes }, () =>
      this.unitOfWork.run(async (manager) => {
        const ctx = await this.open(manager, actor, applicationId);
        const result = await work(ctx);
        await this.flushAudit(ctx);
        return result;
      }),
    );
  }

  /**
   * Like `run`, but the work may decide it has nothing to do (`undefined` from `open`): for jobs, which skip
   * an application that is gone instead of failing.
   */
  async openIfPresent(
    manager: EntityManager,
    actor: Actor,
    applicationId: string,
  ): Promise<CommandContext | null> {
    const application = await findApplication(manager, applicationId, { lock: true });
    if (!application || !mayRead(actor, application)) return null;
    return this.contextOf(manager, actor, await this.aggregateIn(manager, application.id));
  }

  /**
   * The application's aggregate read in the caller's transaction by the view's one statement (one round trip, not
   * one per detail list: issue 18, the pipeline bench), e.g. right after the row was locked or written.
   */
  async aggregateIn(manager: EntityManager, applicationId: string): Promise<ApplicationAggregate> {
    const data = await readApplicationView(manager, applicationId);
    if (!data) throw notFoundError('application');
    return data.aggregate;
  }

  /** Locks and loads the application for a command (404 for whoever may not read it). */
  async open(manager: EntityManager, actor: Actor, applicationId: string): Promise<CommandContext> {
    const ctx = await this.openIfPresent(manager, actor, applicationId);
    if (!ctx) throw notFoundError('application');
    return ctx;
  }

  /**
   * Appends the queued audit events: the last statements before COMMIT. An event of the command's own actor carries
   * the authenticated display name, which the append checks in the same INSERT instead of reading it first.
   */
  async flushAudit(ctx: CommandContext): Promise<void> {
    for (const append of ctx.pendingAudit) {
      await appendAuditEvent(ctx.manager, withAccountNameHint(append, ctx.actor));
    }
    ctx.pendingAudit.length = 0;
  }

  /** The application's aggregate for a reader (404 for who may not read it). */
  async load(actor: Actor, applicationId: string): Promise<ApplicationAggregate> {
    return (await this.loadView(actor, applicationId)).aggregate;
  }

  /**
   * The application view's data in one statement (404 for who may not read it); for an actor served the sponsor
   * view, the sponsor view's own reads come in the same statement.
   */
  loadView(actor: Actor, applicationId: string): Promise<ApplicationViewData> {
    return this.unitOfWork.read(async (manager) => {
      const data = await readApplicationView(manager, applicationId, { sponsor: servedSponsorView(actor) });
      if (!data || !mayRead(actor, data.aggregate.application)) throw notFoundError('application');
      return data;
    });
  }

  /** 409 `APPLICATION.VERSION_CONFLICT` when the caller read another version. */
  checkVersion(ctx: CommandContext, expectedVersion: number | undefined): void {
    if (expectedVersion !== undefined && expectedVersion !== ctx.state.version) {
      throw new DomainError(
        'APPLICATION.VERSION_CONFLICT',
        `the application is at version ${ctx.state.version}, not ${expectedVersion}`,
      );
    }
  }

  /**
   * Writes `changes` (`updateApplicationVersioned`) with the due times they start. Due times are fixed when the work
   * starts (docs/notifications.md "Due times"): at a stage change, the stage's
   * (from the command's clock and the configured budget; none for a stage without one); at financial close, the
   * first annual report's due date. Triggers keep the application's earliest due time (`applications.due_at`).
   */
  private async writeChanges(ctx: CommandContext, changes: ApplicationChanges): Promise<number> {
    const app = ctx.aggregate.application;
    const stamped = { ...changes };
    if (changes.stage !== undefined && changes.stage !== app.stage) {
      stamped.stageEnteredAt = ctx.now;
      stamped.stageDueAt = this.dueAt({
        kind: 'stage',
        stage: changes.stage,
        enteredAt: ctx.now.toISOString(),
      });
    }
    if (changes.financedAt) {
      stamped.nextReportDueDate = nextAmrDue(changes.financedAt.toISOString(), [], {
        dueMonthDay: this.config.deadlines.amrDueMonthDay,
      }).dueDate;
    }
    ctx.written = await updateApplicationRecord(ctx.manager, app.id, app.version, stamped, ctx.now);
    return ctx.written.version;
  }

  /**
   * The due time a command stores with the waiting work it creates (an information request, a maker-checker item,
   * a disbursement request, a stage): the pure domain's `dueAt` with the configured policy, fixed once; null when
   * the work has none (a stage without a budget).
   */
  dueAt(work: WorkStart): Date | null {
    const due = dueAt(work, this.config.deadlines.policy);
    return due === null ? null : new Date(due);
  }

  /** 409 unless the application is in one of `stages`. */
  requireStage(ctx: CommandContext, stages: readonly Stage[], what: string): void {
    if (!stages.includes(ctx.state.stage)) {
      throw new DomainError(
        'APPLICATION.INVALID_TRANSITION',
        `${what} is possible only in stage ${stages.join(', ')} (stage ${ctx.state.stage})`,
      );
    }
  }

  /**
   * Writes `changes` (version + 1, conditional), then `afterUpdate` (side effects that read the new state;
   * what it returns joins the event's context), and queues the command's one audit event (appended by `run`
   * last, before COMMIT). Returns the new version.
   */
  async commit(
    ctx: CommandContext,
    changes: ApplicationChanges,
    audit: AuditSpec,
    afterUpdate?: (version: number) => Promise<Record<string, JsonValue> | void>,
  ): Promise<number> {
    const app = ctx.aggregate.application;
    const version = await this.writeChanges(ctx, changes);
    const extraContext = afterUpdate ? await afterUpdate(version) : undefined;
    ctx.pendingAudit.push({
      actor: { id: ctx.actor.id, role: audit.role },
      action: audit.action,
      subject: audit.subject ?? { type: 'application', id: app.id },
      applicationId: app.id,
      reason: audit.reason ?? null,
      before: audit.before ?? null,
      after: audit.after ?? null,
      context: { version, ...(audit.context ?? {}), ...(extraContext ?? {}) },
    });
    return version;
  }

  /**
   * Applies a `decide` result: the stage (and assignee) change, the committee round and IC pack bookkeeping,
   * the follow-up jobs through the outbox, and queues the audit event of the domain (appended by `run` last).
   * `extra.event` replaces the domain's event (a job records its own, e.g. `screening.completed`).
   */
  async applyDecision(
    ctx: CommandContext,
    decided: DecideResult,
    extra: {
      changes?: ApplicationChanges;
      context?: Record<string, JsonValue>;
      event?: (version: number) => AuditAppend;
    } = {},
  ): Promise<number> {
    const app = ctx.aggregate.application;
    let result = decided;
    const changes: ApplicationChanges = { stage: result.state.stage, ...extra.changes };
    if (result.event.action === 'application.assigned') changes.assigneeId = result.state.assigneeId;
    if (result.effects.includes('queue.screening')) changes.screeningRequestedVersion = app.version + 1;
    if (result.event.action === 'application.submitted') changes.submittedAt = ctx.now;
    // monitoring.md: financial close starts the annual reports (the first covers the year of close).
    if (result.state.stage === 'financed' && app.stage !== 'financed') changes.financedAt = ctx.now;
    let roundContext: Record<string, JsonValue> = {};
    if (result.effects.includes('ic_pack.freeze')) {
      const { assessmentId } = result.event.context;
      if (assessmentId === undefined) throw new Error('an IC pack is frozen only on entering committee');
      const pack = await this.icPackOf(ctx, assessmentId);
      const hash = icPackHash(pack);
      result = withIcPackHash(result, hash);
      // The round opens with the pack (pipeline.md): eligible members listed now, deadline from configuration.
      const round = openRound({
        round: app.committeeRound + 1,
        movedToCommitteeBy: ctx.actor.id,
        committeeMemberIds: await committeeMemberIds(ctx.manager),
        recusedMemberIds: await recusedMemberIds(ctx.manager, app.id),
        openedAt: ctx.now.toISOString(),
        votingDays: this.config.pipeline.committeeVotingDays,
      });
      await insertRound(ctx.manager, {
        applicationId: app.id,
        round: round.round,
        movedBy: ctx.actor.id,
        eligibleMemberIds: round.eligibleMemberIds,
        openedAt: ctx.now,
        deadline: new Date(round.deadline),
        assessmentId,
        icPack: pack as object,
        icPackHash: hash,
      });
      roundContext = {
        round: round.round,
        eligibleMemberIds: [...round.eligibleMemberIds],
        deadline: round.deadline,
      };
      Object.assign(changes, {
        icPackHash: hash,
        icAssessmentId: assessmentId,
        movedToCommitteeBy: ctx.actor.id,
        committeeRound: round.round,
        committeeDecision: null,
      } satisfies ApplicationChanges);
    } else if (result.effects.includes('committee.close_round')) {
      await this.closeCommitteeRound(ctx, result);
      const transition = result.event.context.transition;
      if (transition === 'defer' || transition === 'committee_lapse') {
        Object.assign(changes, {
          icPackHash: null,
          icAssessmentId: null,
          movedToCommitteeBy: null,
          committeeDecision: null,
        } satisfies ApplicationChanges);
      }
    }
    if (result.event.action === 'committee.decided')
      changes.committeeDecision = result.event.context.decision;

    const event = result.event;
    const version = await this.writeChanges(ctx, changes);
    const reason = event.context.transition === 'submit' ? 'submitted' : 'requested';
    // The follow-up jobs in one outbox INSERT (a submission queues both).
    const jobs: OutboxMessage[] = [];
    if (result.effects.includes('queue.screening')) {
      jobs.push(await screeningMessage(ctx.manager, app.id, reason));
    }
    if (result.effects.includes('queue.risk_assessment')) {
      jobs.push(await riskAssessmentMessage(ctx.manager, app.id, reason));
    }
    await addToOutbox(ctx.manager, jobs);
    ctx.pendingAudit.push(
      extra.event?.(version) ?? {
        actor: event.actor,
        action: event.action,
        subject: event.subject,
        applicationId: event.applicationId,
        reason: event.reason,
        before: toJson(event.before),
        after: toJson(event.after),
        context: {
          ...toJsonObject(event.context),
          ...roundContext,
          ...(extra.context ?? {}),
        },
      },
    );
    return version;
  }

  /** The application after the command, read in the same transaction. */
  reload(ctx: CommandContext): Promise<ApplicationAggregate> {
    return this.aggregateIn(ctx.manager, ctx.aggregate.application.id);
  }

  /**
   * The application after a command whose only writes were its row, outbox rows and audit events (none of which
   * the aggregate holds besides the row): the aggregate read when the command opened it (under the row lock) with
   * the row as its UPDATE returned it, without reading it back (issue 18.4). Any other command uses `reload`.
   */
  rowWritten(ctx: CommandContext): ApplicationAggregate {
    if (ctx.written === null) throw new Error('rowWritten: the command has not written the application');
    return { ...ctx.aggregate, application: ctx.written };
  }

  private contextOf(manager: EntityManager, actor: Actor, aggregate: ApplicationAggregate): CommandContext {
    return {
      manager,
      actor,
      aggregate,
      state: toPipelineState(aggregate),
      now: this.clock.now(),
      pendingAudit: [],
      written: null,
    };
  }

  /**
   * Closes the application's open committee round in the transaction of the move that ends it: with its outcome
   * and tally when the committee's round closed (`committee_decided`), adding the conditions proposed with
   * approving votes to the conditions precedent on approval; without a tally when the application left
   * `committee` by a defer, a rejection or a withdrawal. Closing a closed round changes nothing.
   */
  private async closeCommitteeRound(ctx: CommandContext, decided: DecideResult): Promise<void> {
    const app = ctx.aggregate.application;
    if (app.committeeRound < 1) return;
    const context = decided.event.context;
    if (context.decision !== undefined && context.closeReason !== undefined) {
      await closeRoundRecord(ctx.manager, {
        applicationId: app.id,
        round: app.committeeRound,
        closedAt: ctx.now,
        closeReason: context.closeReason,
        outcome: context.decision,
        tally: context.tally ?? null,
      });
      if (context.decision === 'approved' && (context.conditions ?? []).length > 0) {
        await appendConditions(
          ctx.manager,
          app.id,
          (context.conditions ?? []).map((text) => ({ id: randomUUID(), text })),
        );
      }
      return;
    }
    const reason =
      context.transition === 'defer'
        ? 'deferred'
        : context.transition === 'withdraw'
          ? 'withdrawn'
          : 'rejected';
    await closeRoundRecord(ctx.manager, {
      applicationId: app.id,
      round: app.committeeRound,
      closedAt: ctx.now,
      closeReason: reason,
      outcome: null,
      tally: null,
    });
  }

  /**
   * The IC pack (pipeline.md "Entering committee"): the application as put to the committee (input, checks,
   * screening, the risk assessment's record, financing structure, conditions, documents with their SHA-256 and
   * the reference snapshots in force). Stored as it is with the round, so the pack members read is the one whose
   * hash was recorded.
   */
  private async icPackOf(ctx: CommandContext, assessmentId: string): Promise<PipelineJson> {
    const app = ctx.aggregate.application;
    const stored = await findStoredRiskAssessment(ctx.manager, assessmentId);
    return icPackSnapshot({
      applicationId: app.id,
      reference: app.reference,
      organizationId: app.organizationId,
      version: app.version,
      input: asSubmittedInput(app.input),
      category: confirmedCategory(app.category),
      financing: recordedFinancing(app.financing),
      assessmentId,
      assessment: stored ? toJson({ ...assessmentRecord(stored), override: stored.override }) : null,
      documents: ctx.aggregate.documents.map((d) => ({
        id: d.id,
        kind: d.kind,
        sha256: d.sha256,
        filename: d.filename,
        size: d.size,
      })),
      checks: ctx.aggregate.checks.map((c) => toJson(checkSnapshot(c))),
      screening: toJson(screeningSnapshot(ctx.aggregate)),
      conditionsPrecedent: ctx.aggregate.conditions.map((c) => ({ id: c.id, text: c.text })),
      referenceSnapshots: await activeReferenceSnapshotHashes(ctx.manager),
    });
  }
}

/** `append` with the actor's authenticated display name as the append's hint, when the event is the actor's own. */
export function withAccountNameHint(append: AuditAppend, actor: Actor): AuditAppend {
  if (
    actor.displayName === undefined ||
    append.actor.id !== actor.id ||
    append.accountNameHint !== undefined
  ) {
    return append;
  }
  return { ...append, accountNameHint: actor.displayName };
}

/** The committee guard lets an application in only with its E&S category confirmed (pipeline.md). */
function confirmedCategory(category: string | null): EsCategory {
  if (category === null) throw new Error('an application enters committee only with its category confirmed');
  return oneOf(ES_CATEGORIES, category, 'applications.category');
}

/** The committee guard lets an application in only with its financing structure recorded (pipeline.md). */
function recordedFinancing(financing: FinancingStructure | null): FinancingStructure {
  if (financing === null) throw new Error('an application enters committee only with its financing recorded');
  return financing;
}
