import { Body, Controller, Headers, HttpCode, Inject, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Idempotent } from '../common/idempotency.interceptor.js';
import { Allow } from '../auth/policy.decorators.js';
import { resolveExpectedVersion } from './application-input.js';
import {
  AnswerInformationRequestDto,
  CategoryDto,
  FinancingDto,
  OpenInformationRequestDto,
  ResolveCheckDto,
  ScreeningDispositionDto,
} from './dto/index.js';
import { ReviewService } from './review.service.js';
import { CheckCodeParam, UuidParam } from '../common/path-params.js';
import {
  ApplicationViewResponseDto,
  OpenedInformationRequestResponseDto,
} from './dto/application.response.dto.js';
import { SponsorApplicationViewResponseDto } from './dto/sponsor-application.response.dto.js';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'the version read (alternative to expectedVersion)',
};

/** Officer review: information requests, check results, screening dispositions, E&S category, financing. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications/:id')
export class ReviewController {
  constructor(@Inject(ReviewService) private readonly review: ReviewService) {}

  @Post('information-requests')
  @Idempotent()
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Ask the sponsor a question (blocks moves until answered)' })
  @ApiCreatedResponse({ type: OpenedInformationRequestResponseDto })
  openInformationRequest(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: OpenInformationRequestDto,
  ) {
    return this.review.openInformationRequest(user, id, body.question);
  }

  @Post('information-requests/:rid/answer')
  @HttpCode(200)
  @Allow(['sponsor'], { write: true })
  @ApiOperation({
    summary: 'Answer an information request, optionally amending the input (re-screens and re-scores)',
  })
  @ApiOkResponse({ type: SponsorApplicationViewResponseDto, description: 'the sponsor view' })
  @ApiNotFoundResponse({ description: 'no such application or request' })
  @ApiConflictResponse({ description: 'already answered' })
  answer(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('rid') rid: string,
    @Body() body: AnswerInformationRequestDto,
  ) {
    return this.review.answerInformationRequest(user, id, rid, body);
  }

  @Post('checks/:code/resolve')
  @HttpCode(200)
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Resolve a needs_review check (pass/fail), or propose a waiver (maker-checker)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ApplicationViewResponseDto, description: 'the application view' })
  @ApiConflictResponse({ description: 'CHECK.RESOLUTION_CONFLICT, APPROVAL.DUPLICATE, VERSION_CONFLICT' })
  resolveCheck(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @CheckCodeParam('code') code: string,
    @Body() body: ResolveCheckDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    const version = resolveExpectedVersion(body.expectedVersion, ifMatch, true);
    return this.review.resolveCheck(user, id, code, body, version);
  }

  @Post('screening/dispositions')
  @HttpCode(200)
  @Allow(['officer'], { write: true })
  @ApiOperation({
    summary: 'Dispose a potential sanctions match: true match at once, false positive via maker-checker',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ApplicationViewResponseDto, description: 'the application view' })
  disposition(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ScreeningDispositionDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    const version = resolveExpectedVersion(body.expectedVersion, ifMatch, false);
    return this.review.recordDisposition(user, id, body, version);
  }

  @Post('category')
  @HttpCode(200)
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Confirm or change the E&S category (a downgrade needs maker-checker)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ApplicationViewResponseDto, description: 'the application view' })
  category(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: CategoryDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    const version = resolveExpectedVersion(body.expectedVersion, ifMatch, true);
    return this.review.setCategory(user, id, body, version);
  }

  @Put('financing')
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Record the financing structure (stage financing); queues a risk assessment' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ApplicationViewResponseDto, description: 'the application view' })
  financing(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: FinancingDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    const version = resolveExpectedVersion(body.expectedVersion, ifMatch, true);
    return this.review.setFinancing(user, id, body, version);
  }
}
