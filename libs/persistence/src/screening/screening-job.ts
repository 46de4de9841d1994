import { type DataSource } from 'typeorm';
import { appendAuditEvent, SYSTEM_AUDIT_ACTOR } from '@forge/audit';
import {
  type AutomatedCheck,
  CHECK_CODES,
  decide,
  DomainError,
  evaluateEsgChecks,
  evaluateScreeningChecks,
  type PipelineState,
  proposeCategory,
  screenApplication,
  type ScreeningResult,
  SYSTEM_ACTOR,
} from '@forge/domain';
import { type ScreeningJobPayload } from '@forge/queue';
import {
  loadChecks,
  mergeAutomatedChecks,
  writeChecks,
  type CheckWrite,
} from '../checks/checks.repository.js';
import { activeReferenceSnapshot, activeSanctionsList } from '../reference/reference-snapshots.repository.js';
import {
  loadDispositions,
  loadDocumentKinds,
  loadScreeningSubject,
  PAST_SCREENING_STAGES,
  sanctionsCheckWrite,
  type ScreeningSubject,
  UNSCREENED_STAGES,
} from './screening-subject.js';

/** `config.checks` of AppConfig. */
export interface ScreeningParams {
  minTicketUsd: number;
  maxTicketUsd: number;
  boThresholdPct: number;
  sanctionsMatchThreshold: number;
  /** `FEOC_COVERED_COUNTRIES` (absent: the domain's default CN, RU, IR, KP). */
  feocCoveredCountries?: readonly string[];
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

/** Thrown when the application changed between read and write: the job is retried (BullMQ backoff). */
export class ScreeningConflictError extends Error {
  constructor(applicationId: string) {
    super(`application ${applicationId} changed while it was being screened; retrying`);
    this.name = 'ScreeningConflictError';
  }
}

/** The move submitted → screening through the pure stage machine (its guards, its version bump). */
function screeningCompletedMove(
  subject: ScreeningSubject,
  screening: ScreeningResult,
  proposed: string,
  openRequests: number,
  pendingApprovals: number,
): { to: string; version: number; guardProblems: string[] } {
  const state: PipelineState = {
    applicationId: subject.id,
    organizationId: subject.organizationId,
    stage: subject.stage,
    version: subject.version,
    assigneeId: null,
    inputProblems: [],
    esFacts: null,
    proposedCategory: proposed as PipelineState['proposedCategory'],
    confirmedCategory: subject.category,
    checks: [],
    screening: { result: screening.result, undisposedPotentialMatches: 0 },
    screeningJobDone: true,
    documentKinds: [],
    openInformationRequests: openRequests,
    pendingApprovals,
    financingRecorded: false,
    latestAssessment: null,
    conditionsPrecedent: null,
    committee: null,
    icPack: null,
  };
  try {
    const decided = decide(
      state,
      { type: 'screening_completed', expectedVersion: subject.version },
      SYSTEM_ACTOR,
    );
    return { to: decided.state.stage, version: decided.state.version, guardProblems: [] };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'APPLICATION.GUARD_FAILED') {
      // Screened, but an open information request or a pending approval holds the move: stay in submitted.
      return {
        to: subject.stage,
        version: subject.version + 1,
        guardProblems: error.details.map((d) => d.message),
      };
    }
    throw error;
  }
}

/**
 * The screening job (checks.md): re-reads the application and screens its current state against the
 * ACTIVE sanctions list, with the current dispositions; records the screening, the proposed E&S category
 * and the automated checks, merged with officer resolutions; moves `submitted` → `screening`; writes exactly
 * one `screening.completed` event. All in one transaction, committed by a version-checked update (a
 * concurrent command makes it throw `ScreeningConflictError`, and the job is retried).
 *
 * Skips (and writes nothing) when the application is gone, is a draft or closed, or the stored screening
 * already covers this job: `screening_version ≥ payload.applicationVersion` and made with the active list.
 * Throws DomainError `APPLICATION.INVALID_OWNERSHIP` for an ownership tree that can never be screened.
 */
export async function runScreeningJob(
  dataSource: DataSource,
  payload: ScreeningJobPayload,
  jobId: string,
  params: ScreeningParams,
): Promise<ScreeningJobOutcome> {
  // Building the index of a full list takes a moment: outside the transaction, once per list (cached).
  const list = await activeSanctionsList(dataSource.manager);
  if (!list) throw new Error('no active sanctions list yet (reference data not loaded): retrying');

  return dataSource.transaction('READ COMMITTED', async (manager) => {
    const subject = await loadScreeningSubject(manager, payload.applicationId);
    if (!subject) return { status: 'skipped', reason: 'application_not_found' };
    if (UNSCREENED_STAGES.includes(subject.stage))
      return { status: 'skipped', reason: 'not_screenable_stage' };
    if (
      subject.screeningVersion !== null &&
      subject.screeningVersion >= payload.applicationVersion &&
      subject.screening?.listSha256 === list.sha256
    ) {
      return { status: 'skipped', reason: 'already_screened' };
    }

    const [countries, minerals] = await Promise.all([
      activeReferenceSnapshot(manager, 'countries'),
      activeReferenceSnapshot(manager, 'minerals'),
    ]);
    if (!countries || !minerals) throw new Error('reference data not loaded yet: retrying');
    const dispositions = await loadDispositions(manager, subject.id);
    const screening = screenApplication({
      organizationName: subject.organizationName,
      input: subject.input,
      index: list.index,
      listSha256: list.sha256,
      dispositions,
      threshold: params.sanctionsMatchThreshold,
    });

    const countriesSnapshot = { content: countries.content, sha256: countries.sha256 };
    const mineralsSnapshot = { content: minerals.content, sha256: minerals.sha256 };
    const screeningChecks = evaluateScreeningChecks({
      input: subject.input,
      countries: countriesSnapshot,
      minerals: mineralsSnapshot,
      screening,
      params: { minTicketUsd: params.minTicketUsd, maxTicketUsd: params.maxTicketUsd },
    });
    const sanctions = screeningChecks.find((c) => c.code === CHECK_CODES.SANCTIONS_PARTIES)!;
    const pastScreening = PAST_SCREENING_STAGES.includes(subject.stage);
    const existing = await loadChecks(manager, subject.id, true);

    const writes: CheckWrite[] = [];
    let proposal: ReturnType<typeof proposeCategory> | null = null;
    if (!pastScreening) {
      // Before the officer's review: the screening-stage checks, the proposed category and the ESG/TRANS
      // checks computable before a category is confirmed.
      proposal = proposeCategory(subject.input);
      const documentKinds = await loadDocumentKinds(manager, subject.id);
      const esg: AutomatedCheck[] = evaluateEsgChecks(subject.input, subject.category, documentKinds, {
        countries: countriesSnapshot,
        boThresholdPct: params.boThresholdPct,
        ...(params.feocCoveredCountries ? { feocCoveredCountries: params.feocCoveredCountries } : {}),
      });
      const others = [...screeningChecks.filter((c) => c !== sanctions), ...esg];
      writes.push(...mergeAutomatedChecks(existing, others).map((m) => m.write));
    }
    const sanctionsWrite = sanctionsCheckWrite(existing, sanctions, subject.stage);
    writes.push(sanctionsWrite.write);
    const summary = await writeChecks(manager, subject.id, existing, writes);

    let stageAfter: string = subject.stage;
    let version = subject.version + 1;
    let guardProblems: string[] = [];
    if (subject.stage === 'submitted') {
      const [{ open, pending }] = (await manager.query(
        `SELECT (SELECT count(*) FROM information_requests WHERE application_id = $1 AND status = 'open') AS open,
                (SELECT count(*) FROM approvals WHERE application_id = $1 AND status = 'pending') AS pending`,
        [subject.id],
      )) as [{ open: string; pending: string }];
      const move = screeningCompletedMove(
        subject,
        screening,
        proposal!.category,
        Number(open),
        Number(pending),
      );
      stageAfter = move.to;
      version = move.version;
      guardProblems = move.guardProblems;
    }

    const updated: unknown[] = await manager.query(
      `UPDATE applications SET stage = $3, version = $4, screening = $5::jsonb, screening_version = $4,
              proposed_category = COALESCE($6, proposed_category), updated_at = now()
        WHERE id = $1 AND version = $2 RETURNING id`,
      [
        subject.id,
        subject.version,
        stageAfter,
        version,
        JSON.stringify(screening),
        proposal?.category ?? null,
      ],
    );
    // TypeORM answers [rows, count] for UPDATE … RETURNING.
    const affected = Array.isArray(updated[0]) ? (updated[0] as unknown[]).length : updated.length;
    if (affected !== 1) throw new ScreeningConflictError(subject.id);

    const moved = stageAfter !== subject.stage;
    await appendAuditEvent(manager, {
      actor: SYSTEM_AUDIT_ACTOR,
      action: 'screening.completed',
      subject: { type: 'application', id: subject.id },
      applicationId: subject.id,
      reason: payload.reason,
      before: { stage: subject.stage, version: subject.version },
      after: { stage: stageAfter, version, proposedCategory: proposal?.category ?? subject.proposedCategory },
      context: {
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
        transition: moved ? 'screening_completed' : null,
        moveHeldBy: guardProblems.length > 0 ? guardProblems : null,
        checks: { created: summary.created, updated: summary.updated },
        newHitOnStage: sanctionsWrite.newHitOnStage,
      },
    });
    return {
      status: 'screened',
      result: screening.result,
      stageBefore: subject.stage,
      stageAfter,
      version,
      checks: { created: summary.created, updated: summary.updated },
      newHitOnStage: sanctionsWrite.newHitOnStage,
    };
  });
}
