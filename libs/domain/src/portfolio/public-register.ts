import type { EsCategory, Instrument, Mineral, ValueChainSegment } from '../application/application-input.js';
import { DomainError } from '../errors/domain-error.js';
import { latestPackage, mayBePublic, type DisclosurePackage } from './disclosure.js';
import { portfolioBucket } from './portfolio-facts.js';

/**
 * The public register (portfolio.md): for each disclosed application exactly the fields of its
 * latest package, the decision and its date, and links to the documents the package made public.
 * Built field by field from an explicit allow-list: nothing of the application itself is read, so
 * beneficial owners, scores, votes, notes, internal ids of people or anything not in a package
 * cannot appear.
 */
export const PUBLIC_STATUSES = ['pending_decision', 'approved', 'financed', 'rejected', 'withdrawn'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

export interface PublicDocument {
  id: string;
  kind: string;
  sha256: string;
  mediaType: string;
  size: number;
  /** Where anyone can download it, without authentication. */
  url: string;
}

export interface PublicProject {
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
  summary: string;
  esReviewSummary: string | null;
  documents: PublicDocument[];
  disclosure: { version: number; disclosedAt: string; firstDisclosedAt: string };
  status: PublicStatus;
  decision: { outcome: 'approved' | 'rejected'; decidedAt: string } | null;
}

/** The top-level keys of a public project, in order: the allow-list the tests hold the API to. */
export const PUBLIC_PROJECT_FIELDS: readonly (keyof PublicProject)[] = [
  'reference',
  'title',
  'sponsorName',
  'country',
  'region',
  'mineral',
  'valueChainSegment',
  'forgeAmountUsd',
  'instrument',
  'category',
  'summary',
  'esReviewSummary',
  'documents',
  'disclosure',
  'status',
  'decision',
];
export const PUBLIC_DOCUMENT_FIELDS: readonly (keyof PublicDocument)[] = [
  'id',
  'kind',
  'sha256',
  'mediaType',
  'size',
  'url',
];

/** What the register needs beyond the package: where the application stands and its decision. */
export interface PublicProjectFacts {
  stage: string;
  /** The committee's (or an officer's) decision and when; `null` while undecided. */
  decision: { outcome: 'approved' | 'rejected'; decidedAt: string } | null;
}

export function publicStatus(stage: string): PublicStatus {
  if (stage === 'rejected') return 'rejected';
  if (stage === 'withdrawn') return 'withdrawn';
  const bucket = portfolioBucket(stage);
  if (bucket === 'committed') return 'approved';
  if (bucket === 'financed') return 'financed';
  return 'pending_decision';
}

/**
 * The public record of one application from its package versions. `documentUrl` builds the public
 * link of a document (the HTTP layer knows its routes). `DISCLOSURE.NOT_DISCLOSED` when there is no
 * package (the caller answers 404).
 */
export function publicProject(
  packages: readonly DisclosurePackage[],
  facts: PublicProjectFacts,
  documentUrl: (reference: string, documentId: string) => string,
): PublicProject {
  const latest = latestPackage(packages);
  if (latest === null) throw new DomainError('DISCLOSURE.NOT_DISCLOSED', 'nothing has been disclosed');
  const first = packages.reduce((a, b) => (b.version < a.version ? b : a), latest);
  const c = latest.content;
  return {
    reference: c.reference,
    title: c.title,
    sponsorName: c.sponsorName,
    country: c.country,
    region: c.region,
    mineral: c.mineral,
    valueChainSegment: c.valueChainSegment,
    forgeAmountUsd: c.forgeAmountUsd,
    instrument: c.instrument,
    category: c.category,
    summary: c.summary,
    esReviewSummary: c.esReviewSummary,
    documents: c.publicDocuments.filter(mayBePublic).map((d) => ({
      id: d.id,
      kind: d.kind,
      sha256: d.sha256,
      mediaType: d.mediaType,
      size: d.size,
      url: documentUrl(c.reference, d.id),
    })),
    disclosure: {
      version: latest.version,
      disclosedAt: latest.disclosedAt,
      firstDisclosedAt: first.disclosedAt,
    },
    status: publicStatus(facts.stage),
    decision:
      facts.decision === null
        ? null
        : { outcome: facts.decision.outcome, decidedAt: facts.decision.decidedAt },
  };
}
