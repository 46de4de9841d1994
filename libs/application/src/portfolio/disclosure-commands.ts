import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  buildDisclosureContent,
  DomainError,
  latestPackage,
  nextDisclosurePackage,
  toJson,
  type Actor,
  type DisclosurePackage,
  type DisclosureRequest,
  type EsCategory,
  type Instrument,
  type Mineral,
  type ValueChainSegment,
} from '@forge/domain';
import {
  findOrganizationName,
  insertDisclosurePackage,
  listDisclosurePackages,
  UnitOfWork,
} from '@forge/persistence';
import { ApplicationAccess } from '../access/application-access.js';
import { ApplicationCommandRunner } from '../applications/application-command.runner.js';

/** An application's disclosure packages, every version kept (oldest first) and the latest. */
export interface DisclosureHistory {
  applicationId: string;
  latest: DisclosurePackage | null;
  versions: DisclosurePackage[];
}

/**
 * Disclosure before decision (portfolio.md, after the IFC Access to Information Policy): an officer publishes an
 * application's package in `esg_review`, `financing` or `committee`; an amendment is a new version (every version
 * kept, the table is append-only); one transaction, one audit event (`disclosure.published` for version 1,
 * `disclosure.amended` after), the content's SHA-256 in it. The package summarises what the application says now
 * (the FORGE amount and instrument of the financing structure, else the request; the confirmed category, else the
 * proposed one) plus the officer's texts; nothing else reaches it.
 */
@Injectable()
export class DisclosureCommands {
  constructor(
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(ApplicationAccess) private readonly access: ApplicationAccess,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
  ) {}

  publish(actor: Actor, applicationId: string, request: DisclosureRequest): Promise<DisclosurePackage> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      const app = ctx.aggregate.application;
      const input = app.input as {
        title: string;
        country: string;
        region: string;
        mineral: Mineral;
        valueChainSegment: ValueChainSegment;
        requestedAmountUsd: number;
        instrument: Instrument;
      };
      const financing = app.financing as { amountUsd: number; instrument: Instrument } | null;
      const sponsorName = await findOrganizationName(ctx.manager, app.organizationId);
      if (sponsorName === null) throw new Error(`organisation ${app.organizationId} is missing`);
      const content = buildDisclosureContent(
        {
          applicationId: app.id,
          stage: app.stage,
          reference: app.reference,
          title: input.title,
          sponsorName,
          country: input.country,
          region: input.region,
          mineral: input.mineral,
          valueChainSegment: input.valueChainSegment,
          forgeAmountUsd: Number(financing?.amountUsd ?? input.requestedAmountUsd),
          instrument: financing?.instrument ?? input.instrument,
          category: ((app.category ?? app.proposedCategory) as EsCategory | null) ?? null,
          documents: ctx.aggregate.documents.map((d) => ({
            id: d.id,
            kind: d.kind,
            sha256: d.sha256,
            mediaType: d.mediaType,
            size: d.size,
          })),
        },
        request,
      );
      const previous = await listDisclosurePackages(ctx.manager, app.id);
      const next = nextDisclosurePackage(previous, content, app.id, ctx.actor.id, ctx.now.toISOString());
      await insertDisclosurePackage(ctx.manager, randomUUID(), next);
      await this.runner.commit(
        ctx,
        {},
        {
          role: 'officer',
          action: next.version === 1 ? 'disclosure.published' : 'disclosure.amended',
          subject: { type: 'disclosure_package', id: `${app.id}/${next.version}` },
          before: previous.length === 0 ? null : { version: latestPackage(previous)!.version },
          after: {
            version: next.version,
            disclosedAt: next.disclosedAt,
            contentHash: next.contentHash,
            content: toJson(next.content),
          },
        },
      );
      return next;
    });
  }

  /** Every version of the application's package, for whoever may read the application (404 otherwise). */
  async history(actor: Actor, applicationId: string): Promise<DisclosureHistory> {
    return this.unitOfWork.read(async (manager) => {
      await this.access.requireReadable(actor, { kind: 'application', id: applicationId }, manager);
      const versions = await listDisclosurePackages(manager, applicationId);
      return { applicationId, latest: latestPackage(versions), versions };
    });
  }
}

/** 404 `PUBLIC_PROJECT.NOT_FOUND`: nothing disclosed under this reference. */
export function publicProjectNotFound(): DomainError {
  return new DomainError('PUBLIC_PROJECT.NOT_FOUND', 'no disclosed project has this reference');
}
