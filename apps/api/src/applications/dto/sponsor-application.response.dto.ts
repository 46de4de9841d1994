import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_KINDS, ES_CATEGORIES, STAGES } from '@forge/domain';
import {
  ApiDateTimeProperty,
  ApiJsonObjectProperty,
  ApiUuidProperty,
} from '../../common/openapi-properties.js';
import { ApplicationInputDto } from './application-input.dto.js';

/**
 * The sponsor view (pipeline.md "What a sponsor sees"): its own response schema, built by
 * `sponsor-view.presenter.ts` from a whitelist, never the staff view with fields blanked. Readers: the
 * sponsor users of the application's organisation (nobody else is served it). What it leaves out on purpose
 * (screening, checks, risk, votes, maker-checker items, the audit trail, officers' identities except the
 * named contact) is listed in `SPONSOR_FORBIDDEN_KEYS` (libs/domain) and docs/pipeline.md.
 */

export class SponsorInformationRequestResponseDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ enum: STAGES, enumName: 'Stage', description: 'the stage it was asked in' }) stage!: string;
  @ApiProperty({ enum: ['open', 'answered'], enumName: 'InformationRequestStatus' }) status!: string;
  @ApiProperty({ description: "the fund's question" }) question!: string;
  @ApiDateTimeProperty() askedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'its answer' }) answer!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) documentIds!: string[];
  @ApiJsonObjectProperty({ nullable: true, description: 'the input fields its answer amended' })
  amendments!: Record<string, unknown> | null;
  @ApiDateTimeProperty({ nullable: true }) answeredAt!: string | null;
}

export class SponsorDocumentResponseDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256!: string;
  @ApiProperty({ description: 'bytes' }) size!: number;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) filename!: string | null;
  @ApiDateTimeProperty() createdAt!: string;
}

export class SponsorConditionResponseDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ description: 'what the sponsor must satisfy before financial close' }) text!: string;
  @ApiProperty() satisfied!: boolean;
  @ApiDateTimeProperty({ nullable: true }) satisfiedAt!: string | null;
}

export class SponsorTimelineEntryResponseDto {
  @ApiDateTimeProperty() at!: string;
  @ApiProperty({
    enum: [
      'created',
      'updated',
      'submitted',
      'stage_changed',
      'information_requested',
      'information_provided',
      'document_added',
      'committee_decision',
      'rejected',
      'withdrawn',
    ],
    enumName: 'SponsorTimelineKind',
  })
  kind!: string;
  @ApiProperty({ enum: STAGES, enumName: 'Stage', nullable: true, description: 'the stage after the event' })
  stage!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'only a text addressed to the sponsor: its own reason, or a note to the sponsor',
  })
  message!: string | null;
  @ApiProperty({
    enum: ['approved', 'rejected'],
    enumName: 'CommitteeDecision',
    required: false,
    description: 'committee_decision only',
  })
  decision?: string;
}

export class ContactOfficerResponseDto {
  @ApiProperty({ example: 'Ana Souza' }) displayName!: string;
  @ApiProperty({ example: 'ana.souza@forge.example' }) email!: string;
}

export class SponsorApplicationViewResponseDto extends ApplicationInputDto {
  @ApiProperty({ enum: ['sponsor'], description: 'which view this is (the staff view says `staff`)' })
  audience!: 'sponsor';
  @ApiUuidProperty() id!: string;
  @ApiProperty({ example: 'FORGE-2026-000042' }) reference!: string;
  @ApiUuidProperty() organizationId!: string;
  @ApiProperty({ enum: STAGES, enumName: 'Stage', example: 'draft' }) stage!: string;
  @ApiProperty({ example: 1, description: 'optimistic-concurrency version (expectedVersion / If-Match)' })
  version!: number;
  @ApiProperty({
    enum: ES_CATEGORIES,
    enumName: 'EsCategory',
    nullable: true,
    description: 'the E&S category once an officer confirmed it (never the proposal or its rationale)',
  })
  category!: string | null;
  @ApiProperty({ type: ContactOfficerResponseDto, nullable: true, description: 'the assigned officer' })
  contactOfficer!: ContactOfficerResponseDto | null;
  @ApiProperty({ type: [SponsorInformationRequestResponseDto] })
  informationRequests!: SponsorInformationRequestResponseDto[];
  @ApiProperty({ type: [SponsorDocumentResponseDto], description: 'documents its organisation uploaded' })
  documents!: SponsorDocumentResponseDto[];
  @ApiProperty({
    enum: ['approved', 'rejected'],
    enumName: 'CommitteeDecision',
    nullable: true,
    description: "the committee's decision (never votes or rationales)",
  })
  committeeDecision!: string | null;
  @ApiProperty({ type: [SponsorConditionResponseDto] }) conditionsPrecedent!: SponsorConditionResponseDto[];
  @ApiProperty({ type: [SponsorTimelineEntryResponseDto], description: 'oldest first' })
  timeline!: SponsorTimelineEntryResponseDto[];
  @ApiDateTimeProperty({ nullable: true }) submittedAt!: string | null;
  @ApiDateTimeProperty() createdAt!: string;
  @ApiDateTimeProperty() updatedAt!: string;
}

export class SponsorApplicationSummaryResponseDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ example: 'FORGE-2026-000042' }) reference!: string;
  @ApiUuidProperty({ description: "the sponsor's own organisation" }) organizationId!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'AR' }) country!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'lithium' }) mineral!: string | null;
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) stage!: string;
  @ApiProperty() version!: number;
  @ApiDateTimeProperty() createdAt!: string;
  @ApiDateTimeProperty() updatedAt!: string;
}

export class SponsorApplicationListResponseDto {
  @ApiProperty({ enum: ['sponsor'], description: 'which list this is (the staff list says `staff`)' })
  audience!: 'sponsor';
  @ApiProperty({ type: [SponsorApplicationSummaryResponseDto] })
  items!: SponsorApplicationSummaryResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page' })
  nextCursor!: string | null;
}
