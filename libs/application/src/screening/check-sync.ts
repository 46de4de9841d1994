import { type EntityManager } from 'typeorm';
import {
  type AutomatedCheck,
  CARRIED_STAGES,
  type DeadlinePolicy,
  dueAt,
  CHECK_CODES,
  ESG_STAGE_CHECK_CODES,
  evaluateEsgChecks,
  evaluateScreeningChecks,
  PAST_SCREENING_STAGES,
  screenApplication,
  type ScreeningResult,
  type Stage,
} from '@forge/domain';
import {
  activeReferenceSnapshot,
  type ApprovalTiming,
  type CheckRecord,
  type CheckWrite,
  deleteChecks,
  loadChecks,
  loadDispositions,
  loadDocumentKinds,
  loadScreeningSubject,
  mergeAutomatedChecks,
  sanctionsListBySha256,
  writeChecks,
} from '@forge/persistence';

/** BO_THRESHOLD_PCT and SANCTIONS_MATCH_THRESHOLD when the caller does not pass config.checks. */
export interface CheckSyncParams {
  boThresholdPct?: number;
  sanctionsMatchThreshold?: number;
  /** `FEOC_COVERED_COUNTRIES` (absent: the domain's default). */
  feocCoveredCountries?: readonly string[];
}

export interface EsgChecksRefresh {
  created: string[];
  updated: string[];
  /** Waived checks a re-evaluation would change: kept, with a pending `check.reevaluate` item each. */
  reevaluations: string[];
  /** Checks no longer listed for the confirmed category: deleted (put them in the command's event). */
  dropped: string[];
}

/**
 * When a `check.reevaluate` item a check write opens is created and due: the command's clock and the approval
 * budget of the deadline policy, like every maker-checker item (docs/notifications.md "Due times").
 */
export function reevaluationTiming(now: Date, policy: DeadlinePolicy): ApprovalTiming {
  const due = dueAt({ kind: 'approval', createdAt: now.toISOString() }, policy);
  return { createdAt: now, dueAt: due === null ? null : new Date(due) };
}

/**
 * (Re)creates the ESG/TRANS checks listed for the application's confirmed category (applications.category;
 * none confirmed yet: the pre-confirmation set) and re-evaluates the automated ones with the attached
 * documents and the active countries snapshot, merged with officer resolutions (`mergeCheckOutcome`).
 * Checks of the ESG stage not listed for the category are deleted and returned in `dropped`. Writes no audit
 * event: the caller's command (category confirmed, document added, answer) writes one.
 */
export async function refreshEsgChecks(
  manager: EntityManager,
  applicationId: string,
  timing: ApprovalTiming,
  params: CheckSyncParams = {},
): Promise<EsgChecksRefresh> {
  const subject = await loadScreeningSubject(manager, applicationId);
  if (!subject) return { created: [], updated: [], dropped: [], reevaluations: [] };
  const countries = await activeReferenceSnapshot(manager, 'countries');
  if (!countries) throw new Error('reference data not loaded: no active countries snapshot');
  const documentKinds = await loadDocumentKinds(manager, applicationId);
  const esg = evaluateEsgChecks(subject.input, subject.category, documentKinds, {
    countries: { content: countries.content, sha256: countries.sha256 },
    ...(params.boThresholdPct !== undefined ? { boThresholdPct: params.boThresholdPct } : {}),
    ...(params.feocCoveredCountries ? { feocCoveredCountries: params.feocCoveredCountries } : {}),
  });
  const existing = await loadChecks(manager, applicationId, true);
  const listed = new Set<string>(esg.map((c) => c.code));
  const dropped = [...existing.values()]
    .filter((c) => (ESG_STAGE_CHECK_CODES as readonly string[]).includes(c.code) && !listed.has(c.code))
    .map((c) => c.code);
  await deleteChecks(manager, applicationId, dropped);
  const summary = await writeChecks(
    manager,
    applicationId,
    existing,
    mergeAutomatedChecks(existing, esg).map((m) => m.write),
    timing,
  );
  return {
    created: summary.created,
    updated: summary.updated,
    dropped,
    reevaluations: summary.reevaluations ?? [],
  };
}

/**
 * Re-runs the sanctions screening on the list snapshot the stored screening used, with the current
 * dispositions (after a disposition or an approved false positive), and updates applications.screening and
 * the SANCTIONS.PARTIES check. No audit event and no version bump of its own: the caller's command does both.
 * Returns the new screening, or null when the application has no screening yet.
 */
export async function recomputeScreening(
  manager: EntityManager,
  applicationId: string,
  timing: ApprovalTiming,
  params: CheckSyncParams = {},
): Promise<ScreeningResult | null> {
  const subject = await loadScreeningSubject(manager, applicationId);
  const listSha256 = subject?.screening?.listSha256;
  if (!subject || typeof listSha256 !== 'string') return null;
  const list = await sanctionsListBySha256(manager, listSha256);
  if (!list) throw new Error(`sanctions list ${listSha256} of the stored screening is not stored`);
  // One after the other: `manager` may be a transaction's, and a client runs one query at a time.
  const countries = await activeReferenceSnapshot(manager, 'countries');
  const minerals = await activeReferenceSnapshot(manager, 'minerals');
  if (!countries || !minerals) throw new Error('reference data not loaded');
  const screening = screenApplication({
    organizationName: subject.organizationName,
    input: subject.input,
    index: list.index,
    listSha256: list.sha256,
    dispositions: await loadDispositions(manager, applicationId),
    ...(params.sanctionsMatchThreshold !== undefined ? { threshold: params.sanctionsMatchThreshold } : {}),
  });
  const sanctions = evaluateScreeningChecks({
    input: subject.input,
    countries: { content: countries.content, sha256: countries.sha256 },
    minerals: { content: minerals.content, sha256: minerals.sha256 },
    screening,
  }).find((c) => c.code === CHECK_CODES.SANCTIONS_PARTIES)!;
  const existing = await loadChecks(manager, applicationId, true);
  const { write } = sanctionsCheckWrite(existing, sanctions, subject.stage);
  await writeChecks(manager, applicationId, existing, [write], timing);
  await manager.query(`UPDATE applications SET screening = $2::jsonb, updated_at = now() WHERE id = $1`, [
    applicationId,
    JSON.stringify(screening),
  ]);
  return screening;
}

/**
 * The SANCTIONS.PARTIES row to write: the merge rules of checks.md, plus the re-screening rule. On an
 * application past screening, a NEW hit (the hits changed and the result is not clear) opens the check on the
 * application's current stage, `needs_review` (or `fail` when the screening is blocked), so it blocks that
 * stage's transitions until an officer resolves it. On a financed project (the carried post-close stages) a
 * new hit is recorded as `fail` on the current stage (issue 13 item 6; docs/checks.md): no resolution or waiver
 * there, it is the fund's record that the project now has a sanctions concern, until a disposition of the party
 * (a false positive under four eyes) makes the recomputed check pass (docs/monitoring.md).
 */
export function sanctionsCheckWrite(
  existing: ReadonlyMap<string, CheckRecord>,
  recomputed: AutomatedCheck,
  currentStage: Stage,
): { write: CheckWrite; newHitOnStage: Stage | null } {
  const [{ write, merged }] = mergeAutomatedChecks(existing, [recomputed]) as [
    ReturnType<typeof mergeAutomatedChecks>[number],
  ];
  // A waiver (four eyes) is never overwritten by a new hit: `write.reevaluation` opens a pending item instead.
  if (merged.reevaluation) return { write, newHitOnStage: null };
  const carried = CARRIED_STAGES.includes(currentStage);
  const opensOnStage = PAST_SCREENING_STAGES.includes(currentStage) || carried;
  if (opensOnStage && merged.inputsChanged && recomputed.outcome !== 'pass') {
    return {
      write: {
        ...write,
        stage: currentStage,
        outcome: carried || recomputed.outcome === 'fail' ? 'fail' : 'needs_review',
        resolvedBy: null,
        note: null,
      },
      newHitOnStage: currentStage,
    };
  }
  return { write, newHitOnStage: null };
}
