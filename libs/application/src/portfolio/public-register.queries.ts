import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  buildIatiActivities,
  DomainError,
  forgeAmountUsd,
  forgeInstrument,
  iatiPublishable,
  latestPackage,
  mayBePublic,
  publicProject,
  type DisclosurePackage,
  type IatiActivityFact,
  type PublicDocumentRef,
  type PublicProject,
} from '@forge/domain';
import {
  listAllDisclosurePackages,
  listDisbursedTransactions,
  loadOrganizationFacts,
  loadPortfolioFacts,
  UnitOfWork,
  type PortfolioFactRecord,
} from '@forge/persistence';
import { Clock } from '../clock.js';
import { DocumentFiles } from '../documents/document-files.js';
import { publicProjectNotFound } from './disclosure-commands.js';

/** Where the public downloads a document a package made public (no authentication). */
export function publicDocumentPath(reference: string, documentId: string): string {
  return `/api/v1/public/projects/${encodeURIComponent(reference)}/documents/${documentId}`;
}

/** Facts of the register: the decision is the committee's (approved, financed and later) or a rejection. */
function registerFacts(fact: PortfolioFactRecord | undefined): Parameters<typeof publicProject>[1] {
  if (fact === undefined) return { stage: 'submitted', decision: null };
  const decided = fact.decidedAt;
  const outcome =
    fact.stage === 'rejected'
      ? ('rejected' as const)
      : iatiPublishable(fact.stage)
        ? ('approved' as const)
        : null;
  return {
    stage: fact.stage,
    decision: outcome !== null && decided !== null ? { outcome, decidedAt: decided } : null,
  };
}

/**
 * The public face of the fund (portfolio.md): the register of disclosed projects and the IATI 2.03 file, for
 * anyone, without authentication. The register is built by the domain's allow-list from the packages alone (the
 * application contributes only its stage and decision date); IATI publishes every approved or financed
 * application that has a package (the guard `disclosure.period` makes every approval have one), with the title
 * and description of its latest package.
 */
@Injectable()
export class PublicRegisterQueries {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(DocumentFiles) private readonly files: DocumentFiles,
  ) {}

  /** Every disclosed project, newest disclosure first. */
  projects(): Promise<PublicProject[]> {
    return this.unitOfWork.read(async (manager) => {
      const packages = await listAllDisclosurePackages(manager);
      const facts = new Map((await loadPortfolioFacts(manager)).map((f) => [f.applicationId, f]));
      const projects = [...packages.entries()].map(([id, versions]) =>
        publicProject(versions, registerFacts(facts.get(id)), publicDocumentPath),
      );
      return projects.sort((a, b) =>
        a.disclosure.firstDisclosedAt === b.disclosure.firstDisclosedAt
          ? a.reference.localeCompare(b.reference)
          : a.disclosure.firstDisclosedAt < b.disclosure.firstDisclosedAt
            ? 1
            : -1,
      );
    });
  }

  /** One disclosed project by its reference (404 `PUBLIC_PROJECT.NOT_FOUND` when nothing is disclosed). */
  project(reference: string): Promise<PublicProject> {
    return this.unitOfWork.read(async (manager) => {
      const [entry] = [...(await listAllDisclosurePackages(manager, { reference })).entries()];
      if (entry === undefined) throw publicProjectNotFound();
      const fact = (await loadPortfolioFacts(manager)).find((f) => f.applicationId === entry[0]);
      return publicProject(entry[1], registerFacts(fact), publicDocumentPath);
    });
  }

  /**
   * A document the latest package of `reference` made public: its metadata and content. 404
   * `PUBLIC_PROJECT.NOT_FOUND` for an unknown reference, `DOCUMENT.NOT_FOUND` for a document the package does not
   * list (private documents of a disclosed project stay private).
   */
  async document(
    reference: string,
    documentId: string,
  ): Promise<{ document: PublicDocumentRef; stream: Readable; size: number }> {
    const latest = await this.unitOfWork.read(async (manager) => {
      const [entry] = [...(await listAllDisclosurePackages(manager, { reference })).values()];
      return entry === undefined ? null : latestPackage(entry);
    });
    if (latest === null) throw publicProjectNotFound();
    const document = latest.content.publicDocuments.find((d) => d.id === documentId);
    if (document === undefined || !mayBePublic(document)) {
      throw new DomainError('DOCUMENT.NOT_FOUND', 'document not found');
    }
    const path = this.files.pathOf(document.sha256);
    const info = await stat(path);
    return { document, stream: createReadStream(path), size: info.size };
  }

  /** The IATI 2.03 `iati-activities` document as of the clock. */
  iatiActivities(): Promise<string> {
    return this.unitOfWork.read(async (manager) => {
      const facts = await loadPortfolioFacts(manager);
      const packages = await listAllDisclosurePackages(manager);
      const organizations = await loadOrganizationFacts(manager);
      const disbursed = await listDisbursedTransactions(manager);
      const activities: IatiActivityFact[] = [];
      for (const fact of facts) {
        const latest = latestPackage(packages.get(fact.applicationId) ?? []);
        if (!iatiPublishable(fact.stage) || latest === null || fact.decidedAt === null) continue;
        activities.push(iatiFact(fact, latest, organizations, disbursed.get(fact.applicationId) ?? []));
      }
      const iati = this.config.portfolio.iati;
      return buildIatiActivities({
        reportingOrg: { ref: iati.orgRef, type: iati.orgType, name: iati.orgName },
        generatedAt: this.clock.now().toISOString(),
        activities,
      });
    });
  }
}

function iatiFact(
  fact: PortfolioFactRecord,
  latest: DisclosurePackage,
  organizations: Awaited<ReturnType<typeof loadOrganizationFacts>>,
  disbursements: Array<{ amountUsd: number; valueDate: string }>,
): IatiActivityFact {
  const c = latest.content;
  return {
    reference: fact.reference,
    stage: fact.stage,
    title: c.title,
    description: c.summary,
    country: fact.country,
    mineral: fact.mineral,
    valueChainSegment: fact.valueChainSegment,
    instrument: forgeInstrument(fact),
    forgeAmountUsd: forgeAmountUsd(fact),
    sponsorName: c.sponsorName,
    // portfolio.md: "co-financiers with role 1", whatever the status of their lines (one entry per organisation).
    cofinanciers: fact.cofinancing
      .map((line) => organizations.get(line.organizationId)?.name)
      .filter((name): name is string => name !== undefined)
      .filter((name, i, all) => all.indexOf(name) === i)
      .map((name) => ({ name })),
    approvedAt: fact.decidedAt!,
    financedAt: fact.financedAt,
    disbursements,
  };
}
