import { Body, Controller, Get, Inject, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Idempotent } from '../common/idempotency.interceptor.js';
import { Allow, STAFF_READER_ROLES } from '../auth/policy.decorators.js';
import { ApprovalsService } from './approvals.service.js';
import { CommitteeService } from './committee.service.js';
import { CommitteeVoteDto, SatisfyConditionDto } from './dto/index.js';
import { UuidParam } from '../common/path-params.js';
import { ApprovalResponseDto } from './dto/approval.response.dto.js';
import { ApplicationViewResponseDto, IcPackDto } from './dto/application.response.dto.js';

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
    description:
      "the application view (blind: others' votes show as voted or recused until the round closes); decided when this vote completed the round",
  })
  @ApiForbiddenResponse({
    description: "COMMITTEE.NOT_ELIGIBLE (not on the round's list, the mover, recused)",
  })
  @ApiConflictResponse({
    description:
      'COMMITTEE.ALREADY_VOTED, COMMITTEE.ROUND_CLOSED (closed or past its deadline), APPLICATION.INVALID_TRANSITION',
  })
  vote(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string, @Body() body: CommitteeVoteDto) {
    return this.committee.vote(user, id, body);
  }

  @Get('committee/pack')
  @Allow(STAFF_READER_ROLES)
  @ApiOperation({
    summary: 'The IC pack frozen when the latest committee round opened (what members vote on)',
    description:
      'Officers, committee members (applications in committee and later), auditors and admins; never sponsors. The body is exactly the snapshot frozen on entering committee (pipeline.md): the SHA-256 of its RFC 8785 canonical JSON is the hash recorded in the audit event of the move into committee (`committee.icPackHash` in the application view). Documents added after the round opened are not in it. The round, the time it was frozen and its hash come as headers.',
  })
  @ApiOkResponse({
    type: IcPackDto,
    headers: {
      'X-IC-Pack-Hash': {
        description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of the body',
        schema: { type: 'string' },
      },
      'X-Committee-Round': {
        description: 'the committee round the pack was frozen for',
        schema: { type: 'integer' },
      },
      'X-IC-Pack-Frozen-At': {
        description: 'when the round opened and the pack was frozen (ISO-8601)',
        schema: { type: 'string', format: 'date-time' },
      },
    },
  })
  @ApiNotFoundResponse({
    description: 'APPLICATION.NOT_FOUND, COMMITTEE.PACK_NOT_FOUND (never put to the committee)',
  })
  async pack(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const frozen = await this.committee.pack(user, id);
    void reply
      .header('x-ic-pack-hash', frozen.icPackHash)
      .header('x-committee-round', String(frozen.round))
      .header('x-ic-pack-frozen-at', frozen.frozenAt);
    return frozen.pack;
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
