import { Controller, Get, Header, Inject, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PublicRegisterQueries } from '@forge/application';
import { Public } from '../auth/policy.decorators.js';
import { ReferenceParam, UuidParam } from '../common/path-params.js';
import { PublicProjectDto, PublicProjectListDto } from './disclosure.dto.js';
import { PublicRateLimitGuard } from './public-rate-limit.guard.js';

/** Cacheable by browsers and shared caches for a minute: what is public is the same for everyone. */
const CACHE = 'public, max-age=60';
const RATE_LIMITED = {
  status: 429,
  description:
    'RATE_LIMITED: PUBLIC_RATE_LIMIT_PER_MINUTE per client address over the public routes (besides the global RATE_LIMIT_PER_MINUTE), with Retry-After',
};

/**
 * The public face of the fund (portfolio.md): the register of disclosed projects, their public documents and the
 * IATI 2.03 file. No authentication; every request counts against the per-address rate limit.
 */
@ApiTags('public')
@Controller('public')
@UseGuards(PublicRateLimitGuard)
export class PublicController {
  constructor(@Inject(PublicRegisterQueries) private readonly register: PublicRegisterQueries) {}

  @Get('projects')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({
    summary: 'The public register: every disclosed project, exactly the fields of its latest package',
    description:
      'No authentication. Each project: the fields of its latest disclosure package, the version and dates of disclosure, its status, the decision and its date, and links to the documents the package made public. Never beneficial owners, scores, votes, notes or anything not in a package.',
  })
  @ApiOkResponse({ type: PublicProjectListDto })
  @ApiResponse(RATE_LIMITED)
  async projects(): Promise<PublicProjectListDto> {
    return { items: await this.register.projects() };
  }

  @Get('projects/:reference')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: 'One disclosed project of the public register' })
  @ApiOkResponse({ type: PublicProjectDto })
  @ApiNotFoundResponse({ description: 'PUBLIC_PROJECT.NOT_FOUND: nothing disclosed under this reference' })
  @ApiResponse(RATE_LIMITED)
  async project(@ReferenceParam('reference') reference: string): Promise<PublicProjectDto> {
    return this.register.project(reference);
  }

  @Get('projects/:reference/documents/:documentId')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: 'A document the latest disclosure package made public' })
  @ApiOkResponse({
    description: 'the file, with its media type',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({
    description: 'PUBLIC_PROJECT.NOT_FOUND, DOCUMENT.NOT_FOUND (not made public by the latest package)',
  })
  @ApiResponse(RATE_LIMITED)
  async document(
    @ReferenceParam('reference') reference: string,
    @UuidParam('documentId') documentId: string,
  ): Promise<StreamableFile> {
    const { document, stream, size } = await this.register.document(reference, documentId);
    return new StreamableFile(stream, {
      type: document.mediaType,
      length: size,
      disposition: `attachment; filename="${document.id}"`,
    });
  }

  @Get('iati/activities.xml')
  @Public()
  @Header('Cache-Control', CACHE)
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiOperation({
    summary: 'IATI 2.03 iati-activities: one iati-activity per approved or financed application',
    description: 'Mapped as portfolio.md "IATI publication" says, elements in the 2.03 schema order.',
  })
  @ApiOkResponse({ content: { 'application/xml': { schema: { type: 'string' } } } })
  @ApiResponse(RATE_LIMITED)
  async iati(): Promise<string> {
    return this.register.iatiActivities();
  }
}
