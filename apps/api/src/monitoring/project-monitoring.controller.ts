import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  MonitoringCommands,
  WatchlistCommands,
  type EsapItemView,
  type WatchlistView,
} from '@forge/application';
import { type Incident, type MonitoringReport, type WatchlistReason } from '@forge/domain';
import { type AuthenticatedUser, CurrentUser, toActor } from '../auth/authenticated-user.js';
import { Allow, READER_ROLES, STAFF_READER_ROLES } from '../auth/policy.decorators.js';
import { Idempotent } from '../common/idempotency.interceptor.js';
import { UuidParam } from '../common/path-params.js';
import {
  AmrFiledDto,
  ClearWatchlistReasonDto,
  CloseIncidentDto,
  CovenantsViewDto,
  CreateEsapItemDto,
  EsapItemResponseDto,
  IncidentReportedDto,
  IncidentResponseDto,
  IncidentUpdateDto,
  MonitoringReportResponseDto,
  ReportIncidentDto,
  ReviewEsapItemDto,
  SetCovenantsDto,
  SubmitAmrDto,
  UpdateEsapItemDto,
  WatchlistViewDto,
} from './project-monitoring.dto.js';

/** Staff see who did what; a sponsor never sees staff identities (pipeline.md "What a sponsor sees"). */
const isStaff = (user: AuthenticatedUser) => user.roles.some((r) => r !== 'sponsor');

function presentEsap(user: AuthenticatedUser, item: EsapItemView): EsapItemResponseDto {
  const { createdBy, verifiedBy, ...rest } = item;
  return isStaff(user) ? { ...rest, createdBy, verifiedBy } : rest;
}

function presentReport(user: AuthenticatedUser, report: MonitoringReport): MonitoringReportResponseDto {
  const { submittedBy, ...rest } = report;
  return isStaff(user) ? { ...rest, submittedBy } : rest;
}

function presentIncident(user: AuthenticatedUser, incident: Incident): IncidentResponseDto {
  const { reportedBy, closedBy, updates, ...rest } = incident;
  return isStaff(user)
    ? { ...rest, updates, reportedBy, closedBy }
    : { ...rest, updates: updates.map(({ kind, text, at }) => ({ kind, text, at })) };
}

const staffOnly = (user: AuthenticatedUser, reasons: WatchlistReason[]) =>
  isStaff(user) ? { watchlistAdded: reasons } : {};

/**
 * A project's life after close besides the money (monitoring.md, issue 16): ESAP items, covenants, annual
 * monitoring reports, incidents and the watchlist. The sponsor reads and acts on its own projects (404 for
 * others); officers act on all; committee members, auditors and admins read. The watchlist is staff-only.
 */
@ApiTags('monitoring')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or bad token' })
@ApiResponse({ status: 404, description: 'APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor)' })
@Controller('applications/:id')
export class ProjectMonitoringController {
  constructor(
    @Inject(MonitoringCommands) private readonly monitoring: MonitoringCommands,
    @Inject(WatchlistCommands) private readonly watchlist: WatchlistCommands,
  ) {}

  // ESAP.

  @Get('esap')
  @Allow(READER_ROLES)
  @ApiOperation({ summary: 'The ESAP items, by due date, with whether each is overdue now' })
  @ApiResponse({ status: 200, type: EsapItemResponseDto, isArray: true })
  async esap(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
  ): Promise<EsapItemResponseDto[]> {
    return (await this.monitoring.listEsapItems(toActor(user), id)).map((i) => presentEsap(user, i));
  }

  @Post('esap')
  @Idempotent()
  @Allow(['officer'], { write: true })
  @ApiOperation({
    summary: 'Create an ESAP item { description, standard PS1–PS8, dueDate } (esg_review onward)',
  })
  @ApiResponse({ status: 201, type: EsapItemResponseDto })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED' })
  @ApiResponse({ status: 409, description: 'APPLICATION.VERSION_CONFLICT, APPLICATION.INVALID_TRANSITION' })
  async createEsap(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CreateEsapItemDto,
  ): Promise<EsapItemResponseDto> {
    return presentEsap(user, await this.monitoring.createEsapItem(toActor(user), id, body));
  }

  @Patch('esap/:itemId')
  @Allow(['sponsor', 'officer'], { write: true })
  @ApiOperation({ summary: 'Update an ESAP item’s status, evidence or note (the sponsor, or an officer)' })
  @ApiResponse({ status: 200, type: EsapItemResponseDto })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED (done without evidence, unknown documents)' })
  @ApiResponse({ status: 409, description: 'ESAP.STATE_CONFLICT, APPLICATION.VERSION_CONFLICT' })
  async updateEsap(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('itemId') itemId: string,
    @Body() body: UpdateEsapItemDto,
  ): Promise<EsapItemResponseDto> {
    return presentEsap(user, await this.monitoring.updateEsapItem(toActor(user), id, itemId, body));
  }

  @Post('esap/:itemId/review')
  @HttpCode(200)
  @Idempotent()
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Verify a done ESAP item, or return it with a note' })
  @ApiResponse({ status: 200, type: EsapItemResponseDto })
  @ApiResponse({ status: 409, description: 'ESAP.STATE_CONFLICT (not done), APPLICATION.VERSION_CONFLICT' })
  async reviewEsap(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('itemId') itemId: string,
    @Body() body: ReviewEsapItemDto,
  ): Promise<EsapItemResponseDto> {
    return presentEsap(user, await this.monitoring.reviewEsapItem(toActor(user), id, itemId, body));
  }

  // Covenants and annual monitoring reports.

  @Get('covenants')
  @Allow(READER_ROLES)
  @ApiOperation({ summary: 'The covenants each annual report is tested against' })
  @ApiResponse({ status: 200, type: CovenantsViewDto })
  covenants(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<CovenantsViewDto> {
    return this.monitoring.readCovenants(toActor(user), id);
  }

  @Put('covenants')
  @Allow(['officer'], { write: true })
  @ApiOperation({
    summary: 'Record the covenants of the financing structure (financing onward, not in committee)',
  })
  @ApiResponse({ status: 200, type: CovenantsViewDto })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED' })
  @ApiResponse({ status: 409, description: 'APPLICATION.VERSION_CONFLICT, APPLICATION.INVALID_TRANSITION' })
  setCovenants(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: SetCovenantsDto,
  ): Promise<CovenantsViewDto> {
    return this.monitoring.setCovenants(toActor(user), id, body);
  }

  @Get('monitoring-reports')
  @Allow(READER_ROLES)
  @ApiOperation({ summary: 'The annual monitoring reports with their figures and covenant results, by year' })
  @ApiResponse({ status: 200, type: MonitoringReportResponseDto, isArray: true })
  async reports(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
  ): Promise<MonitoringReportResponseDto[]> {
    return (await this.monitoring.listReports(toActor(user), id)).map((r) => presentReport(user, r));
  }

  @Post('monitoring-reports')
  @Idempotent()
  @Allow(['sponsor', 'officer'], { write: true })
  @ApiOperation({
    summary:
      'File the annual monitoring report of a year { documentId, figures }: covenants tested, breaches to the watchlist',
  })
  @ApiResponse({ status: 201, type: AmrFiledDto })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED (figures, year, document)' })
  @ApiResponse({ status: 409, description: 'AMR.YEAR_CONFLICT, APPLICATION.INVALID_TRANSITION' })
  async submitAmr(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: SubmitAmrDto,
  ): Promise<AmrFiledDto> {
    const filed = await this.monitoring.submitAmr(toActor(user), id, body);
    return {
      report: presentReport(user, filed.report),
      breaches: filed.breaches,
      ...staffOnly(user, filed.watchlistAdded),
    };
  }

  // Incidents.

  @Get('incidents')
  @Allow(READER_ROLES)
  @ApiOperation({ summary: 'The incidents, latest first, with updates' })
  @ApiResponse({ status: 200, type: IncidentResponseDto, isArray: true })
  async incidents(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
  ): Promise<IncidentResponseDto[]> {
    return (await this.monitoring.listIncidents(toActor(user), id)).map((i) => presentIncident(user, i));
  }

  @Post('incidents')
  @Idempotent()
  @Allow(['sponsor', 'officer'], { write: true })
  @ApiOperation({
    summary:
      'Report an incident; a serious one (severity 3, fatality, tailings) is due within 3 days and goes on the watchlist',
  })
  @ApiResponse({ status: 201, type: IncidentReportedDto })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED' })
  @ApiResponse({ status: 409, description: 'APPLICATION.INVALID_TRANSITION (not a financed project)' })
  async reportIncident(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ReportIncidentDto,
  ): Promise<IncidentReportedDto> {
    const reported = await this.monitoring.reportIncident(toActor(user), id, body);
    return {
      incident: presentIncident(user, reported.incident),
      ...staffOnly(user, reported.watchlistAdded),
    };
  }

  @Post('incidents/:incidentId/updates')
  @Idempotent()
  @Allow(['sponsor', 'officer'], { write: true })
  @ApiOperation({ summary: 'Add a root cause, corrective action or note to an open incident' })
  @ApiResponse({ status: 201, type: IncidentResponseDto })
  @ApiResponse({ status: 409, description: 'INCIDENT.STATE_CONFLICT (closed)' })
  async updateIncident(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('incidentId') incidentId: string,
    @Body() body: IncidentUpdateDto,
  ): Promise<IncidentResponseDto> {
    return presentIncident(
      user,
      await this.monitoring.addIncidentUpdate(toActor(user), id, incidentId, body),
    );
  }

  @Post('incidents/:incidentId/close')
  @HttpCode(200)
  @Idempotent()
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Close an incident with a note' })
  @ApiResponse({ status: 200, type: IncidentResponseDto })
  @ApiResponse({ status: 409, description: 'INCIDENT.STATE_CONFLICT (already closed)' })
  async closeIncident(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('incidentId') incidentId: string,
    @Body() body: CloseIncidentDto,
  ): Promise<IncidentResponseDto> {
    return presentIncident(user, await this.monitoring.closeIncident(toActor(user), id, incidentId, body));
  }

  // The watchlist (staff only).

  @Get('watchlist')
  @Allow(STAFF_READER_ROLES)
  @ApiOperation({
    summary: 'Whether the project is on the watchlist, with every reason (active and cleared)',
  })
  @ApiResponse({ status: 200, type: WatchlistViewDto })
  watchlistView(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<WatchlistView> {
    return this.watchlist.read(toActor(user), id);
  }

  @Post('watchlist/clear')
  @HttpCode(200)
  @Idempotent()
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Clear an active watchlist reason { reasonId, note }' })
  @ApiResponse({ status: 200, type: WatchlistViewDto })
  @ApiResponse({ status: 404, description: 'WATCHLIST.NOT_FOUND (no active reason by that id)' })
  clearWatchlist(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ClearWatchlistReasonDto,
  ): Promise<WatchlistView> {
    return this.watchlist.clear(toActor(user), id, body);
  }
}
