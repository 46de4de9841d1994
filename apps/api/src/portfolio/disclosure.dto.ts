import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import {
  ES_CATEGORIES,
  INSTRUMENTS,
  MAX_DISCLOSURE_TEXT,
  MAX_PUBLIC_DOCUMENTS,
  MINERALS,
  PUBLIC_STATUSES,
  VALUE_CHAIN_SEGMENTS,
} from '@forge/domain';
import { ApiDateTimeProperty, ApiUuidProperty } from '../common/openapi-properties.js';

/** `POST /applications/:id/disclosure` (portfolio.md "Disclosure before decision"). */
export class DisclosureRequestDto {
  @ApiProperty({
    example: 'A 25 ktpa battery-grade lithium carbonate plant by direct lithium extraction in Jujuy.',
    maxLength: MAX_DISCLOSURE_TEXT,
    description: 'The purpose of the investment, written for the public',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_DISCLOSURE_TEXT)
  summary!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_DISCLOSURE_TEXT,
    description: 'The E&S review summary: required for categories A, B and FI',
  })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsString()
  @MaxLength(MAX_DISCLOSURE_TEXT)
  esReviewSummary?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_PUBLIC_DOCUMENTS,
    description: 'Documents of the application the package makes public (anyone may download them)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PUBLIC_DOCUMENTS)
  @IsUUID('all', { each: true })
  publicDocumentIds?: string[];
}

export class PublicDocumentRefDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ example: 'esia' }) kind!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) sha256!: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty() size!: number;
}

export class DisclosureContentDto {
  @ApiProperty({ example: 'FORGE-2026-000001' }) reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The sponsor organisation' }) sponsorName!: string;
  @ApiProperty({ example: 'AR' }) country!: string;
  @ApiProperty() region!: string;
  @ApiProperty({ enum: MINERALS }) mineral!: string;
  @ApiProperty({ enum: VALUE_CHAIN_SEGMENTS }) valueChainSegment!: string;
  @ApiProperty({ description: 'integer US dollars' }) forgeAmountUsd!: number;
  @ApiProperty({ enum: INSTRUMENTS }) instrument!: string;
  @ApiProperty({ enum: ES_CATEGORIES, nullable: true, type: String }) category!: string | null;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, nullable: true }) esReviewSummary!: string | null;
  @ApiProperty({ type: [PublicDocumentRefDto] }) publicDocuments!: PublicDocumentRefDto[];
}

/** One version of an application's disclosure package. */
export class DisclosurePackageDto {
  @ApiUuidProperty() applicationId!: string;
  @ApiProperty({ example: 1, description: '1, 2, … (each amendment a new version; every version kept)' })
  version!: number;
  @ApiDateTimeProperty() disclosedAt!: string;
  @ApiUuidProperty({ description: 'The officer who published this version' }) disclosedBy!: string;
  @ApiProperty({ type: DisclosureContentDto }) content!: DisclosureContentDto;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the canonical JSON of content' })
  contentHash!: string;
}

export class DisclosureHistoryDto {
  @ApiUuidProperty() applicationId!: string;
  @ApiProperty({ type: DisclosurePackageDto, nullable: true }) latest!: DisclosurePackageDto | null;
  @ApiProperty({ type: [DisclosurePackageDto], description: 'Every version, oldest first' })
  versions!: DisclosurePackageDto[];
}

export class PublicDocumentDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ example: 'esia' }) kind!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) sha256!: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'Download link, no authentication' }) url!: string;
}

export class PublicDisclosureDto {
  @ApiProperty({ description: 'The latest version' }) version!: number;
  @ApiDateTimeProperty() disclosedAt!: string;
  @ApiDateTimeProperty({ description: 'When version 1 was disclosed' }) firstDisclosedAt!: string;
}

export class PublicDecisionDto {
  @ApiProperty({ enum: ['approved', 'rejected'] }) outcome!: 'approved' | 'rejected';
  @ApiDateTimeProperty() decidedAt!: string;
}

/** A project on the public register: exactly the fields of its latest package, its status and decision. */
export class PublicProjectDto {
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty() sponsorName!: string;
  @ApiProperty() country!: string;
  @ApiProperty() region!: string;
  @ApiProperty({ enum: MINERALS }) mineral!: string;
  @ApiProperty({ enum: VALUE_CHAIN_SEGMENTS }) valueChainSegment!: string;
  @ApiProperty() forgeAmountUsd!: number;
  @ApiProperty({ enum: INSTRUMENTS }) instrument!: string;
  @ApiProperty({ enum: ES_CATEGORIES, nullable: true, type: String }) category!: string | null;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, nullable: true }) esReviewSummary!: string | null;
  @ApiProperty({ type: [PublicDocumentDto] }) documents!: PublicDocumentDto[];
  @ApiProperty({ type: PublicDisclosureDto }) disclosure!: PublicDisclosureDto;
  @ApiProperty({ enum: PUBLIC_STATUSES }) status!: string;
  @ApiProperty({ type: PublicDecisionDto, nullable: true }) decision!: PublicDecisionDto | null;
}

export class PublicProjectListDto {
  @ApiProperty({ type: [PublicProjectDto] }) items!: PublicProjectDto[];
}
