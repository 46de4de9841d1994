import { Inject, Injectable } from '@nestjs/common';
import { type JsonValue, SYSTEM_AUDIT_ACTOR } from '@forge/audit';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  type AutomatedCheck,
  CHECK_CODES,
  decide,
  DomainError,
  evaluateEsgChecks,
  evaluateScreeningChecks,
  CARRIED_STAGES,
  proposeCategory,
  rescreeningCandidates,
  RESCREENED_STAGES,
  screenApplication,
  type ScreeningResult,
  SYSTEM_ACTOR,
  asSubmittedInput,
  type EsCategory,
} from '@forge/domain';
import {
  activeCountriesAndMinerals,
  activeSanctionsList,
  type ApplicationChanges,
  type CheckWrite,
  loadChecks,
  loadDispositions,
  loadOrganizationName,
  mergeAutomatedChecks,
  toPipelineState,
  UnitOfWork,
  writeChecks,
  writeChecksAndList,
  type CheckRecord,
} from '@forge/persistence';
import { type ScreeningJobPayload } from '@forge/queue';
import { ApplicationCommandRunner, type CommandContext } from '../applications/application-command.runner.js';
import { addWatchlistReasonsIn } from '../monitoring/watchlist-commands.js';
import { reevaluationTiming, sanctionsCheckWrite } from './check-sync.js';

/** The parties of a stored screening (path and result), for the watchlist's "new concern" comparison. */
function storedParties(screening: ScreeningResult | null): Array<{ path: string[]; result: string }> {
  return (screening?.parties ?? []).map((party) => ({ path: party.path, result: party.result }));
}

export type ScreeningJobOutcome =
  | {
      status: 'skipped';
      reason: 'application_not_found' | 'not_screenable_stage' | 'already_screened';
    }
  | {
      status: 'screened';
      result: ScreeningResult['result'];
      stageBefore: string;
      stageAfter: string;
      version: number;
      checks: { created: string[]; updated: string[] };
      newHitOnStage: string | null;
    };

/**
 * The screening job as a use case (checks.md), for the first screening and every re-screening alike: through
 * the same command path as an HTTP command (`ApplicationCommandRunner`), it locks the application, loads the
 * real aggregate, screens its current input against the ACTIVE sanctions list with the current dispositions,
 * records the screening, the proposed E&S category and the automated checks (merged with officer resolutions),
 * and, for a submitted application, moves it `submitted` → `screening` through the pure stage machine on the
 * real `PipelineState` (its checks, documents, requests and approvals). One version-checked UPDATE, exactly
 * one `screening.completed` event, in one transaction.
 *
 * Skips (and writes nothing) when the application is gone, is not re-screened in its stage (a draft, a closed
 * one), or the stored screening already covers this job (`screening_version ≥ payload.applicationVersion` and
 * made with the active list). Throws DomainError `APPLICATION.INVALID_OWNERSHIP` for an ownership tree that can
 * never be screened (the worker fails such a job without retries).
 */
@Injectable()
export class ScreeningJob {
  constructor(
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(payload: ScreeningJobPayload, jobId: string): Promise<ScreeningJobOutcome> {
    // Building the index of a full list takes a moment: outside the transaction, once per list (cached).
    const list = await this.unitOfWork.read((manager) => activeSanctionsList(manager));
    if (!list) throw new Error('no active sanctions list yet (reference data not loaded): retrying');

    return this.unitOfWork.run(async (manager) => {
      const ctx = await this.runner.openIfPresent(manager, SYSTEM_ACTOR, payload.applicationId);
      if (!ctx) return { status: 'skipped', reason: 'application_not_found' };
      const app = ctx.aggregate.application;
      const stage = ctx.state.stage;
      if (!RESCREENED_STAGES.includes(stage)) return { status: 'skipped', reason: 'not_screenable_stage' };
      if (
        app.screeningVersion !== null &&
        app.screeningVersion >= payload.applicationVersion &&
        app.screening?.listSha256 === list.sha256
      ) {
        return { status: 'skipped', reason: 'already_screened' };
      }

      const { countries, minerals } = await activeCountriesAndMinerals(manager);
      if (!countries || !minerals) throw new Error('reference data not loaded yet: retrying');
      const input = asSubmittedInput(app.input);
      const screening = screenApplication({
        organizationName: await loadOrganizationName(manager, app.organizationId),
        input,
        index: list.index,
        listSha256: list.sha256,
        // Oldest first, so the latest decision on a party wins.
        dispositions: await loadDispositions(manager, app.id),
        threshold: this.config.checks.sanctionsMatchThreshold,
      });

      const countriesSnapshot = { content: countries.content, sha256: countries.sha256 };
      const mineralsSnapshot = { content: minerals.content, sha256: minerals.sha256 };
      const screeningChecks = evaluateScreeningChecks({
        input,
        countries: countriesSnapshot,
        minerals: mineralsSnapshot,
        screening,
        params: {
          minTicketUsd: this.config.checks.minTicketUsd,
          maxTicketUsd: this.config.checks.maxTicketUsd,
        },
      });
      const sanctions = screeningChecks.find((c) => c.code === CHECK_CODES.SANCTIONS_PARTIES)!;
      // Past screening (and after close) only the sanctions check is re-evaluated: the others are the
      // officers' record of their review.
      const beforeReview = stage === 'submitted' || stage === 'screening';
      const existing = await loadChecks(manager, app.id, true);

      const writes: CheckWrite[] = [];
      const proposal = beforeReview ? proposeCategory(input) : null;
      if (beforeReview) {
        // Before the officer's review: the screening-stage checks, the proposed category and the ESG/TRANS
        // checks computable before a category is confirmed, with the attached documents.
        const esg: AutomatedCheck[] = evaluateEsgChecks(
          input,
          app.category as EsCategory | null,
          ctx.state.documentKinds,
          {
            countries: countriesSnapshot,
            boThresholdPct: this.config.checks.boThresholdPct,
            feocCoveredCountries: this.config.checks.feocCoveredCountries,
          },
        );
        const others = [...screeningChecks.filter((c) => c !== sanctions), ...esg];
        writes.push(...mergeAutomatedChecks(existing, others).map((m) => m.write));
      }
      const sanctionsWrite = sanctionsCheckWrite(existing, sanctions, stage);
      writes.push(sanctionsWrite.write);
      const timing = reevaluationTiming(ctx.now, this.config.deadlines.policy);
      // A first screening moves the stage on the checks as written: the same statement lists them.
      const { summary, checks } =
        stage === 'submitted'
          ? await writeChecksAndList(manager, app.id, existing, writes, timing)
          : { summary: await writeChecks(manager, app.id, existing, writes, timing), checks: null };
      // monitoring.md: after close, a new sanctions concern puts the project on the watchlist (officers are
      // told through the event's `watchlistAdded`).
      const watchlist = CARRIED_STAGES.includes(stage)
        ? await addWatchlistReasonsIn(
            ctx,
            rescreeningCandidates(storedParties(app.screening), screening.parties),
          )
        : null;

      const changes: ApplicationChanges = {
        screening,
        // The UPDATE bumps the version by one: the screening is of that version.
        screeningVersion: app.version + 1,
        ...(proposal ? { proposedCategory: proposal.category } : {}),
        ...(watchlist?.changes ?? {}),
      };
      const context = (stageAfter: string, guardProblems: string[]): Record<string, JsonValue> => ({
        jobId,
        listSha256: list.sha256,
        referenceSnapshots: {
          countries: countries.sha256,
          minerals: minerals.sha256,
          sanctions: list.sha256,
        },
        result: screening.result,
        blockedOwnershipPct: screening.blockedOwnershipPct,
        partiesScreened: screening.parties.length,
        hits: screening.parties
          .filter((p) => p.result !== 'clear')
          .map((p) => ({
            name: p.name,
            result: p.result,
            matchedName: p.matchedName,
            similarity: p.similarity,
          })),
        categoryReasons: proposal?.reasons ?? null,
        transition: stageAfter !== stage ? 'screening_completed' : null,
        moveHeldBy: guardProblems.length > 0 ? guardProblems : null,
        checks: {
          created: summary.created,
          updated: summary.updated,
          ...(summary.reevaluations ? { reevaluationPending: summary.reevaluations } : {}),
        },
        newHitOnStage: sanctionsWrite.newHitOnStage,
        postClose: CARRIED_STAGES.includes(stage),
        ...(watchlist?.context ?? {}),
      });
      const audit = (stageAfter: string, version: number, guardProblems: string[]) => ({
        role: SYSTEM_AUDIT_ACTOR.role,
        action: 'screening.completed',
        reason: payload.reason,
        before: { stage, version: app.version },
        after: { stage: stageAfter, version, proposedCategory: proposal?.category ?? app.proposedCategory },
        context: context(stageAfter, guardProblems),
      });

      const move = checks !== null ? this.screeningCompleted(ctx, changes, checks) : null;
      let stageAfter: string = stage;
      let version: number;
      if (move?.decided) {
        stageAfter = move.decided.state.stage;
        version = await this.runner.applyDecision(ctx, move.decided, {
          changes,
          event: (v) => {
            const spec = audit(stageAfter, v, []);
            return {
              actor: SYSTEM_AUDIT_ACTOR,
              subject: { type: 'application', id: app.id },
              applicationId: app.id,
              ...spec,
              context: { version: v, ...spec.context },
            };
          },
        });
      } else {
        // Screened where it stands (re-screening, or a move held by a request or a pending approval).
        version = await this.runner.commit(
          ctx,
          changes,
          audit(stage, app.version + 1, move?.guardProblems ?? []),
        );
      }
      await this.runner.flushAudit(ctx);
      return {
        status: 'screened',
        result: screening.result,
        stageBefore: stage,
        stageAfter,
        version,
        checks: {
          created: summary.created,
          updated: summary.updated,
          ...(summary.reevaluations ? { reevaluationPending: summary.reevaluations } : {}),
        },
        newHitOnStage: sanctionsWrite.newHitOnStage,
      };
    });
  }

  /**
   * `submitted` → `screening` through the pure stage machine, on the real state as it will be after this job:
   * the checks just written, the new screening, its version. An open information request or a pending
   * approval holds the move (the application stays `submitted`, screened, and the event says why).
   */
  private screeningCompleted(
    ctx: CommandContext,
    changes: ApplicationChanges,
    checks: CheckRecord[],
  ): { decided: ReturnType<typeof decide> | null; guardProblems: string[] } {
    const app = ctx.aggregate.application;
    const state = toPipelineState({
      ...ctx.aggregate,
      application: {
        ...app,
        screening: changes.screening ?? app.screening,
        screeningVersion: changes.screeningVersion ?? null,
        proposedCategory: changes.proposedCategory ?? app.proposedCategory,
      },
      checks,
    });
    try {
      return {
        decided: decide(state, { type: 'screening_completed', expectedVersion: app.version }, SYSTEM_ACTOR),
        guardProblems: [],
      };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'APPLICATION.GUARD_FAILED') {
        return { decided: null, guardProblems: error.details.map((d) => d.message) };
      }
      throw error;
    }
  }
}
