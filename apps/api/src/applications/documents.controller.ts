import { Controller, Get, Inject, Post, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type {} from '@fastify/multipart';
import { type FastifyRequest } from 'fastify';
import { DOCUMENT_KINDS, DomainError } from '@forge/domain';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { Allow, READER_ROLES } from '../auth/policy.decorators.js';
import { DocumentsService } from './documents.service.js';
import { UuidParam } from '../common/path-params.js';
import { UploadedDocumentResponseDto } from './dto/application.response.dto.js';

/** Documents of an application: upload (multipart) and download. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(@Inject(DocumentsService) private readonly documents: DocumentsService) {}

  @Post('applications/:id/documents')
  @Allow(['sponsor', 'officer'], { write: true })
  @ApiOperation({
    summary: 'Upload a document (multipart: file + kind); content checked against its declared type',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiCreatedResponse({ type: UploadedDocumentResponseDto })
  @ApiResponse({ status: 400, description: 'DOCUMENT.CONTENT_MISMATCH or a missing field' })
  @ApiResponse({
    status: 413,
    description:
      'larger than MAX_UPLOAD_BYTES, or DOCUMENT.QUOTA_EXCEEDED: the application would hold more than ' +
      'DOCUMENTS_MAX_PER_APPLICATION documents or DOCUMENTS_MAX_BYTES_PER_APPLICATION bytes',
  })
  @ApiResponse({
    status: 429,
    description:
      'DOCUMENT.UPLOAD_LIMIT: more than UPLOADS_CONCURRENT_PER_USER uploads in flight, or ' +
      'UPLOAD_BYTES_PER_USER_HOUR bytes in the last hour; see Retry-After',
  })
  @ApiResponse({ status: 415, description: 'not an accepted type (PDF, PNG, JPEG, DOCX, XLSX, text, CSV)' })
  upload(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Req() request: FastifyRequest,
  ) {
    if (typeof request.isMultipart !== 'function' || !request.isMultipart()) {
      throw new DomainError('DOCUMENT.UNSUPPORTED_MEDIA_TYPE', 'send the document as multipart/form-data');
    }
    return this.documents.upload(user, id, request.parts());
  }

  @Get('documents/:id')
  @Allow(READER_ROLES)
  @ApiOperation({ summary: 'Download a document (readers of its application)' })
  @ApiOkResponse({
    description: 'the file, with its media type',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ description: 'absent, or of an application the caller may not read' })
  async download(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string) {
    const { document, stream, size } = await this.documents.download(user, id);
    const name = (document.filename ?? `${document.id}`).replace(/[^\w.-]/g, '_');
    return new StreamableFile(stream, {
      type: document.mediaType,
      length: size,
      disposition: `attachment; filename="${name}"`,
    });
  }
}
