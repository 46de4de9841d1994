import type {
  DocumentKind,
  EsCategory,
  Instrument,
  Mineral,
  ValueChainSegment,
} from '../application/application-input.js';
import { canonicalHash } from '../canonical/canonical-json.js';
import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';
import { PORTFOLIO_GUARDS } from './envelope.js';

/**
 * Disclosure before decision (portfolio.md, after the IFC Access to Information Policy). An officer
 * publishes a package in `esg_review`, `financing` or `committee`; each amendment is a new version
 * and every version is kept. What a package holds is exactly what the public register may show.
 */
export const DISCLOSABLE_STAGES: readonly string[] = ['esg_review', 'financing', 'committee'];

/** Defaults of `DISCLOSURE_DAYS_A` and `DISCLOSURE_DAYS_OTHER`. */
export const DEFAULT_DISCLOSURE_DAYS_A = 60;
export const DEFAULT_DISCLOSURE_DAYS_OTHER = 30;

/** Categories whose package must carry an E&S review summary. */
export const ES_REVIEW_SUMMARY_CATEGORIES: readonly EsCategory[] = ['A', 'B', 'FI'];

export const MAX_DISCLOSURE_TEXT = 10_000;
export const MAX_PUBLIC_DOCUMENTS = 50;

const DAY_MS = 86_400_000;

export interface DisclosureDaysPolicy {
  /** `DISCLOSURE_DAYS_A`. */
  daysA: number;
  /** `DISCLOSURE_DAYS_OTHER` (B, C and FI). */
  daysOther: number;
}

/**
 * Document kinds no package ever makes public (portfolio.md: the register never shows beneficial
 * owners): the ownership evidence names them. An officer listing one is refused (400); a stored
 * package that lists one (written before this rule) never shows or serves it.
 */
export const NEVER_PUBLIC_DOCUMENT_KINDS: readonly string[] = Object.freeze(['ownership_evidence']);

/** Whether a document a package lists may be shown and served to the public. */
export function mayBePublic(document: Pick<PublicDocumentRef, 'kind'>): boolean {
  return !NEVER_PUBLIC_DOCUMENT_KINDS.includes(document.kind);
}

/** A document the package makes public (its metadata; the file is served by its id). */
export interface PublicDocumentRef {
  id: string;
  kind: DocumentKind | string;
  sha256: string;
  mediaType: string;
  size: number;
}

/** The content of one package version: the investment summary and, for A, B and FI, the E&S review summary. */
export interface DisclosureContent {
  reference: string;
  title: string;
  sponsorName: string;
  country: string;
  region: string;
  mineral: Mineral;
  valueChainSegment: ValueChainSegment;
  forgeAmountUsd: number;
  instrument: Instrument;
  category: EsCategory | null;
  /** The purpose of the investment, written by the officer for the public. */
  summary: string;
  esReviewSummary: string | null;
  publicDocuments: PublicDocumentRef[];
}

export interface DisclosurePackage {
  applicationId: string;
  /** 1, 2, … (each amendment a new version). */
  version: number;
  /** ISO 8601 instant of publication (the clock of the command that published it). */
  disclosedAt: string;
  /** Internal: who published it (never on the public register). */
  disclosedBy: string;
  content: DisclosureContent;
  /** SHA-256 of the canonical JSON of `content`. */
  contentHash: string;
}

/** The body of `POST /applications/:id/disclosure`. */
export interface DisclosureRequest {
  summary: string;
  esReviewSummary?: string | null;
  publicDocumentIds?: readonly string[];
}

/** What the package summarises, read from the application when the officer publishes. */
export interface DisclosureSubject {
  applicationId: string;
  stage: string;
  reference: string;
  title: string;
  sponsorName: string;
  country: string;
  region: string;
  mineral: Mineral;
  valueChainSegment: ValueChainSegment;
  forgeAmountUsd: number;
  instrument: Instrument;
  /** Confirmed category, else proposed. */
  category: EsCategory | null;
  /** Every document attached to the application (the public ones are chosen among them). */
  documents: readonly PublicDocumentRef[];
}

function requiresEsReviewSummary(category: EsCategory | null): boolean {
  // Before a category is known, fail closed: the summary is asked for.
  return category === null || ES_REVIEW_SUMMARY_CATEGORIES.includes(category);
}

function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The content of a new package version, or a coded error: `DISCLOSURE.WRONG_STAGE` (409) outside
 * `esg_review` … `committee`; `VALIDATION.FAILED` (400) for a missing summary, a missing E&S review
 * summary (A, B, FI), or a document that is not the application's.
 */
export function buildDisclosureContent(
  subject: DisclosureSubject,
  request: DisclosureRequest,
): DisclosureContent {
  if (!DISCLOSABLE_STAGES.includes(subject.stage)) {
    throw new DomainError(
      'DISCLOSURE.WRONG_STAGE',
      `a disclosure package is published in ${DISCLOSABLE_STAGES.join(', ')} (the application is in ${subject.stage})`,
      [{ guard: 'disclosure.stage', message: `stage ${subject.stage}` }],
    );
  }
  const problems: DomainErrorDetail[] = [];
  const summary = cleanText(request.summary);
  if (summary === null)
    problems.push({ field: 'summary', message: 'a summary of the investment is required' });
  else if (summary.length > MAX_DISCLOSURE_TEXT) {
    problems.push({ field: 'summary', message: `at most ${MAX_DISCLOSURE_TEXT} characters` });
  }
  const esReviewSummary = cleanText(request.esReviewSummary);
  if (esReviewSummary === null && requiresEsReviewSummary(subject.category)) {
    problems.push({
      field: 'esReviewSummary',
      message: `category ${subject.category ?? '(not yet categorised)'} needs an E&S review summary`,
    });
  } else if (esReviewSummary !== null && esReviewSummary.length > MAX_DISCLOSURE_TEXT) {
    problems.push({ field: 'esReviewSummary', message: `at most ${MAX_DISCLOSURE_TEXT} characters` });
  }
  const ids = request.publicDocumentIds ?? [];
  if (ids.length > MAX_PUBLIC_DOCUMENTS) {
    problems.push({ field: 'publicDocumentIds', message: `at most ${MAX_PUBLIC_DOCUMENTS} documents` });
  }
  if (new Set(ids).size !== ids.length) {
    problems.push({ field: 'publicDocumentIds', message: 'a document is listed twice' });
  }
  const publicDocuments: PublicDocumentRef[] = [];
  ids.forEach((id, i) => {
    const document = subject.documents.find((d) => d.id === id);
    if (document === undefined) {
      problems.push({ field: `publicDocumentIds[${i}]`, message: 'not a document of this application' });
    } else if (!mayBePublic(document)) {
      problems.push({
        field: `publicDocumentIds[${i}]`,
        message: `${document.kind} names beneficial owners and is never made public`,
      });
    } else if (!publicDocuments.some((d) => d.id === id)) {
      publicDocuments.push({
        id: document.id,
        kind: document.kind,
        sha256: document.sha256,
        mediaType: document.mediaType,
        size: document.size,
      });
    }
  });
  if (problems.length > 0 || summary === null) {
    throw new DomainError('VALIDATION.FAILED', 'the disclosure package is incomplete', problems);
  }
  return {
    reference: subject.reference,
    title: subject.title,
    sponsorName: subject.sponsorName,
    country: subject.country,
    region: subject.region,
    mineral: subject.mineral,
    valueChainSegment: subject.valueChainSegment,
    forgeAmountUsd: subject.forgeAmountUsd,
    instrument: subject.instrument,
    category: subject.category,
    summary,
    esReviewSummary,
    publicDocuments,
  };
}

/**
 * The next version of an application's package. `DISCLOSURE.UNCHANGED` (409) when the content is
 * the same as the latest version's: an amendment must amend something.
 */
export function nextDisclosurePackage(
  previous: readonly DisclosurePackage[],
  content: DisclosureContent,
  applicationId: string,
  actorId: string,
  now: string,
): DisclosurePackage {
  const latest = latestPackage(previous);
  const contentHash = canonicalHash(content);
  if (latest !== null && latest.contentHash === contentHash) {
    throw new DomainError(
      'DISCLOSURE.UNCHANGED',
      'the package is the same as the version already disclosed',
      [{ field: 'summary', message: `version ${latest.version} already discloses exactly this` }],
    );
  }
  return {
    applicationId,
    version: (latest?.version ?? 0) + 1,
    disclosedAt: now,
    disclosedBy: actorId,
    content,
    contentHash,
  };
}

export function latestPackage(packages: readonly DisclosurePackage[]): DisclosurePackage | null {
  let latest: DisclosurePackage | null = null;
  for (const p of packages) if (latest === null || p.version > latest.version) latest = p;
  return latest;
}

/** Days a category must be disclosed before the decision. */
export function disclosureDaysFor(category: EsCategory | null, policy: DisclosureDaysPolicy): number {
  // An unknown category is treated as A (fail closed: the longer period).
  return category === 'A' || category === null ? policy.daysA : policy.daysOther;
}

export function assertDisclosureDays(policy: DisclosureDaysPolicy): void {
  for (const [name, value] of [
    ['DISCLOSURE_DAYS_A', policy.daysA],
    ['DISCLOSURE_DAYS_OTHER', policy.daysOther],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0 || value > 3650) {
      throw new DomainError('PORTFOLIO.INVALID_DISCLOSURE_DAYS', `${name} must be an integer 0–3650`, [
        { field: name, message: `got ${value}` },
      ]);
    }
  }
}

export interface DisclosurePeriodArgs {
  /** The confirmed category at the decision. */
  category: EsCategory | null;
  packages: readonly DisclosurePackage[];
  /** The moment of the decision (the clock, ISO 8601). */
  now: string;
  policy: DisclosureDaysPolicy;
}

/** When the period started: the first version complete for the category, or `null`. */
export function disclosureStart(
  category: EsCategory | null,
  packages: readonly DisclosurePackage[],
): DisclosurePackage | null {
  const complete = packages
    .filter((p) => !requiresEsReviewSummary(category) || p.content.esReviewSummary !== null)
    .sort((a, b) => a.version - b.version);
  return complete[0] ?? null;
}

/**
 * Guard `disclosure.period` on the committee's approval. Empty when it holds:
 * - a package exists (even with 0 days configured);
 * - the period runs from the first version complete for the category (with an E&S review summary
 *   for A, B and FI); an amendment does not restart it;
 * - at least `days × 24 h` have elapsed from that version's publication to `now` (exact instants,
 *   not calendar days).
 * Nothing else: portfolio.md's guard is the package and its period. A package whose amount or
 * instrument the structure has since changed is the officer's to amend (an amendment never
 * restarts the period); it does not hold the decision back.
 */
export function disclosurePeriodGuard(args: DisclosurePeriodArgs): DomainErrorDetail[] {
  assertDisclosureDays(args.policy);
  const days = disclosureDaysFor(args.category, args.policy);
  const guard = PORTFOLIO_GUARDS.disclosurePeriod;
  const label = `category ${args.category ?? '(unknown)'}`;
  if (args.packages.length === 0) {
    return [
      {
        guard,
        message: `no disclosure package: ${label} must be disclosed at least ${days} days before the decision`,
      },
    ];
  }
  const problems: DomainErrorDetail[] = [];
  const start = disclosureStart(args.category, args.packages);
  if (start === null) {
    problems.push({ guard, message: `no disclosed version carries the E&S review summary ${label} needs` });
  } else {
    const nowMs = Date.parse(args.now);
    const startMs = Date.parse(start.disclosedAt);
    if (Number.isNaN(nowMs) || Number.isNaN(startMs)) {
      throw new DomainError('PORTFOLIO.INVALID_FACTS', 'disclosure instants must be ISO 8601');
    }
    const earliestMs = startMs + days * DAY_MS;
    if (nowMs < earliestMs) {
      const elapsedDays = Math.floor((nowMs - startMs) / DAY_MS);
      problems.push({
        guard,
        message: `${label} must be disclosed ${days} days before the decision: disclosed ${start.disclosedAt} (version ${start.version}), ${elapsedDays} full days ago; the earliest decision is ${new Date(earliestMs).toISOString()}`,
      });
    }
  }
  return problems;
}
