import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AUDIT_ALARM_CODES } from '@forge/audit';

/** Largest `seq` / tree size accepted in a query (keeps every value a safe integer and a bigint). */
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

/** A query or path integer (a seq, a tree size, a page size), from `min` to `max`. */
function QueryInt(min: number, max = MAX_SEQ): PropertyDecorator {
  return applyDecorators(
    Type(() => Number),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/** Filters shared by the event list and the export. */
export class AuditEventFilterDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only events of this application' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional({
    example: '8a6e0804-2bd0-4672-b79d-d97027f9071a',
    description: 'Only events by this actor id (a user id, or "system")',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorId?: string;

  @ApiPropertyOptional({ example: 'application.stage_changed' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, { message: 'action must be a dotted lower-case name' })
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ example: '2025-01-01T00:00:00.000Z', description: 'occurredAt ≥ from (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00.000Z', description: 'occurredAt < to (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** A page of the trail: keyset cursor and size. */
export class AuditTrailQueryDto {
  @ApiPropertyOptional({ example: 99, description: 'Keyset cursor: events with seq > afterSeq' })
  @IsOptional()
  @QueryInt(-1)
  afterSeq?: number;

  @ApiPropertyOptional({ example: 100, minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @QueryInt(1, 500)
  limit?: number;
}

/** The event list: the filters and a page. */
export class AuditEventsQueryDto extends IntersectionType(AuditEventFilterDto, AuditTrailQueryDto) {}

export class AuditExportQueryDto extends AuditEventFilterDto {
  @ApiPropertyOptional({ enum: ['jsonl', 'csv'], default: 'jsonl' })
  @IsOptional()
  @IsIn(['jsonl', 'csv'])
  format?: 'jsonl' | 'csv';

  @ApiPropertyOptional({ example: 0, description: 'First seq (inclusive)' })
  @IsOptional()
  @QueryInt(0)
  fromSeq?: number;

  @ApiPropertyOptional({ example: 999, description: 'Last seq (inclusive)' })
  @IsOptional()
  @QueryInt(0)
  toSeq?: number;
}

export class SeqParamDto {
  @ApiProperty({ example: 42 })
  @QueryInt(0)
  seq!: number;
}

export class ApplicationIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class InclusionProofQueryDto {
  @ApiPropertyOptional({ example: 128, description: 'Tree size (default: the latest checkpoint’s)' })
  @IsOptional()
  @QueryInt(1)
  treeSize?: number;
}

export class ConsistencyProofQueryDto {
  @ApiProperty({ example: 64 })
  @QueryInt(0)
  from!: number;

  @ApiProperty({ example: 128 })
  @QueryInt(0)
  to!: number;
}

// ---- responses (OpenAPI) ----

/** Readers: those of the trail (officer, auditor, admin); hashed with the event. */
export class AuditActorDto {
  @ApiProperty({ example: '8a6e0804-2bd0-4672-b79d-d97027f9071a' }) id!: string;
  @ApiProperty({ example: 'officer', description: 'The role the action was taken in, as of the event' })
  role!: string;
  @ApiPropertyOptional({
    example: 'Ana Ruiz',
    description:
      'Display name as of the event, recorded at append time and hashed with it (a later rename does not change it). ' +
      'Absent on events recorded before names were kept, and for an id that names no account.',
  })
  name?: string;
}

export class AuditSubjectDto {
  @ApiProperty({ example: 'application' }) type!: string;
  @ApiProperty({ example: '3f1c0c4e-54a1-4c8e-9f0e-3a1b2c3d4e5f' }) id!: string;
}

/**
 * What every audit event says, sequenced or not (readers: those of the trail). Not a schema of its own: the two
 * event schemas below extend it with their chain fields.
 */
abstract class AuditEventContentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2025-03-01T09:15:00.000Z' }) occurredAt!: string;
  @ApiProperty({ type: AuditActorDto }) actor!: AuditActorDto;
  @ApiProperty({ example: 'application.stage_changed' }) action!: string;
  @ApiProperty({ type: AuditSubjectDto }) subject!: AuditSubjectDto;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) applicationId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'All screening checks passed' }) reason!:
    string | null;
  @ApiProperty({ nullable: true, description: 'JSON value', example: { stage: 'screening' } })
  before!: unknown;
  @ApiProperty({ nullable: true, description: 'JSON value', example: { stage: 'esg_review' } })
  after!: unknown;
  @ApiProperty({ nullable: true, description: 'JSON value', example: { requestId: 'b0c1…' } })
  context!: unknown;
}

export class AuditEventDto extends AuditEventContentDto {
  @ApiProperty({ example: 42 }) seq!: number;
  @ApiProperty({ example: 'a3f5…', description: '64 hex digits' }) prevHash!: string;
  @ApiProperty({ example: '9b2e…', description: '64 hex digits' }) hash!: string;
}

/**
 * An event of a trail page (readers: those of the trail). Sequenced events come in `seq` order; an event whose
 * command has committed but which the sequencer has not placed yet comes after them, `sequenced: false`, with
 * `seq`, `prevHash` and `hash` null and its `contentHash` (docs/audit.md, "Sequencing").
 */
export class AuditTrailEventDto extends AuditEventContentDto {
  @ApiProperty({
    example: 42,
    nullable: true,
    type: Number,
    description: 'Position in the chain; null while the event is pending (not yet sequenced)',
  })
  seq!: number | null;
  @ApiProperty({
    example: true,
    description:
      'False while the event is pending: committed with its change, not yet placed in the chain (seq, prevHash, hash null)',
  })
  sequenced!: boolean;
  @ApiProperty({
    example: 'a3f5…',
    nullable: true,
    type: String,
    description: '64 hex digits; null while pending',
  })
  prevHash!: string | null;
  @ApiProperty({
    example: '9b2e…',
    nullable: true,
    type: String,
    description: '64 hex digits; null while pending',
  })
  hash!: string | null;
  @ApiPropertyOptional({
    example: '5d41…',
    description:
      'Pending events only: SHA-256 (hex) of the event’s RFC 8785 content bytes (the hashed object without seq and prevHash)',
  })
  contentHash?: string;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditTrailEventDto] }) items!: AuditTrailEventDto[];
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Pass as afterSeq for the next page; null at the end (where pending events, if any, follow)',
  })
  nextCursor!: number | null;
}

export class AuditAlarmDto {
  @ApiProperty({ enum: AUDIT_ALARM_CODES, example: 'CHECKPOINT_SERIES_SHRANK' }) code!: string;
  @ApiProperty({
    example: "the database's latest checkpoint covers 0 events, the log file's covers 128",
  })
  message!: string;
}

export class CheckpointSeriesDto {
  @ApiProperty({ example: 12, description: 'Checkpoints in the database' }) count!: number;
  @ApiProperty({ nullable: true, type: Number, example: 1024 }) latestTreeSize!: number | null;
  @ApiProperty({
    example: 13,
    description: 'Distinct tree sizes (database and log file) whose root was recomputed from the events',
  })
  rootsChecked!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Smallest tree size whose signed root the stored events do not reproduce',
  })
  firstMismatchTreeSize!: number | null;
}

export class CheckpointLogDto {
  @ApiProperty({ description: 'Whether a checkpoint log file is configured (AUDIT_CHECKPOINT_LOG)' })
  configured!: boolean;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'Whether the file exists (null: not configured)',
  })
  exists!: boolean | null;
  @ApiProperty({ example: 13, description: 'Distinct checkpoints in the file' }) count!: number;
  @ApiProperty({ nullable: true, type: Number, example: 1024 }) latestTreeSize!: number | null;
  @ApiProperty({
    type: [Number],
    description: 'Tree sizes the file holds and the database lacks (deleted checkpoints)',
  })
  missingTreeSizes!: number[];
}

export class ChainVerificationDto {
  @ApiProperty({
    description: 'False when the chain or any signed checkpoint (database or log file) disagrees',
  })
  valid!: boolean;
  @ApiProperty({ example: 1234 }) length!: number;
  @ApiProperty({ nullable: true, type: String }) headHash!: string | null;
  @ApiProperty({ nullable: true, type: Number }) firstInvalidSeq!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'hash mismatch' }) reason!: string | null;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'Merkle root of the stored events equals the latest signed checkpoint',
  })
  checkpointRootMatched!: boolean | null;
  @ApiProperty({ nullable: true, type: Number }) checkpointTreeSize!: number | null;
  @ApiProperty({ type: CheckpointSeriesDto }) checkpoints!: CheckpointSeriesDto;
  @ApiProperty({ type: CheckpointLogDto }) checkpointLog!: CheckpointLogDto;
  @ApiProperty({
    type: [AuditAlarmDto],
    description:
      'Everything that needs an operator: integrity alarms (valid is false) and operational ones (last checkpoint refused, witness behind)',
  })
  alarms!: AuditAlarmDto[];
}

export class SignedCheckpointDto {
  @ApiProperty({ example: 1024 }) treeSize!: number;
  @ApiProperty({ example: 'e3b0c442…', description: '64 hex digits (RFC 9162 MTH)' }) rootHash!: string;
  @ApiProperty({ example: '2025-03-01T09:15:00.000Z' }) timestamp!: string;
  @ApiProperty({ description: 'Base64 Ed25519 signature over RFC 8785 of { treeSize, rootHash, timestamp }' })
  signature!: string;
}

export class AuditPublicKeyDto {
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty({ example: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----\n' })
  publicKeyPem!: string;
}

export class InclusionProofDto {
  @ApiProperty({ example: 42 }) seq!: number;
  @ApiProperty({ example: 1024 }) treeSize!: number;
  @ApiProperty({ description: 'SHA-256(0x00 ‖ event hash bytes), hex' }) leafHash!: string;
  @ApiProperty({ type: [String] }) auditPath!: string[];
  @ApiProperty() rootHash!: string;
}

export class ConsistencyProofDto {
  @ApiProperty({ example: 512 }) from!: number;
  @ApiProperty({ example: 1024 }) to!: number;
  @ApiProperty({ type: [String] }) proof!: string[];
}

export class ProofBundleEventDto {
  @ApiProperty({ type: AuditEventDto }) event!: AuditEventDto;
  @ApiProperty({ type: InclusionProofDto, nullable: true }) inclusionProof!: InclusionProofDto | null;
}

export class ProofBundleAssessmentDto {
  @ApiProperty({
    description: '{ id, inputsHash, modelVersion, paramsHash, applicationVersion, computedAt, result }',
  })
  assessment!: Record<string, unknown>;
  @ApiProperty({ description: 'The exact inputs the model read (canonicalHash(inputs) = inputsHash)' })
  inputs!: unknown;
}

export class ProofBundleDto {
  @ApiProperty({ example: 'forge.proof-bundle/1' }) format!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ type: SignedCheckpointDto }) checkpoint!: SignedCheckpointDto;
  @ApiProperty({ type: AuditPublicKeyDto }) publicKey!: AuditPublicKeyDto;
  @ApiProperty({ type: [ProofBundleEventDto] }) events!: ProofBundleEventDto[];
  @ApiProperty({ type: [ProofBundleAssessmentDto] }) riskAssessments!: ProofBundleAssessmentDto[];
}
