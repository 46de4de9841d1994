import { Body, Controller, Inject, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Idempotent } from '../common/idempotency.interceptor.js';
import { Allow } from '../auth/policy.decorators.js';
import { ApprovalsService } from './approvals.service.js';
import { CommitteeService } from './committee.service.js';
import { CommitteeVoteDto, SatisfyConditionDto } from './dto/index.js';
import { UuidParam } from '../common/path-params.js';
import { ApprovalResponseDto } from './dto/approval.response.dto.js';
import { ApplicationViewResponseDto } from './dto/application.response.dto.js';

/** Investment committee votes and conditions precedent. */
@ApiTags('committee')
@ApiBearerAuth()
@Controller('applications/:id')
export class CommitteeController {
  constructor(
    @Inject(CommitteeService) private readonly committee: CommitteeService,
    @Inject(ApprovalsService) private readonly approvals: ApprovalsService,
  ) {}

  @Post('committee/votes')
  @Idempotent()
  @Allow(['committee'], { write: true })
  @ApiOperation({ summary: 'Vote (approve, reject, abstain) or declare a conflict of interest' })
  @ApiCreatedResponse({
    type: ApplicationViewResponseDto,
    description: 'the application view (decided when this vote reached quorum)',
  })
  @ApiForbiddenResponse({ description: 'COMMITTEE.NOT_ELIGIBLE' })
  @ApiConflictResponse({ description: 'COMMITTEE.ALREADY_VOTED, COMMITTEE.ALREADY_DECIDED, GUARD_FAILED' })
  vote(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string, @Body() body: CommitteeVoteDto) {
    return this.committee.vote(user, id, body);
  }

  @Post('conditions/:cpId/satisfy')
  @Idempotent()
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Propose that a condition precedent is satisfied (maker-checker)' })
  @ApiCreatedResponse({ type: ApprovalResponseDto, description: 'the pending item' })
  satisfy(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('cpId') cpId: string,
    @Body() body: SatisfyConditionDto,
  ) {
    return this.approvals.requestConditionSatisfied(user, id, cpId, body.evidence, body.documentIds ?? []);
  }
}
