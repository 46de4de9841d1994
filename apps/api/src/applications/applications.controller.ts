import { Body, Controller, Get, Headers, HttpCode, Inject, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Idempotent } from '../common/idempotency.interceptor.js';
import { Allow, APPLICATION_READER_ROLES } from '../auth/policy.decorators.js';
import { resolveExpectedVersion } from './application-input.js';
import { ApplicationsService } from './applications.service.js';
import {
  ApplicationInputDto,
  AssignApplicationDto,
  ListApplicationsQueryDto,
  PatchApplicationDto,
  SubmitApplicationDto,
  TransitionDto,
  WithdrawApplicationDto,
} from './dto/index.js';
import { UuidParam } from '../common/path-params.js';
import { ApplicationListResponseDto, ApplicationViewResponseDto } from './dto/application.response.dto.js';
import {
  SponsorApplicationListResponseDto,
  SponsorApplicationViewResponseDto,
} from './dto/sponsor-application.response.dto.js';

/** A route every reader calls: staff are served the staff view, sponsors the sponsor view (by `audience`). */
function byAudience(staff: new () => unknown, sponsor: new () => unknown) {
  return {
    oneOf: [{ $ref: getSchemaPath(staff) }, { $ref: getSchemaPath(sponsor) }],
    discriminator: {
      propertyName: 'audience',
      mapping: { staff: getSchemaPath(staff), sponsor: getSchemaPath(sponsor) },
    },
  };
}

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'the version read (alternative to expectedVersion)',
};

/** Intake, reads, assignment and stage moves. */
@ApiTags('applications')
@ApiBearerAuth()
@ApiExtraModels(
  ApplicationViewResponseDto,
  SponsorApplicationViewResponseDto,
  ApplicationListResponseDto,
  SponsorApplicationListResponseDto,
)
@Controller('applications')
export class ApplicationsController {
  constructor(@Inject(ApplicationsService) private readonly applications: ApplicationsService) {}

  @Post()
  @Idempotent()
  @Allow(['sponsor'], { write: true })
  @ApiOperation({ summary: 'Create a draft application (sponsor)' })
  @ApiBody({ type: ApplicationInputDto })
  @ApiCreatedResponse({
    type: SponsorApplicationViewResponseDto,
    description: 'the sponsor view, stage draft, version 1, reference FORGE-YYYY-NNNNNN',
  })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: ApplicationInputDto) {
    return this.applications.create(user, body);
  }

  @Get()
  @Allow(APPLICATION_READER_ROLES)
  @ApiOperation({ summary: 'List applications (keyset pagination, newest first)' })
  @ApiOkResponse({
    schema: byAudience(ApplicationListResponseDto, SponsorApplicationListResponseDto),
    description:
      'staff: the staff summaries; a sponsor: its own applications in the sponsor summary; a partner: those its organisation co-finances from committee on, in the sponsor summary',
  })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListApplicationsQueryDto) {
    return this.applications.list(user, query);
  }

  @Get(':id')
  @Allow(APPLICATION_READER_ROLES)
  @ApiOperation({ summary: 'The application view' })
  @ApiOkResponse({
    schema: byAudience(ApplicationViewResponseDto, SponsorApplicationViewResponseDto),
    description:
      'staff: the application view of api.md; a sponsor, or a partner of a co-financed application from committee on: the sponsor view (pipeline.md)',
  })
  @ApiNotFoundResponse({
    description: 'absent, another organisation’s (sponsor), or not co-financed by its organisation (partner)',
  })
  get(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string) {
    return this.applications.get(user, id);
  }

  @Patch(':id')
  @Allow(['sponsor'], { write: true })
  @ApiOperation({ summary: 'Edit a draft (JSON merge patch of the application input)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: SponsorApplicationViewResponseDto, description: 'the sponsor view' })
  @ApiConflictResponse({ description: 'APPLICATION.VERSION_CONFLICT or not a draft' })
  patch(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: PatchApplicationDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    const version = resolveExpectedVersion(body.expectedVersion, ifMatch, true);
    return this.applications.patch(user, id, body, version);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Allow(['sponsor'], { write: true })
  @ApiOperation({ summary: 'Submit a complete draft; queues screening and the first risk assessment' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({
    type: SponsorApplicationViewResponseDto,
    description: 'the sponsor view, stage submitted',
  })
  @ApiConflictResponse({
    description: 'APPLICATION.GUARD_FAILED listing missing fields, or VERSION_CONFLICT',
  })
  submit(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: SubmitApplicationDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.applications.submit(user, id, resolveExpectedVersion(body.expectedVersion, ifMatch, true));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Allow(['sponsor'], { write: true })
  @ApiOperation({ summary: 'Withdraw (any stage before approved)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({
    type: SponsorApplicationViewResponseDto,
    description: 'the sponsor view, stage withdrawn',
  })
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: WithdrawApplicationDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    const version = resolveExpectedVersion(body.expectedVersion, ifMatch, true);
    return this.applications.withdraw(user, id, body.reason, version);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Assign an officer' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ApplicationViewResponseDto, description: 'the application view' })
  assign(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: AssignApplicationDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    const version = resolveExpectedVersion(body.expectedVersion, ifMatch, false);
    return this.applications.assign(user, id, body.assigneeId, version);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Move the application (advance, reject, defer, close)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ApplicationViewResponseDto, description: 'the application view' })
  @ApiConflictResponse({
    description: 'APPLICATION.GUARD_FAILED with errors [{ guard, message }], INVALID_TRANSITION',
  })
  transition(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: TransitionDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    const version = resolveExpectedVersion(body.expectedVersion, ifMatch, true);
    return this.applications.transition(user, id, body, version);
  }
}
