import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@forge/config';
import {
  ApplicationCommands,
  ApplicationQueries,
  servedSponsorView,
  SponsorViewQueries,
  sponsorViewContext,
  type ApplicationAggregate,
} from '@forge/application';
import { type AuthenticatedUser, toActor } from '../auth/authenticated-user.js';
import { toPlain } from './application-input.js';
import { presentApplication, presentSummary, type ApplicationView } from './application.presenter.js';
import {
  presentSponsorApplication,
  presentSponsorSummary,
  type SponsorApplicationView,
} from './sponsor-view.presenter.js';
import { type ApplicationInputDto, type ListApplicationsQueryDto } from './dto/index.js';

/** HTTP ↔ use cases for intake, assignment, stage moves and reads: DTOs in, presented views out. */
@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(ApplicationCommands) private readonly commands: ApplicationCommands,
    @Inject(ApplicationQueries) private readonly queries: ApplicationQueries,
    @Inject(SponsorViewQueries) private readonly sponsorViews: SponsorViewQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The application as this user may see it: the staff view of api.md, or, for a sponsor, the distinct
   * sponsor view (pipeline.md "What a sponsor sees"). Every route answering an application goes through here.
   */
  async presentFor(
    aggregate: ApplicationAggregate,
    user: AuthenticatedUser,
  ): Promise<ApplicationView | SponsorApplicationView> {
    if (servedSponsorView(toActor(user))) return this.presentSponsor(aggregate);
    return this.present(aggregate, user.id);
  }

  /**
   * The staff view of api.md (for routes only staff may call); `viewerId` sees their own committee vote (blind
   * until close otherwise).
   */
  present(aggregate: ApplicationAggregate, viewerId: string | null = null): ApplicationView {
    return presentApplication(aggregate, this.config.pipeline.committeeQuorum, viewerId);
  }

  /** The sponsor view (for routes only sponsors may call). */
  async presentSponsor(aggregate: ApplicationAggregate): Promise<SponsorApplicationView> {
    return presentSponsorApplication(aggregate, await this.sponsorViews.context(aggregate));
  }

  async create(user: AuthenticatedUser, dto: ApplicationInputDto): Promise<SponsorApplicationView> {
    return this.presentSponsor(
      await this.commands.create(toActor(user), toPlain(dto) as Record<string, unknown>),
    );
  }

  async patch(
    user: AuthenticatedUser,
    id: string,
    dto: ApplicationInputDto,
    expectedVersion: number | undefined,
  ): Promise<SponsorApplicationView> {
    const patch = toPlain(dto) as Record<string, unknown>;
    delete patch.expectedVersion;
    return this.presentSponsor(await this.commands.patch(toActor(user), id, patch, expectedVersion));
  }

  async submit(user: AuthenticatedUser, id: string, expectedVersion: number | undefined) {
    return this.presentSponsor(await this.commands.submit(toActor(user), id, expectedVersion));
  }

  async withdraw(user: AuthenticatedUser, id: string, reason: string, expectedVersion: number | undefined) {
    return this.presentSponsor(await this.commands.withdraw(toActor(user), id, reason, expectedVersion));
  }

  async assign(user: AuthenticatedUser, id: string, assigneeId: string, expectedVersion: number | undefined) {
    return this.present(await this.commands.assign(toActor(user), id, assigneeId, expectedVersion));
  }

  async transition(
    user: AuthenticatedUser,
    id: string,
    move: { to: string; reason?: string; noteToSponsor?: string },
    expectedVersion: number | undefined,
  ) {
    return this.present(await this.commands.transition(toActor(user), id, move, expectedVersion));
  }

  /**
   * The application view; for staff with `riskAtApproval` beside `latestRiskAssessment` (monitoring.md: risk
   * at approval and risk today side by side). A sponsor gets the sponsor view (no risk at all).
   */
  async get(
    user: AuthenticatedUser,
    id: string,
  ): Promise<
    (ApplicationView & { riskAtApproval: ApplicationView['latestRiskAssessment'] }) | SponsorApplicationView
  > {
    const { aggregate, icAssessment, sponsor } = await this.queries.view(toActor(user), id);
    // The sponsor's own reads came with the view's one statement (ApplicationQueries.view).
    if (sponsor) return presentSponsorApplication(aggregate, sponsorViewContext(sponsor));
    return { ...this.present(aggregate, user.id), riskAtApproval: icAssessment };
  }

  async list(user: AuthenticatedUser, query: ListApplicationsQueryDto) {
    const page = await this.queries.list(toActor(user), {
      stage: query.stage,
      country: query.country,
      mineral: query.mineral,
      category: query.category,
      residualBand: query.residualBand,
      assigneeId: query.assignee,
      q: query.q,
      overdue: query.overdue,
      sort: query.sort,
      limit: query.limit ?? 20,
      cursor: query.cursor,
    });
    if (servedSponsorView(toActor(user))) {
      return {
        audience: 'sponsor' as const,
        items: page.items.map(presentSponsorSummary),
        nextCursor: page.nextCursor,
      };
    }
    return { audience: 'staff' as const, items: page.items.map(presentSummary), nextCursor: page.nextCursor };
  }
}
