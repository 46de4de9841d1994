import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import { PortfolioPolicyCommands } from '@forge/application';
import { type PortfolioPolicyParams } from '@forge/domain';
import { type AuthenticatedUser, CurrentUser, toActor } from '../auth/authenticated-user.js';
import { Allow } from '../auth/policy.decorators.js';
import { Idempotent } from '../common/idempotency.interceptor.js';
import { UuidParam } from '../common/path-params.js';
import { DecisionRoute } from './portfolio-route.decorators.js';
import { ApiDateTimeProperty, ApiJsonObjectProperty, ApiUuidProperty } from '../common/openapi-properties.js';

const TEXT_MAX = 10_000;

export class ProposePortfolioPolicyDto {
  @ApiJsonObjectProperty({
    description:
      'The whole policy version: `{ policy: "FORGE-PP", version: "1.1.0", limits: [{ code, name, dimension, group, bound, bp, base, blocking }] }` (unknown fields refused)',
  })
  @IsObject()
  params!: Record<string, unknown>;

  @ApiProperty({ example: 'Raise the country limit to 30% for the Andean frameworks', maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  rationale!: string;
}

export class DecidePortfolioPolicyDto {
  @ApiProperty({ example: 'Checked against the board resolution', maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  note!: string;
}

export class PortfolioPolicyVersionDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ example: 'FORGE-PP' }) policy!: string;
  @ApiProperty({ example: '1.0.0' }) version!: string;
  @ApiJsonObjectProperty({ description: 'The limits, as proposed' }) params!: PortfolioPolicyParams;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the canonical JSON of params' })
  paramsHash!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status!: string;
  @ApiProperty({ description: 'The version every evaluation runs under now' }) active!: boolean;
  @ApiProperty({ description: 'The built-in FORGE-PP 1.0.0 (portfolio.md defaults)' }) builtIn!: boolean;
  @ApiUuidProperty({ nullable: true, description: 'The admin who proposed it' }) proposedBy!: string | null;
  @ApiDateTimeProperty() proposedAt!: string;
  @ApiProperty({ type: String, nullable: true }) rationale!: string | null;
  @ApiUuidProperty({ nullable: true, description: 'The second admin' }) decidedBy!: string | null;
  @ApiDateTimeProperty({ nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote!: string | null;
  @ApiDateTimeProperty({ nullable: true }) activatedAt!: string | null;
}

/** The second admin's decision on a proposed version: approve and reject answer and fail alike. */
const decidePolicy = (summary: string) =>
  DecisionRoute({
    roles: ['admin'],
    summary,
    type: PortfolioPolicyVersionDto,
    forbidden: 'APPROVAL.SELF_APPROVAL: the proposer does not decide',
    notFound: 'POLICY.NOT_FOUND',
    conflict: 'POLICY.NOT_PENDING',
  });

/** Portfolio policy versions (FORGE-PP), changed by two admins (portfolio.md "Concentration limits"). */
@ApiTags('portfolio')
@ApiBearerAuth()
@Controller('admin/portfolio-policies')
export class PortfolioPolicyController {
  constructor(@Inject(PortfolioPolicyCommands) private readonly policies: PortfolioPolicyCommands) {}

  @Get()
  @Allow(['admin'])
  @ApiOperation({ summary: 'Every portfolio policy version, the active one flagged (admins)' })
  @ApiOkResponse({ type: [PortfolioPolicyVersionDto] })
  list(@CurrentUser() user: AuthenticatedUser): Promise<PortfolioPolicyVersionDto[]> {
    return this.policies.list(toActor(user));
  }

  @Post()
  @Idempotent()
  @Allow(['admin'], { write: true })
  @ApiOperation({
    summary: 'Propose a new policy version (a second admin approves it before it applies)',
  })
  @ApiCreatedResponse({ type: PortfolioPolicyVersionDto, description: 'the pending version' })
  @ApiConflictResponse({
    description: 'POLICY.PROPOSAL_PENDING (decide the pending one first), POLICY.VERSION_EXISTS',
  })
  propose(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ProposePortfolioPolicyDto,
  ): Promise<PortfolioPolicyVersionDto> {
    return this.policies.propose(toActor(user), body.params, body.rationale);
  }

  @Post(':id/approve')
  @decidePolicy('Approve a proposed version (not its proposer): it becomes the active policy')
  approve(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: DecidePortfolioPolicyDto,
  ): Promise<PortfolioPolicyVersionDto> {
    return this.policies.decide(toActor(user), id, 'approve', body.note);
  }

  @Post(':id/reject')
  @decidePolicy('Reject a proposed version (not its proposer): kept on record, never applied')
  reject(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: DecidePortfolioPolicyDto,
  ): Promise<PortfolioPolicyVersionDto> {
    return this.policies.decide(toActor(user), id, 'reject', body.note);
  }
}
