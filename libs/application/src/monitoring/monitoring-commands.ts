import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  addIncidentUpdate,
  closeIncident,
  createEsapItem,
  DomainError,
  dueAt,
  nextAmrDue,
  parseCovenants,
  effectiveCovenants,
  fileAmr,
  isEsapItemOverdue,
  reportIncident,
  reviewEsapItem,
  updateEsapItem,
  toJson,
  type Actor,
  type Covenant,
  type CovenantResult,
  type EsapItem,
  type Incident,
  type MonitoringReport,
  type Stage,
  type WatchlistReason,
} from '@forge/domain';
import {
  amrFilingFacts,
  insertEsapItem,
  insertIncident,
  insertMonitoringReport,
  listEsapItems,
  listDocumentIds,
  listIncidents,
  listMonitoringReports,
  updateEsapItem as saveEsapItem,
  updateIncident,
} from '@forge/persistence';
import { ApplicationCommandRunner, type CommandContext } from '../applications/application-command.runner.js';
import { scheduleRiskAssessment } from '../risk/risk-scheduler.js';
import { MonitoringReads } from './monitoring-reads.js';
import { addWatchlistReasonsIn } from './watchlist-commands.js';

/** An ESAP item with what the clock says about it. */
export interface EsapItemView extends EsapItem {
  /** The moment it falls overdue (the start of the day after its due date, UTC). */
  dueAt: string;
  overdue: boolean;
}

export interface AmrFiledView {
  report: MonitoringReport;
  breaches: CovenantResult[];
  watchlistAdded: WatchlistReason[];
  /** The re-assessment queued from the report's actual figures. */
  reassessmentJobId: string;
}

export interface IncidentReportedView {
  incident: Incident;
  watchlistAdded: WatchlistReason[];
  /** The re-assessment a serious incident queues (null for others). */
  reassessmentJobId: string | null;
}

export interface CovenantsView {
  applicationId: string;
  /** Whether the covenants are the financing structure's own or the fund's defaults. */
  source: 'financing' | 'default';
  covenants: Covenant[];
}

/** Stages in which an officer records the covenants: with the financing structure, and after close. */
const COVENANT_STAGES: readonly Stage[] = ['financing', 'approved', 'financed', 'disbursing', 'monitoring'];

/**
 * A project's life after close besides the money (monitoring.md, issue 16): ESAP items, covenants, annual
 * monitoring reports tested against them, incidents. One command, one transaction, one audit event each, on
 * the locked application (404 for whoever may not read it), version-checked when the caller names the version
 * it read; the rules are the pure domain's. Breaches and serious incidents put the project on the watchlist
 * in the same transaction (the event's `context.watchlistAdded`).
 */
@Injectable()
export class MonitoringCommands {
  constructor(
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(MonitoringReads) private readonly reads: MonitoringReads,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ESAP items.

  /** An officer creates an item `{ description, standard, dueDate }` (esg_review onward). */
  createEsapItem(
    actor: Actor,
    applicationId: string,
    input: { description: unknown; standard: unknown; dueDate: unknown; expectedVersion?: number },
  ): Promise<EsapItemView> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.checkVersion(ctx, input.expectedVersion);
      const item = createEsapItem(this.scope(ctx), input, ctx.actor, {
        id: randomUUID(),
        now: ctx.now.toISOString(),
      });
      await insertEsapItem(ctx.manager, item);
      await this.runner.commit(
        ctx,
        {},
        {
          role: 'officer',
          action: 'esap.item_created',
          subject: { type: 'esap_item', id: item.id },
          after: {
            description: item.description,
            standard: item.standard,
            dueDate: item.dueDate,
            status: item.status,
          },
        },
      );
      return this.esapView(item, ctx.now);
    });
  }

  /** The sponsor (or an officer) updates status, evidence and note `{ status?, evidenceDocumentIds?, note? }`. */
  updateEsapItem(
    actor: Actor,
    applicationId: string,
    itemId: string,
    input: { status?: unknown; evidenceDocumentIds?: unknown; note?: unknown; expectedVersion?: number },
  ): Promise<EsapItemView> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.checkVersion(ctx, input.expectedVersion);
      const current = await this.esapItem(ctx, itemId);
      const updated = updateEsapItem(this.scope(ctx), current, input, ctx.actor, ctx.now.toISOString());
      await this.requireDocuments(ctx, updated.evidenceDocumentIds, 'evidenceDocumentIds');
      await saveEsapItem(ctx.manager, updated);
      await this.runner.commit(
        ctx,
        {},
        {
          role: ctx.actor.roles.includes('sponsor') ? 'sponsor' : 'officer',
          action: 'esap.item_updated',
          subject: { type: 'esap_item', id: updated.id },
          before: { status: current.status, evidenceDocumentIds: current.evidenceDocumentIds },
          after: {
            status: updated.status,
            evidenceDocumentIds: updated.evidenceDocumentIds,
            note: updated.note,
          },
        },
      );
      return this.esapView(updated, ctx.now);
    });
  }

  /** An officer verifies a done item or returns it `{ decision: verify | return, note }`. */
  reviewEsapItem(
    actor: Actor,
    applicationId: string,
    itemId: string,
    input: { decision: unknown; note: unknown; expectedVersion?: number },
  ): Promise<EsapItemView> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.checkVersion(ctx, input.expectedVersion);
      const current = await this.esapItem(ctx, itemId);
      const reviewed = reviewEsapItem(
        this.scope(ctx),
        current,
        input.decision,
        input.note,
        ctx.actor,
        ctx.now.toISOString(),
      );
      await saveEsapItem(ctx.manager, reviewed);
      await this.runner.commit(
        ctx,
        {},
        {
          role: 'officer',
          action: 'esap.item_reviewed',
          subject: { type: 'esap_item', id: reviewed.id },
          reason: reviewed.note,
          before: { status: current.status },
          after: { status: reviewed.status, decision: String(input.decision) },
        },
      );
      return this.esapView(reviewed, ctx.now);
    });
  }

  /** The ESAP items of a project with their due times and whether they are overdue now. */
  listEsapItems(actor: Actor, applicationId: string, now = new Date()): Promise<EsapItemView[]> {
    return this.reads.read(actor, applicationId, async (manager) =>
      (await listEsapItems(manager, applicationId)).map((item) => this.esapView(item, now)),
    );
  }

  // Covenants.

  /** An officer records the covenants of the financing structure `{ covenants: [{ code, kind, rule }] }`. */
  setCovenants(
    actor: Actor,
    applicationId: string,
    input: { covenants: unknown; expectedVersion?: number },
  ): Promise<CovenantsView> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.requireOfficer(ctx);
      this.runner.checkVersion(ctx, input.expectedVersion);
      this.runner.requireStage(ctx, COVENANT_STAGES, 'recording covenants');
      const financing = ctx.aggregate.application.financing;
      if (!financing) {
        throw new DomainError('APPLICATION.GUARD_FAILED', 'no financing structure', [
          { guard: 'financing.recorded', message: 'no financing structure is recorded' },
        ]);
      }
      const { covenants, problems } = parseCovenants(input.covenants);
      if (problems.length > 0) throw new DomainError('VALIDATION.FAILED', 'invalid covenants', problems);
      await this.runner.commit(
        ctx,
        { financing: { ...financing, covenants } },
        {
          role: 'officer',
          action: 'financing.covenants_recorded',
          before: { covenants: toJson(financing.covenants ?? null) },
          after: { covenants: toJson(covenants) },
        },
      );
      return this.covenantsOf(applicationId, covenants);
    });
  }

  /** The covenants a report is tested against (the financing structure's, or the fund's defaults). */
  readCovenants(actor: Actor, applicationId: string): Promise<CovenantsView> {
    return this.reads.read(actor, applicationId, async (_manager, app) =>
      this.covenantsOf(app.id, app.financing?.covenants ?? null),
    );
  }

  // Annual monitoring reports.

  /**
   * The sponsor (or an officer on its behalf) files the report of a year `{ documentId, figures }`: every
   * covenant is tested, each breach is recorded with the report and puts the project on the watchlist.
   */
  submitAmr(
    actor: Actor,
    applicationId: string,
    input: { documentId: unknown; figures: unknown; expectedVersion?: number },
  ): Promise<AmrFiledView> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.checkVersion(ctx, input.expectedVersion);
      const app = ctx.aggregate.application;
      const facts = await amrFilingFacts(ctx.manager, applicationId);
      const filed = fileAmr(
        {
          applicationId,
          organizationId: app.organizationId,
          stage: app.stage,
          covenants: app.financing?.covenants ?? null,
          ...facts,
        },
        input,
        ctx.actor,
        { id: randomUUID(), now: ctx.now.toISOString() },
        { dueMonthDay: this.config.deadlines.amrDueMonthDay },
      );
      await insertMonitoringReport(ctx.manager, filed.report);
      const watchlist = await addWatchlistReasonsIn(ctx, filed.watchlist);
      // Re-assessment under the active model from the report's actual figures, through the outbox.
      const reassessmentJobId = await scheduleRiskAssessment(ctx.manager, applicationId, 'annual_report');
      // The next report's due date moves on (docs/notifications.md "Due times"): the first year still without one.
      const next = facts.financedAt
        ? nextAmrDue(facts.financedAt, [...facts.reportedYears, filed.report.year], {
            dueMonthDay: this.config.deadlines.amrDueMonthDay,
          })
        : null;
      const changes = next ? { ...watchlist.changes, nextReportDueDate: next.dueDate } : watchlist.changes;
      await this.runner.commit(ctx, changes, {
        role: ctx.actor.roles.includes('sponsor') ? 'sponsor' : 'officer',
        action: 'amr.submitted',
        subject: { type: 'monitoring_report', id: filed.report.id },
        after: {
          year: filed.report.year,
          documentId: filed.report.documentId,
          figures: toJson(filed.report.figures),
          breaches: filed.breaches.map((b) => ({ code: b.code, message: b.message })),
        },
        context: {
          dueDate: filed.report.dueDate,
          covenantResults: toJson(filed.report.covenantResults),
          reassessmentJobId,
          ...watchlist.context,
        },
      });
      return {
        report: filed.report,
        breaches: filed.breaches,
        watchlistAdded: watchlist.added,
        reassessmentJobId,
      };
    });
  }

  listReports(actor: Actor, applicationId: string): Promise<MonitoringReport[]> {
    return this.reads.read(actor, applicationId, (manager) => listMonitoringReports(manager, applicationId));
  }

  // Incidents.

  /**
   * The sponsor or an officer reports `{ occurredAt, kind, severity, description }`. A serious one (severity 3,
   * fatality, tailings) is flagged late past 3 days and puts the project on the watchlist.
   */
  reportIncident(
    actor: Actor,
    applicationId: string,
    input: {
      occurredAt: unknown;
      kind: unknown;
      severity: unknown;
      description: unknown;
      expectedVersion?: number;
    },
  ): Promise<IncidentReportedView> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.checkVersion(ctx, input.expectedVersion);
      const reported = reportIncident(this.scope(ctx), input, ctx.actor, {
        id: randomUUID(),
        now: ctx.now.toISOString(),
      });
      const incident = reported.incident;
      await insertIncident(ctx.manager, incident);
      const watchlist = await addWatchlistReasonsIn(ctx, reported.watchlist ? [reported.watchlist] : []);
      const reassessmentJobId = reported.queueReassessment
        ? await scheduleRiskAssessment(ctx.manager, applicationId, 'incident')
        : null;
      await this.runner.commit(ctx, watchlist.changes, {
        role: ctx.actor.roles.includes('sponsor') ? 'sponsor' : 'officer',
        action: 'incident.reported',
        subject: { type: 'incident', id: incident.id },
        after: {
          occurredAt: incident.occurredAt,
          kind: incident.kind,
          severity: incident.severity,
          serious: incident.serious,
          late: incident.late,
        },
        context: { ...(reassessmentJobId ? { reassessmentJobId } : {}), ...watchlist.context },
      });
      return { incident, watchlistAdded: watchlist.added, reassessmentJobId };
    });
  }

  /** Root cause, corrective action or a note `{ kind, text }` (sponsor or officer, while open). */
  addIncidentUpdate(
    actor: Actor,
    applicationId: string,
    incidentId: string,
    input: { kind: unknown; text: unknown; expectedVersion?: number },
  ): Promise<Incident> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.checkVersion(ctx, input.expectedVersion);
      const current = await this.incident(ctx, incidentId);
      const updated = addIncidentUpdate(this.scope(ctx), current, input, ctx.actor, ctx.now.toISOString());
      await updateIncident(ctx.manager, updated);
      const update = updated.updates[updated.updates.length - 1]!;
      await this.runner.commit(
        ctx,
        {},
        {
          role: ctx.actor.roles.includes('sponsor') ? 'sponsor' : 'officer',
          action: 'incident.updated',
          subject: { type: 'incident', id: updated.id },
          after: { kind: update.kind, text: update.text },
        },
      );
      return updated;
    });
  }

  /** An officer closes an open incident with a note. */
  closeIncident(
    actor: Actor,
    applicationId: string,
    incidentId: string,
    input: { note: unknown; expectedVersion?: number },
  ): Promise<Incident> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.checkVersion(ctx, input.expectedVersion);
      const current = await this.incident(ctx, incidentId);
      const closed = closeIncident(current, input.note, ctx.actor, ctx.now.toISOString());
      await updateIncident(ctx.manager, closed);
      await this.runner.commit(
        ctx,
        {},
        {
          role: 'officer',
          action: 'incident.closed',
          subject: { type: 'incident', id: closed.id },
          reason: closed.closingNote,
          before: { status: 'open' },
          after: { status: 'closed' },
        },
      );
      return closed;
    });
  }

  listIncidents(actor: Actor, applicationId: string): Promise<Incident[]> {
    return this.reads.read(actor, applicationId, (manager) => listIncidents(manager, applicationId));
  }

  // Helpers.

  private scope(ctx: CommandContext) {
    const app = ctx.aggregate.application;
    return { applicationId: app.id, organizationId: app.organizationId, stage: app.stage };
  }

  private esapView(item: EsapItem, now: Date): EsapItemView {
    return {
      ...item,
      dueAt: dueAt({ kind: 'esap_item', dueDate: item.dueDate }, this.config.deadlines.policy),
      overdue: isEsapItemOverdue(item, now.toISOString()),
    };
  }

  private covenantsOf(applicationId: string, recorded: Covenant[] | null): CovenantsView {
    return {
      applicationId,
      source: recorded && recorded.length > 0 ? 'financing' : 'default',
      covenants: effectiveCovenants(recorded),
    };
  }

  private async esapItem(ctx: CommandContext, itemId: string): Promise<EsapItem> {
    const found = (await listEsapItems(ctx.manager, ctx.aggregate.application.id)).find(
      (i) => i.id === itemId,
    );
    if (!found) throw new DomainError('ESAP.NOT_FOUND', 'ESAP item not found');
    return found;
  }

  private async incident(ctx: CommandContext, incidentId: string): Promise<Incident> {
    const found = (await listIncidents(ctx.manager, ctx.aggregate.application.id)).find(
      (i) => i.id === incidentId,
    );
    if (!found) throw new DomainError('INCIDENT.NOT_FOUND', 'incident not found');
    return found;
  }

  /** 400 unless every id is a document of this application. */
  private async requireDocuments(ctx: CommandContext, ids: readonly string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const known = await listDocumentIds(ctx.manager, ctx.aggregate.application.id);
    const unknown = ids.filter((id) => !known.includes(id));
    if (unknown.length > 0) {
      throw new DomainError('VALIDATION.FAILED', 'evidence must be documents of the application', [
        { field, message: `not documents of this application: ${unknown.join(', ')}` },
      ]);
    }
  }

  private requireOfficer(ctx: CommandContext): void {
    if (!ctx.actor.roles.includes('officer'))
      throw new DomainError('AUTH.FORBIDDEN', 'needs the officer role');
  }
}
