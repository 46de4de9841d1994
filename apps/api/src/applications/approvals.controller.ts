import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Idempotent } from '../common/idempotency.interceptor.js';
import { Allow } from '../auth/policy.decorators.js';
import { ApprovalsService } from './approvals.service.js';
import { ApprovalDecisionDto, ApprovalsQueryDto, RiskOverrideDto } from './dto/index.js';
import { UuidParam } from '../common/path-params.js';
import { ApprovalListResponseDto, ApprovalResponseDto } from './dto/approval.response.dto.js';

/** The maker-checker inbox, decisions, and the risk band override request. */
@ApiTags('approvals')
@ApiBearerAuth()
@Controller()
export class ApprovalsController {
  constructor(@Inject(ApprovalsService) private readonly approvals: ApprovalsService) {}

  @Get('approvals')
  @Allow(['officer'])
  @ApiOperation({ summary: 'The maker-checker inbox (default: pending), oldest first' })
  @ApiOkResponse({ type: ApprovalListResponseDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ApprovalsQueryDto) {
    return this.approvals.list(user, query.status ?? 'pending', query.applicationId, query.limit ?? 100);
  }

  @Post('approvals/:id/approve')
  @HttpCode(200)
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Approve (not the maker): the effect is applied in the same transaction' })
  @ApiOkResponse({ type: ApprovalResponseDto, description: 'the decided item' })
  @ApiForbiddenResponse({ description: 'APPROVAL.SELF_APPROVAL' })
  @ApiConflictResponse({ description: 'APPROVAL.ALREADY_DECIDED' })
  approve(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ApprovalDecisionDto,
  ) {
    return this.approvals.decide(user, id, 'approve', body.note);
  }

  @Post('approvals/:id/reject')
  @HttpCode(200)
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Reject (not the maker): the item is kept with status rejected' })
  @ApiOkResponse({ type: ApprovalResponseDto, description: 'the decided item' })
  @ApiForbiddenResponse({ description: 'APPROVAL.SELF_APPROVAL' })
  reject(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ApprovalDecisionDto,
  ) {
    return this.approvals.decide(user, id, 'reject', body.note);
  }

  @Post('risk-assessments/:id/override')
  @Idempotent()
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Propose a residual band override (maker-checker)' })
  @ApiCreatedResponse({ type: ApprovalResponseDto, description: 'the pending item' })
  @ApiConflictResponse({ description: 'APPROVAL.DUPLICATE' })
  override(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RiskOverrideDto,
  ) {
    return this.approvals.requestRiskOverride(user, id, body.band, body.rationale);
  }
}
