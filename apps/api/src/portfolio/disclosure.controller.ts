import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DisclosureCommands } from '@forge/application';
import { type AuthenticatedUser, CurrentUser, toActor } from '../auth/authenticated-user.js';
import { Allow, STAFF_READER_ROLES } from '../auth/policy.decorators.js';
import { Idempotent } from '../common/idempotency.interceptor.js';
import { UuidParam } from '../common/path-params.js';
import { DisclosureHistoryDto, DisclosurePackageDto, DisclosureRequestDto } from './disclosure.dto.js';

/** Disclosure before decision (portfolio.md): an officer publishes and amends; staff read every version. */
@ApiTags('portfolio')
@ApiBearerAuth()
@Controller('applications/:id/disclosure')
export class DisclosureController {
  constructor(@Inject(DisclosureCommands) private readonly disclosure: DisclosureCommands) {}

  @Post()
  @Idempotent()
  @Allow(['officer'], { write: true })
  @ApiOperation({
    summary: 'Publish (or amend: a new version) the disclosure package (stages esg_review to committee)',
    description:
      "The package summarises the investment as the application stands (sponsor, location, mineral, segment, FORGE amount and instrument, category) with the officer's summary and, for categories A, B and FI, an E&S review summary; the documents listed become public. Every version is kept and audited; a package is never withdrawn.",
  })
  @ApiCreatedResponse({ type: DisclosurePackageDto, description: 'the new version' })
  @ApiNotFoundResponse({ description: 'APPLICATION.NOT_FOUND' })
  @ApiConflictResponse({
    description:
      'DISCLOSURE.WRONG_STAGE (outside esg_review … committee), DISCLOSURE.UNCHANGED (the same as the latest version)',
  })
  async publish(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: DisclosureRequestDto,
  ): Promise<DisclosurePackageDto> {
    return this.disclosure.publish(toActor(user), id, {
      summary: body.summary,
      esReviewSummary: body.esReviewSummary ?? null,
      publicDocumentIds: body.publicDocumentIds ?? [],
    });
  }

  @Get()
  @Allow(STAFF_READER_ROLES)
  @ApiOperation({
    summary: 'Every version of the disclosure package (officers, committee, auditors, admins)',
    description:
      'Readers of the application (the one read rule; 404 otherwise); `latest` is null before the first.',
  })
  @ApiOkResponse({ type: DisclosureHistoryDto })
  @ApiNotFoundResponse({ description: 'APPLICATION.NOT_FOUND' })
  async history(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
  ): Promise<DisclosureHistoryDto> {
    return this.disclosure.history(toActor(user), id);
  }
}
