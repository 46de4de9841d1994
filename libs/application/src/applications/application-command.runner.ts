import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type AuditAppend, appendAuditEvent, type JsonValue } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import { inSpan } from '@forge/observability';
import {
  DomainError,
  icPackHash,
  icPackSnapshot,
  openRound,
  withIcPackHash,
  type Actor,
  type ApplicationInput,
  type DecideResult,
  type EsCategory,
  type FinancingStructure,
  type PipelineJson,
  type PipelineState,
  type Stage,
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
  loadApplicationAggregate,
  readApplicationView,
  type ApplicationViewData,
  toPipelineState,
  UnitOfWork,
  updateApplicationVersioned,
  type ApplicationAggregate,
  type ApplicationChanges,
} from '@forge/persistence';
import { mayRead, notFoundError } from '../access/application-access.js';
import { Clock } from '../clock.js';
import { checkSnapshot, screeningSnapshot } from './application-snapshots.js';
import { scheduleRiskAssessment } from '../risk/risk-scheduler.js';
import { scheduleScreening } from '../screening/screening-scheduler.js';

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
    return this.contextOf(manager, actor, await loadApplicationAggregate(manager, application));
  }

  /** Locks and loads the application for a command (404 for whoever may not read it). */
  async open(manager: EntityManager, actor: Actor, applicationId: string): Promise<CommandContext> {
    const ctx = await this.openIfPresent(manager, actor, applicationId);
    if (!ctx) throw notFoundError('application');
    return ctx;
  }

  /** Appends the queued audit events: the last statements before COMMIT. */
  async flushAudit(ctx: CommandContext): Promise<void> {
    // The chain-head lock (audit_head FOR UPDATE) is held from here to the commit only.
    for (const append of ctx.pendingAudit) await appendAuditEvent(ctx.manager, append);
    ctx.pendingAudit.length = 0;
  }

  /** The application's aggregate for a reader (404 for who may not read it). */
  async load(actor: Actor, applicationId: string): Promise<ApplicationAggregate> {
    return (await this.loadView(actor, applicationId)).aggregate;
  }

  /** The application view's data in one statement (404 for who may not read it). */
  loadView(actor: Actor, applicationId: string): Promise<ApplicationViewData> {
    return this.unitOfWork.read(async (manager) => {
      const data = await readApplicationView(manager, applicationId);
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
    const version = await updateApplicationVersioned(ctx.manager, app.id, app.version, changes, ctx.now);
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
      const assessmentId = result.event.context.assessmentId as string;
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
    const version = await updateApplicationVersioned(ctx.manager, app.id, app.version, changes, ctx.now);
    const reason = event.context.transition === 'submit' ? 'submitted' : 'requested';
    if (result.effects.includes('queue.screening')) await scheduleScreening(ctx.manager, app.id, reason);
    if (result.effects.includes('queue.risk_assessment')) {
      await scheduleRiskAssessment(ctx.manager, app.id, reason);
    }
    ctx.pendingAudit.push(
      extra.event?.(version) ?? {
        actor: event.actor,
        action: event.action,
        subject: event.subject,
        applicationId: event.applicationId,
        reason: event.reason,
        before: event.before as unknown as JsonValue,
        after: event.after as unknown as JsonValue,
        context: {
          ...(event.context as unknown as Record<string, JsonValue>),
          ...roundContext,
          ...(extra.context ?? {}),
        },
      },
    );
    return version;
  }

  /** The application after the command, read in the same transaction. */
  async reload(ctx: CommandContext): Promise<ApplicationAggregate> {
    const application = await findApplication(ctx.manager, ctx.aggregate.application.id);
    if (!application) throw notFoundError('application');
    return loadApplicationAggregate(ctx.manager, application);
  }

  private contextOf(manager: EntityManager, actor: Actor, aggregate: ApplicationAggregate): CommandContext {
    return {
      manager,
      actor,
      aggregate,
      state: toPipelineState(aggregate),
      now: this.clock.now(),
      pendingAudit: [],
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
        tally: (context.tally ?? null) as object | null,
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
      input: app.input as unknown as ApplicationInput,
      category: app.category as EsCategory,
      financing: app.financing as unknown as FinancingStructure,
      assessmentId,
      assessment: stored
        ? (JSON.parse(
            JSON.stringify({ ...assessmentRecord(stored), override: stored.override }),
          ) as PipelineJson)
        : null,
      documents: ctx.aggregate.documents.map((d) => ({
        id: d.id,
        kind: d.kind,
        sha256: d.sha256,
        filename: d.filename,
        size: d.size,
      })),
      checks: ctx.aggregate.checks.map((c) => checkSnapshot(c) as unknown as PipelineJson),
      screening: (screeningSnapshot(ctx.aggregate) ?? null) as PipelineJson,
      conditionsPrecedent: ctx.aggregate.conditions.map((c) => ({ id: c.id, text: c.text })),
      referenceSnapshots: await activeReferenceSnapshotHashes(ctx.manager),
    });
  }
}
