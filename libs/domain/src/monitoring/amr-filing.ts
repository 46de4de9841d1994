import { DomainError } from '../errors/domain-error.js';
import type { Actor } from '../pipeline/roles.js';
import { parseInstant } from '../deadlines/time.js';
import { amrDueDate, checkAmrYear, parseAmrFigures, type AmrFigures } from './amr.js';
import { effectiveCovenants, testCovenants, type Covenant, type CovenantResult } from './covenants.js';
import { actingRole, requireVisible, wrongStage } from './monitoring-validation.js';
import { LIVE_FINANCED_STAGES } from './post-close.js';
import { covenantBreachCandidates, type WatchlistCandidate } from './watchlist.js';

/** An annual monitoring report as filed: the document, the figures and the covenant results at filing. */
export interface MonitoringReport {
  id: string;
  applicationId: string;
  year: number;
  figures: AmrFigures;
  documentId: string;
  dueDate: string;
  submittedBy: string;
  submittedAt: string;
  covenantResults: CovenantResult[];
}

/** What filing a report needs to know about the project. */
export interface AmrScope {
  applicationId: string;
  organizationId: string;
  stage: string;
  /** When the project reached `financed` (the first report covers that year). */
  financedAt: string | null;
  /** The covenants on the financing structure (none recorded: the fund's defaults). */
  covenants: readonly Covenant[] | null;
  /** The documents of the application (the report's document must be one of them). */
  documentIds: readonly string[];
  /** Years already reported (one report per year). */
  reportedYears: readonly number[];
}

export interface AmrFiled {
  report: MonitoringReport;
  breaches: CovenantResult[];
  /** The breaches as watchlist candidates (`covenant_breach`, ref `<year>:<code>`). */
  watchlist: WatchlistCandidate[];
}

/**
 * monitoring.md "Annual monitoring and covenants": the sponsor (own project) or an officer on its behalf
 * files the report of a year, a document of the application plus the figures, while the project is live
 * (financed, disbursing, monitoring). Every covenant is tested against it (the filing time decides
 * `amr_on_time`); each breach becomes a watchlist candidate. One report per year
 * (`AMR.YEAR_CONFLICT`, 409); figures, year and document are checked before anything else is decided.
 */
export function fileAmr(
  scope: AmrScope,
  input: { documentId: unknown; figures: unknown },
  actor: Actor,
  ids: { id: string; now: string },
  options: { dueMonthDay?: string } = {},
): AmrFiled {
  requireVisible(actor, scope.organizationId);
  actingRole(actor, ['sponsor', 'officer']);
  if (!(LIVE_FINANCED_STAGES as readonly string[]).includes(scope.stage) || scope.financedAt === null) {
    throw wrongStage(scope.stage, 'annual monitoring reports are filed on financed projects until repayment');
  }
  const figures = parseAmrFigures(input.figures);
  const now = new Date(parseInstant(ids.now, 'now')).toISOString();
  checkAmrYear(figures.year, scope.financedAt, now);
  if (typeof input.documentId !== 'string' || !scope.documentIds.includes(input.documentId)) {
    throw new DomainError('VALIDATION.FAILED', 'the report is a document of the application', [
      { field: 'documentId', message: 'must be the id of a document uploaded to this application' },
    ]);
  }
  if (scope.reportedYears.includes(figures.year)) {
    throw new DomainError('AMR.YEAR_CONFLICT', `the report of ${figures.year} is already filed`);
  }
  const dueDate = amrDueDate(figures.year, options.dueMonthDay);
  const { results, breaches } = testCovenants(effectiveCovenants(scope.covenants), figures, {
    dueDate,
    submittedAt: now,
  });
  return {
    report: {
      id: ids.id,
      applicationId: scope.applicationId,
      year: figures.year,
      figures: { ...figures },
      documentId: input.documentId,
      dueDate,
      submittedBy: actor.id,
      submittedAt: now,
      covenantResults: results,
    },
    breaches,
    watchlist: covenantBreachCandidates(figures.year, breaches),
  };
}

/** The most recent report (highest year): what a re-assessment reads. */
export function latestReport<T extends { year: number }>(reports: readonly T[]): T | null {
  return reports.reduce<T | null>((best, r) => (best === null || r.year > best.year ? r : best), null);
}
