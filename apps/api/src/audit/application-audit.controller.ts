import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Allow } from '../auth/policy.decorators.js';
import { ApplicationIdParamDto, AuditEventPageDto, AuditTrailQueryDto, ProofBundleDto } from './audit.dto.js';
import { AuditTrailService } from './audit-trail.service.js';

/**
 * Trail readers for one application. Not sponsors (pipeline.md "What a sponsor sees": the audit trail is the
 * fund's deliberation; a sponsor reads its timeline in the sponsor view instead): 403 for them.
 */
const APPLICATION_TRAIL_READERS = ['auditor', 'officer', 'admin'] as const;

@ApiTags('audit')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or bad token' })
@ApiResponse({ status: 403, description: 'Role may not read the decision trail' })
@ApiResponse({ status: 404, description: 'APPLICATION.NOT_FOUND (absent, or another organisation’s)' })
@Controller('applications')
export class ApplicationAuditController {
  constructor(@Inject(AuditTrailService) private readonly trail: AuditTrailService) {}

  @Get(':id/audit-trail')
  @Allow(APPLICATION_TRAIL_READERS)
  @ApiOperation({ summary: 'The application’s events in seq order (keyset: afterSeq, limit ≤ 500)' })
  @ApiOkResponse({ type: AuditEventPageDto })
  auditTrail(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: ApplicationIdParamDto,
    @Query() query: AuditTrailQueryDto,
  ) {
    return this.trail.applicationTrail(user, params.id, query.afterSeq, query.limit ?? 100);
  }

  @Get(':id/proof-bundle')
  @Allow(APPLICATION_TRAIL_READERS)
  @ApiOperation({
    summary:
      'Every event of the application with its inclusion proof against the latest signed checkpoint, the key, and the risk assessments with their inputs',
  })
  @ApiOkResponse({ type: ProofBundleDto })
  proofBundle(@CurrentUser() user: AuthenticatedUser, @Param() params: ApplicationIdParamDto) {
    return this.trail.proofBundle(user, params.id);
  }
}
