import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { COFINANCIER_LIST_READERS, COFINANCING_READERS, CofinancingCommands } from '@forge/application';
import { COFINANCIER_SECTORS, COFINANCING_STATUSES, INSTRUMENTS, type Instrument } from '@forge/domain';
import { type AuthenticatedUser, CurrentUser, toActor } from '../auth/authenticated-user.js';
import { Allow } from '../auth/policy.decorators.js';
import { UuidParam } from '../common/path-params.js';
import { DecisionRoute } from './portfolio-route.decorators.js';
import { ApiUuidProperty } from '../common/openapi-properties.js';

export class CofinancingLineViewDto {
  @ApiUuidProperty() organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: ['public', 'private'], nullable: true, type: String }) sector!: string | null;
  @ApiProperty({ enum: INSTRUMENTS }) instrument!: string;
  @ApiProperty({ description: 'integer US dollars' }) amountUsd!: number;
  @ApiProperty({ enum: COFINANCING_STATUSES }) status!: string;
}

/** An application's co-financing: the lines (a partner: its own), private direct mobilisation and the ratio. */
export class CofinancingViewDto {
  @ApiUuidProperty() applicationId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty() country!: string;
  @ApiProperty() mineral!: string;
  @ApiProperty() valueChainSegment!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ description: 'The FORGE amount (financing structure, else requested)' })
  forgeAmountUsd!: number;
  @ApiProperty({ enum: INSTRUMENTS }) instrument!: string;
  @ApiProperty({
    type: [CofinancingLineViewDto],
    description: "Staff: every line; a partner: its organisation's",
  })
  lines!: CofinancingLineViewDto[];
  @ApiProperty({ description: 'Σ committed and signed lines of private cofinanciers (every line)' })
  privateDirectMobilisationUsd!: number;
  @ApiProperty({
    description: 'Private direct mobilisation ÷ FORGE amount in hundredths (56 = 0.56x), half-even',
  })
  mobilisationRatioHundredths!: number;
}

export class CofinancingListDto {
  @ApiProperty({ type: [CofinancingViewDto] }) items!: CofinancingViewDto[];
}

export class CofinancierDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ example: 'Banco Andino de Desarrollo' }) name!: string;
  @ApiProperty({ enum: COFINANCIER_SECTORS, nullable: true, type: String }) sector!: string | null;
}

export class CofinancierListDto {
  @ApiProperty({ type: [CofinancierDto], description: 'Every cofinancier organisation, by name' })
  items!: CofinancierDto[];
}

export class CommitCofinancingDto {
  @ApiProperty({ enum: INSTRUMENTS, description: "The instrument of your organisation's indicated line" })
  @IsIn(INSTRUMENTS)
  instrument!: Instrument;
}

/**
 * Co-financing (portfolio.md): staff read every line; a partner (a user of a cofinancier organisation) reads the
 * applications its organisation co-finances from committee on, and nothing else (404), and commits its own line.
 */
@ApiTags('portfolio')
@ApiBearerAuth()
@Controller()
export class CofinancingController {
  constructor(@Inject(CofinancingCommands) private readonly cofinancing: CofinancingCommands) {}

  @Get('cofinancing')
  @Allow(COFINANCING_READERS)
  @ApiOperation({
    summary: 'Co-financed applications the caller may read (a partner: those its organisation co-finances)',
  })
  @ApiOkResponse({ type: CofinancingListDto })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<CofinancingListDto> {
    return { items: await this.cofinancing.list(toActor(user)) };
  }

  @Get('cofinanciers')
  @Allow(COFINANCIER_LIST_READERS)
  @ApiOperation({
    summary: 'The cofinancier organisations an officer can name on a co-financing line (staff; not partners)',
  })
  @ApiOkResponse({ type: CofinancierListDto })
  async cofinanciers(): Promise<CofinancierListDto> {
    return { items: await this.cofinancing.cofinanciers() };
  }

  @Get('applications/:id/cofinancing')
  @Allow(COFINANCING_READERS)
  @ApiOperation({ summary: "An application's co-financing lines, private direct mobilisation and ratio" })
  @ApiOkResponse({ type: CofinancingViewDto })
  @ApiNotFoundResponse({
    description: 'APPLICATION.NOT_FOUND (absent, or not co-financed by your organisation)',
  })
  view(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<CofinancingViewDto> {
    return this.cofinancing.view(toActor(user), id);
  }

  @Post('applications/:id/cofinancing/commit')
  @DecisionRoute({
    roles: ['partner'],
    summary: "A partner moves its organisation's line from indicated to committed (audited)",
    type: CofinancingViewDto,
    notFound: 'APPLICATION.NOT_FOUND, COFINANCING.NOT_FOUND (no such line of yours)',
    conflict: 'COFINANCING.INVALID_STATUS (not indicated)',
  })
  commit(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CommitCofinancingDto,
  ): Promise<CofinancingViewDto> {
    return this.cofinancing.commit(toActor(user), id, body.instrument);
  }
}
