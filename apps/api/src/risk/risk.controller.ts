import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RiskAssessments } from '@forge/application';
import { Allow, READER_ROLES, STAFF_READER_ROLES } from '../auth/policy.decorators.js';
import { type AuthenticatedUser, CurrentUser, toActor } from '../auth/authenticated-user.js';
import {
  ActivatedScoringModelDto,
  ReplayReportDto,
  RiskAssessmentDto,
  RiskJobDto,
  ScoringJobFailureDto,
  ScoringModelDto,
} from './risk.dto.js';
import { ModelVersionParam, UuidParam } from '../common/path-params.js';

@ApiTags('risk')
@ApiBearerAuth()
@Controller()
@ApiResponse({ status: 401, description: 'No or bad token' })
@ApiResponse({ status: 403, description: 'AUTH.FORBIDDEN' })
export class RiskController {
  constructor(@Inject(RiskAssessments) private readonly risk: RiskAssessments) {}

  @Get('scoring/models')
  @Allow(READER_ROLES, { sponsorScoped: false })
  @ApiOperation({ summary: 'The scoring model registry: versions, paramsHash, which one is active' })
  @ApiResponse({ status: 200, type: ScoringModelDto, isArray: true })
  models(): Promise<ScoringModelDto[]> {
    return this.risk.listModels();
  }

  @Post('admin/scoring/models/:version/activate')
  @HttpCode(200)
  @Allow(['admin'], { write: true })
  @ApiOperation({
    summary:
      'Activate a model version: audited; current assessments become stale; open applications re-queued',
  })
  @ApiResponse({ status: 200, type: ActivatedScoringModelDto })
  @ApiResponse({ status: 404, description: 'SCORING_MODEL.NOT_FOUND' })
  activate(
    @ModelVersionParam('version') version: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ActivatedScoringModelDto> {
    return this.risk.activateModel(version, { id: user.id, role: 'admin' });
  }

  @Get('applications/:id/risk-assessments')
  @Allow(STAFF_READER_ROLES)
  @ApiOperation({ summary: "An application's risk assessments, newest first, each with `current`" })
  @ApiResponse({ status: 200, type: RiskAssessmentDto, isArray: true })
  @ApiResponse({ status: 404, description: "APPLICATION.NOT_FOUND (also another organisation's)" })
  list(@UuidParam('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<RiskAssessmentDto[]> {
    return this.risk.list(toActor(user), id);
  }

  @Post('applications/:id/risk-assessments')
  @HttpCode(202)
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: "Queue a fresh assessment of today's inputs under the active model" })
  @ApiResponse({ status: 202, type: RiskJobDto })
  @ApiResponse({ status: 404, description: 'APPLICATION.NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'RISK.APPLICATION_NOT_OPEN: draft or closed application' })
  request(@UuidParam('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<RiskJobDto> {
    return this.risk.request(toActor(user), id);
  }

  @Get('risk-assessments/:id')
  @Allow(STAFF_READER_ROLES)
  @ApiOperation({
    summary: 'One assessment: the record of scoring.md plus `current` and any approved override',
  })
  @ApiResponse({ status: 200, type: RiskAssessmentDto })
  @ApiResponse({ status: 404, description: "RISK_ASSESSMENT.NOT_FOUND (also another organisation's)" })
  get(@UuidParam('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<RiskAssessmentDto> {
    return this.risk.get(toActor(user), id);
  }

  @Post('risk-assessments/:id/replay')
  @HttpCode(200)
  // write: false on purpose: replay recomputes from the stored inputs and compares; it changes nothing and
  // writes nothing (no row, no audit event), so auditors may call it.
  @Allow(['officer', 'auditor'], { write: false })
  @ApiOperation({
    summary: 'Recompute from the stored inputs under the stored model version; compare with the active model',
  })
  @ApiResponse({ status: 200, type: ReplayReportDto })
  @ApiResponse({ status: 404, description: 'RISK_ASSESSMENT.NOT_FOUND' })
  replay(@UuidParam('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<ReplayReportDto> {
    return this.risk.replay(toActor(user), id);
  }

  @Get('applications/:id/risk-jobs/failures')
  @Allow(['officer'])
  @ApiOperation({
    summary: 'Failed scoring jobs of an application with their reason (unscorable inputs, exhausted retries)',
  })
  @ApiResponse({ status: 200, type: ScoringJobFailureDto, isArray: true })
  @ApiResponse({ status: 404, description: 'APPLICATION.NOT_FOUND' })
  failures(
    @UuidParam('id') id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ScoringJobFailureDto[]> {
    return this.risk.failures(toActor(user), id);
  }
}
