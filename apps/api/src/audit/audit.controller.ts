import { Readable } from 'node:stream';
import { Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { Allow } from '../auth/policy.decorators.js';
import {
  AuditEventPageDto,
  AuditEventsQueryDto,
  AuditExportQueryDto,
  AuditPublicKeyDto,
  ChainVerificationDto,
  ConsistencyProofDto,
  ConsistencyProofQueryDto,
  InclusionProofDto,
  InclusionProofQueryDto,
  SeqParamDto,
  SignedCheckpointDto,
} from './audit.dto.js';
import { AuditTrailService } from './audit-trail.service.js';

/** Readers of the whole decision trail (api.md, "Audit"). */
const AUDIT_READERS = ['auditor', 'officer', 'admin'] as const;

@ApiTags('audit')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or bad token' })
@ApiResponse({ status: 403, description: 'Role may not read the decision trail' })
@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditTrailService) private readonly trail: AuditTrailService) {}

  @Get('verify')
  @Allow(AUDIT_READERS)
  @ApiOperation({
    summary:
      'Recompute the whole hash chain (streamed in seq batches), reproduce the root of every signed checkpoint (database and log file), compare the two series, and list alarms',
  })
  @ApiOkResponse({ type: ChainVerificationDto })
  verify() {
    return this.trail.verify();
  }

  @Get('events')
  @Allow(AUDIT_READERS)
  @ApiOperation({ summary: 'Events in seq order, filtered, keyset-paginated (afterSeq, limit ≤ 500)' })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiResponse({ status: 400, description: 'Invalid filter or limit' })
  events(@Query() query: AuditEventsQueryDto) {
    const { limit, ...filter } = query;
    return this.trail.page(filter, limit ?? 100);
  }

  @Get('export')
  @Allow(AUDIT_READERS)
  @ApiOperation({
    summary: 'Stream the trail as JSONL (one hashed record per line) or CSV, in seq order, without buffering',
  })
  @ApiOkResponse({
    description:
      'JSONL: each line is exactly the hashed object plus hash; CSV: JSON columns as text, formula-like cells prefixed with a quote',
    content: {
      'application/x-ndjson': { schema: { type: 'string', description: 'one audit event per line' } },
      'text/csv': { schema: { type: 'string', description: 'a header line, then one event per line' } },
    },
  })
  @ApiResponse({ status: 400, description: 'Invalid filter' })
  export(@Query() query: AuditExportQueryDto, @Res() reply: FastifyReply) {
    const { format = 'jsonl', ...filter } = query;
    const stream = Readable.from(this.trail.exportLines(filter, format));
    void reply
      .header(
        'content-type',
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      )
      .header('content-disposition', `attachment; filename="audit-export.${format}"`)
      .header('cache-control', 'no-store')
      .send(stream);
  }

  @Get('checkpoints/latest')
  @Allow(AUDIT_READERS)
  @ApiOperation({ summary: 'The latest signed Merkle checkpoint' })
  @ApiOkResponse({ type: SignedCheckpointDto })
  @ApiResponse({ status: 404, description: 'AUDIT.CHECKPOINT_NOT_FOUND: none signed yet' })
  latest() {
    return this.trail.latestCheckpoint();
  }

  /**
   * Declared `write: false` on purpose so that auditors (read-only everywhere) may ask for a checkpoint:
   * it creates no business state and records no decision, it only signs a commitment to the events that
   * already exist (the same thing the worker does on its timer).
   */
  @Post('checkpoints')
  @HttpCode(201)
  @Allow(['officer', 'auditor'], { write: false })
  @ApiOperation({
    summary: 'Sign a checkpoint over the whole trail now (returns the latest if it covers everything)',
  })
  @ApiResponse({ status: 201, type: SignedCheckpointDto })
  @ApiResponse({
    status: 409,
    description:
      'AUDIT.CHAIN_BROKEN: the chain does not verify from the previous signed checkpoint; AUDIT.CHECKPOINT_REFUSED: the checkpoint series disagrees with its copy outside the database, or the last verification failed',
  })
  createCheckpoint() {
    return this.trail.createCheckpoint();
  }

  @Get('public-key')
  @Allow(AUDIT_READERS)
  @ApiOperation({ summary: 'The Ed25519 public key that signs checkpoints (SPKI PEM)' })
  @ApiOkResponse({ type: AuditPublicKeyDto })
  publicKey() {
    return this.trail.publicKey();
  }

  @Get('events/:seq/inclusion-proof')
  @Allow(AUDIT_READERS)
  @ApiOperation({
    summary: 'RFC 9162 inclusion proof of one event (default treeSize: the latest checkpoint’s)',
  })
  @ApiOkResponse({ type: InclusionProofDto })
  @ApiResponse({ status: 404, description: 'AUDIT.EVENT_NOT_FOUND or AUDIT.CHECKPOINT_NOT_FOUND' })
  @ApiResponse({
    status: 409,
    description: 'AUDIT.TREE_SIZE_UNAVAILABLE (beyond the checkpointed tree) or AUDIT.SEQ_NOT_IN_TREE',
  })
  inclusionProof(@Param() params: SeqParamDto, @Query() query: InclusionProofQueryDto) {
    return this.trail.inclusionProof(params.seq, query.treeSize);
  }

  @Get('consistency-proof')
  @Allow(AUDIT_READERS)
  @ApiOperation({ summary: 'RFC 9162 consistency proof between the trees of sizes from and to' })
  @ApiOkResponse({ type: ConsistencyProofDto })
  @ApiResponse({ status: 400, description: 'from > to or not integers' })
  @ApiResponse({
    status: 409,
    description: 'AUDIT.TREE_SIZE_UNAVAILABLE: to is beyond the checkpointed tree',
  })
  consistencyProof(@Query() query: ConsistencyProofQueryDto) {
    return this.trail.consistencyProof(query.from, query.to);
  }
}
