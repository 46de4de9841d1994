import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ReferenceData } from '@forge/application';
import { Allow, READER_ROLES } from '../auth/policy.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Idempotent } from '../common/idempotency.interceptor.js';
import {
  CountriesResponseDto,
  MineralsResponseDto,
  SanctionsListPreviewDto,
  SanctionsListResponseDto,
  UploadSanctionsListRequestDto,
} from './reference.dto.js';

/** Path of the list upload (the body-limit hook matches it). */
export const SANCTIONS_UPLOAD_PATH = 'admin/reference/sanctions-lists';
/** Path of the preview (same body, same limit): what the upload would change, written nowhere. */
export const SANCTIONS_PREVIEW_PATH = `${SANCTIONS_UPLOAD_PATH}/preview`;

@ApiTags('reference')
@ApiBearerAuth()
@Controller()
@ApiResponse({ status: 401, description: 'No or bad token' })
export class ReferenceController {
  constructor(@Inject(ReferenceData) private readonly reference: ReferenceData) {}

  @Get('reference/countries')
  @Allow(READER_ROLES)
  @ApiOperation({ summary: 'The active countries reference data, with its snapshot hash and load time' })
  @ApiResponse({ status: 200, type: CountriesResponseDto })
  countries(): Promise<CountriesResponseDto> {
    return this.reference.countries();
  }

  @Get('reference/minerals')
  @Allow(READER_ROLES)
  @ApiOperation({ summary: "The fund's active critical-minerals list, with its snapshot hash and load time" })
  @ApiResponse({ status: 200, type: MineralsResponseDto })
  minerals(): Promise<MineralsResponseDto> {
    return this.reference.minerals();
  }

  @Post(SANCTIONS_PREVIEW_PATH)
  @HttpCode(200)
  @Allow(['admin'])
  @ApiOperation({
    summary:
      'Preview a sanctions list before loading it: the entries it adds, removes and changes against the active list (admins only; nothing is written)',
    description:
      'The same body and parsing as the upload (same refusals), up to MAX_UPLOAD_BYTES. Entries are matched by ent_num; each list of entries holds at most 500 items (`truncated`), the counts are complete.',
  })
  @ApiResponse({ status: 200, type: SanctionsListPreviewDto })
  @ApiResponse({
    status: 400,
    description: 'SANCTIONS.MALFORMED_LIST (naming file and line) or VALIDATION.FAILED',
  })
  @ApiResponse({ status: 403, description: 'AUTH.FORBIDDEN: not an admin' })
  @ApiResponse({ status: 413, description: 'PAYLOAD_TOO_LARGE: over MAX_UPLOAD_BYTES' })
  previewSanctionsList(@Body() body: UploadSanctionsListRequestDto): Promise<SanctionsListPreviewDto> {
    return this.reference.previewSanctionsList(body);
  }

  @Post(SANCTIONS_UPLOAD_PATH)
  @HttpCode(201)
  @Allow(['admin'], { write: true })
  @Idempotent()
  @ApiOperation({
    summary:
      'Load a sanctions list (OFAC SDN legacy CSV); it becomes the active list and re-screens every application not terminal',
    description:
      'The body may be as large as MAX_UPLOAD_BYTES (default 20 MiB) on this route. Every application received and not terminal (financed, disbursing and monitoring projects included) is queued for re-screening in the same transaction.',
  })
  @ApiResponse({ status: 201, type: SanctionsListResponseDto })
  @ApiResponse({
    status: 400,
    description: 'SANCTIONS.MALFORMED_LIST (naming file and line) or VALIDATION.FAILED',
  })
  @ApiResponse({ status: 403, description: 'AUTH.FORBIDDEN: not an admin' })
  @ApiResponse({ status: 413, description: 'PAYLOAD_TOO_LARGE: over MAX_UPLOAD_BYTES' })
  uploadSanctionsList(
    @Body() body: UploadSanctionsListRequestDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SanctionsListResponseDto> {
    return this.reference.uploadSanctionsList(body, { id: user.id, role: 'admin' });
  }
}
