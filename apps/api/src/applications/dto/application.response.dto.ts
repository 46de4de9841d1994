import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPROVAL_ACTIONS,
  CHECK_CODES,
  CHECK_OUTCOMES,
  DOCUMENT_KINDS,
  ES_CATEGORIES,
  INSTRUMENTS,
  PIPELINE_RISK_BANDS,
  STAGES,
} from '@forge/domain';
import {
  ApiDateTimeProperty,
  ApiJsonObjectProperty,
  ApiUuidProperty,
} from '../../common/openapi-properties.js';
import { CovenantDto } from '../../monitoring/project-monitoring.dto.js';
import { RiskAssessmentDto } from '../../risk/risk.dto.js';
import { ApplicationInputDto } from './application-input.dto.js';
import { CofinancingLineDto, MitigantDto } from './commands.dto.js';

/**
 * Responses of the application routes (api.md "Shapes in the application view"), as the presenters in
 * `application.presenter.ts` build them. The e2e suite validates every response against these schemas.
 */

export const CHECK_CODE_VALUES = Object.values(CHECK_CODES);

export class CheckResponseDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ enum: CHECK_CODE_VALUES, enumName: 'CheckCode', example: 'ESG.ESIA' }) code!: string;
  @ApiProperty({ enum: STAGES, enumName: 'Stage', example: 'esg_review' }) stage!: string;
  @ApiProperty({ enum: CHECK_OUTCOMES, enumName: 'CheckOutcome', example: 'needs_review' }) outcome!: string;
  @ApiProperty({ description: 'computed by the engine (true) or recorded by an officer' })
  automated!: boolean;
  @ApiJsonObjectProperty({ nullable: true, description: 'what the rule saw (checks.md)' })
  detail!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiUuidProperty({ nullable: true, description: 'the officer who resolved it' }) resolvedBy!: string | null;
}

export class ScreeningPartyResponseDto {
  @ApiProperty({ example: 'Tomas Ibarra Wolff' }) name!: string;
  @ApiProperty({
    type: [String],
    description: 'owner names from the applicant down to this party',
    example: ['Altiplano Resources Holdings S.A.', 'Tomas Ibarra Wolff'],
  })
  path!: string[];
  @ApiProperty({ description: 'effective ownership of the applicant, percent (two decimals)', example: 40 })
  effectivePct!: number;
  @ApiProperty({
    enum: ['clear', 'potential_match', 'match', 'blocked_by_ownership'],
    enumName: 'ScreeningPartyResult',
  })
  result!: string;
  @ApiProperty({ type: String, nullable: true, example: 'IBARRA WOLFF, Tomas' }) matchedName!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Jaro-Winkler similarity 0–1', example: 0.93 })
  similarity!: number | null;
  @ApiProperty({
    enum: ['true_match', 'false_positive'],
    enumName: 'ScreeningDisposition',
    nullable: true,
    description: 'the recorded disposition (a false positive once approved)',
  })
  disposition!: string | null;
  @ApiPropertyOptional({
    enum: ['person', 'entity', 'organization'],
    description: '`organization`: the applicant',
  })
  type?: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'the matched list entry (ent_num)' })
  matchedEntNum?: number | null;
  @ApiPropertyOptional({
    enum: ['exact', 'similar', 'non_latin_script', 'unscreenable'],
    nullable: true,
    description: 'why the party is a hit',
  })
  reason?: string | null;
  @ApiPropertyOptional({
    description: 'sum of the stakes held directly in this party by blocked parties (OFAC 50% rule), percent',
    example: 0,
  })
  blockedStakePct?: number;
}

export class ScreeningDispositionRecordResponseDto {
  @ApiProperty() partyName!: string;
  @ApiProperty({ enum: ['true_match', 'false_positive'], enumName: 'ScreeningDisposition' })
  disposition!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiUuidProperty() decidedBy!: string;
  @ApiDateTimeProperty() decidedAt!: string;
}

export class ScreeningResponseDto {
  @ApiProperty({ enum: ['clear', 'review', 'blocked'], enumName: 'ScreeningResult' }) result!: string;
  @ApiProperty({
    description:
      "OFAC 50% rule (checks.md): the sum of the applicant's direct stakes held by blocked parties (listed, or 50%-or-more owned by blocked parties), percent with two decimals; 50 or more blocks",
    example: 50,
  })
  blockedOwnershipPct!: number;
  @ApiProperty({
    description:
      'the multiplied (look-through) share of the applicant held by listed parties, percent, truncated to two decimals; for information, it decides nothing',
    example: 25,
  })
  lookThroughPct!: number;
  @ApiProperty({ description: 'SHA-256 of the sanctions list screened against' }) listSha256!: string;
  @ApiProperty({ type: [ScreeningPartyResponseDto] }) parties!: ScreeningPartyResponseDto[];
  @ApiProperty({ type: [ScreeningDispositionRecordResponseDto] })
  dispositions!: ScreeningDispositionRecordResponseDto[];
}

/** The latest risk assessment in the application view: the record of scoring.md plus `current`. */
export class LatestRiskAssessmentResponseDto extends RiskAssessmentDto {}

export class FinancingTrancheDto {
  @ApiProperty({ example: 'T1' }) id!: string;
  @ApiProperty({ description: 'integer US dollars' }) amountUsd!: number;
  @ApiProperty({ type: [String], description: 'condition precedent or ESAP item ids' })
  conditionIds!: string[];
}

export class FinancingResponseDto {
  @ApiProperty({ enum: INSTRUMENTS, example: 'senior_loan' }) instrument!: string;
  @ApiProperty({ description: 'integer US dollars', example: 250000000 }) amountUsd!: number;
  @ApiProperty({ example: 12 }) tenorYears!: number;
  @ApiProperty({ type: [MitigantDto] }) mitigants!: MitigantDto[];
  @ApiProperty({ type: [String], example: ['Signed offtake agreement'] }) conditionsPrecedent!: string[];
  @ApiPropertyOptional({
    type: [FinancingTrancheDto],
    description:
      'monitoring.md: the tranches, summing to the FORGE amount (absent: one tranche on the conditions precedent)',
  })
  tranches?: FinancingTrancheDto[];
  @ApiPropertyOptional({
    type: [CovenantDto],
    description:
      'monitoring.md: the covenants each annual report is tested against (absent: the fund’s defaults)',
  })
  covenants?: CovenantDto[];
}

/** The financing structure as the staff view shows it: with its co-financing lines (portfolio.md). */
export class ApplicationFinancingResponseDto extends FinancingResponseDto {
  @ApiProperty({
    type: [CofinancingLineDto],
    description:
      'portfolio.md "Co-financing and mobilisation": every line, by organisation and instrument (staff only; a ' +
      "partner reads its own organisation's lines at GET /applications/{id}/cofinancing)",
  })
  cofinancing!: CofinancingLineDto[];
}

export class InformationRequestResponseDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ enum: STAGES, enumName: 'Stage', description: 'the stage it was opened in' }) stage!: string;
  @ApiProperty({ enum: ['open', 'answered'], enumName: 'InformationRequestStatus' }) status!: string;
  @ApiProperty() question!: string;
  @ApiUuidProperty() askedBy!: string;
  @ApiDateTimeProperty() askedAt!: string;
  @ApiProperty({ type: String, nullable: true }) answer!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) documentIds!: string[];
  @ApiJsonObjectProperty({ nullable: true, description: 'the amended input fields, if any' })
  amendments!: Record<string, unknown> | null;
  @ApiUuidProperty({ nullable: true }) answeredBy!: string | null;
  @ApiDateTimeProperty({ nullable: true }) answeredAt!: string | null;
}

/** `POST /applications/:id/information-requests` → 201. */
export class OpenedInformationRequestResponseDto {
  @ApiUuidProperty() id!: string;
  @ApiUuidProperty() applicationId!: string;
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) stage!: string;
  @ApiProperty({ enum: ['open'], enumName: 'InformationRequestStatus' }) status!: 'open';
  @ApiProperty() question!: string;
  @ApiUuidProperty() askedBy!: string;
  @ApiDateTimeProperty() askedAt!: string;
  @ApiProperty({ description: 'the application version after the request was opened', example: 5 })
  applicationVersion!: number;
}

export class PendingApprovalResponseDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ enum: APPROVAL_ACTIONS, enumName: 'ApprovalAction' }) action!: string;
  @ApiProperty({ description: 'what it is about: a check code, a party name, an assessment or condition id' })
  subject!: string;
  @ApiUuidProperty() makerId!: string;
  @ApiDateTimeProperty() createdAt!: string;
}

/**
 * One member's entry in the committee round. Blind until close (pipeline.md): while the round is open, others'
 * entries carry only `status`; the reader's own entry, and every entry after close, carry the vote. Sponsors never
 * read committee entries.
 */
export class CommitteeVoteResponseDto {
  @ApiUuidProperty() userId!: string;
  @ApiProperty({ enum: ['voted', 'recused'], enumName: 'CommitteeVoteStatus' }) status!: 'voted' | 'recused';
  @ApiPropertyOptional({
    enum: ['approve', 'reject', 'abstain'],
    enumName: 'CommitteeDecisionVote',
    nullable: true,
    description: "null for a recusal (conflict of interest); absent while the round is open (others' votes)",
  })
  decision?: string | null;
  @ApiPropertyOptional({ description: "absent while the round is open (others' votes)" }) rationale?: string;
  @ApiPropertyOptional() conflictOfInterest?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'conditions proposed with an approving vote' })
  conditions?: string[];
  @ApiDateTimeProperty() castAt!: string;
}

export class CommitteeResponseDto {
  @ApiProperty({ description: 'the latest committee round (0 before the first)', example: 1 }) round!: number;
  @ApiProperty({ enum: ['open', 'closed'], enumName: 'CommitteeRoundStatus', nullable: true, type: String })
  status!: 'open' | 'closed' | null;
  @ApiDateTimeProperty({ nullable: true }) openedAt!: string | null;
  @ApiDateTimeProperty({
    nullable: true,
    description: 'the round closes at this time if not every member voted',
  })
  deadline!: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'members listed when the round opened' })
  eligibleMemberIds!: string[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'eligible members who have not voted or recused',
  })
  awaiting!: string[];
  @ApiProperty({
    type: [CommitteeVoteResponseDto],
    description: 'entries of the latest round (blind until close)',
  })
  votes!: CommitteeVoteResponseDto[];
  @ApiProperty({
    enum: ['approved', 'rejected', 'lapsed'],
    enumName: 'CommitteeRoundOutcome',
    nullable: true,
    type: String,
  })
  outcome!: string | null;
  @ApiDateTimeProperty({ nullable: true }) closedAt!: string | null;
  @ApiProperty({
    enum: ['all_voted', 'deadline', 'deferred', 'rejected', 'withdrawn'],
    enumName: 'CommitteeRoundCloseReason',
    nullable: true,
    type: String,
  })
  closeReason!: string | null;
  @ApiProperty({ description: 'non-abstaining votes that decide (COMMITTEE_QUORUM)', example: 3 })
  quorum!: number;
  @ApiProperty({ enum: ['approved', 'rejected'], nullable: true, enumName: 'CommitteeDecision' })
  decision!: string | null;
  @ApiUuidProperty({ nullable: true }) movedToCommitteeBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the IC pack' }) icPackHash!:
    string | null;
  @ApiUuidProperty({ nullable: true, description: 'the assessment the IC pack was built on' })
  icAssessmentId!: string | null;
}

export class IcPackApplicationDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ example: 'FORGE-2026-000042' }) reference!: string;
  @ApiUuidProperty() organizationId!: string;
  @ApiProperty({ description: 'the application version put to the committee', example: 12 }) version!: number;
}

export class IcPackDocumentDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' }) kind!: string;
  @ApiProperty({ description: 'SHA-256 of the file as members read it' }) sha256!: string;
  @ApiProperty({ type: String, nullable: true }) filename!: string | null;
  @ApiProperty({ description: 'bytes' }) size!: number;
}

export class IcPackConditionDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty() text!: string;
}

/**
 * The frozen IC pack (forge.ic-pack/2, pipeline.md "Investment committee"), the body of
 * GET /applications/:id/committee/pack: officers, committee members, auditors, admins (never sponsors).
 */
export class IcPackDto {
  @ApiProperty({ example: 'forge.ic-pack/2' }) schema!: string;
  @ApiProperty({ type: IcPackApplicationDto }) application!: IcPackApplicationDto;
  @ApiProperty({ type: ApplicationInputDto, description: 'the application input as put to the committee' })
  input!: ApplicationInputDto;
  @ApiProperty({ enum: ES_CATEGORIES, enumName: 'EsCategory' }) category!: string;
  @ApiProperty({ type: FinancingResponseDto }) financing!: FinancingResponseDto;
  @ApiUuidProperty({ description: 'the risk assessment put to the committee' }) assessmentId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "that assessment's record (scoring.md) with its approved band override, if any",
  })
  assessment!: Record<string, unknown> | null;
  @ApiProperty({ type: [IcPackDocumentDto], description: 'documents attached when the pack was frozen' })
  documents!: IcPackDocumentDto[];
  @ApiProperty({ type: [CheckResponseDto] }) checks!: CheckResponseDto[];
  @ApiProperty({ type: ScreeningResponseDto, nullable: true }) screening!: ScreeningResponseDto | null;
  @ApiProperty({ type: [IcPackConditionDto] }) conditionsPrecedent!: IcPackConditionDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'SHA-256 of each reference-data snapshot in force (countries, minerals, sanctions list)',
  })
  referenceSnapshots!: Record<string, string>;
}

export class ConditionEvidenceResponseDto {
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) documentIds!: string[];
}

export class ConditionPrecedentResponseDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() satisfied!: boolean;
  @ApiProperty({ type: ConditionEvidenceResponseDto, nullable: true })
  evidence!: ConditionEvidenceResponseDto | null;
  @ApiDateTimeProperty({ nullable: true }) satisfiedAt!: string | null;
}

export class DocumentResponseDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ description: 'SHA-256 of the content, hex', example: '9f86d081…' }) sha256!: string;
  @ApiProperty({ description: 'bytes', example: 52311 }) size!: number;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' }) kind!: string;
  @ApiProperty({ type: String, nullable: true, example: 'esia.pdf' }) filename!: string | null;
  @ApiUuidProperty() uploadedBy!: string;
  @ApiDateTimeProperty() createdAt!: string;
}

/** The application view of api.md: the input fields as stored (a draft is partial) and the pipeline state. */
export class ApplicationViewResponseDto extends ApplicationInputDto {
  @ApiProperty({ enum: ['staff'], description: 'which view this is (a sponsor is served the sponsor view)' })
  audience!: 'staff';
  @ApiUuidProperty() id!: string;
  @ApiProperty({ example: 'FORGE-2026-000042' }) reference!: string;
  @ApiUuidProperty() organizationId!: string;
  @ApiProperty({ enum: STAGES, enumName: 'Stage', example: 'draft' }) stage!: string;
  @ApiProperty({ example: 1, description: 'optimistic-concurrency version (expectedVersion / If-Match)' })
  version!: number;
  @ApiUuidProperty({ nullable: true }) assigneeId!: string | null;
  @ApiProperty({ enum: ES_CATEGORIES, enumName: 'EsCategory', nullable: true, description: 'by screening' })
  proposedCategory!: string | null;
  @ApiProperty({ enum: ES_CATEGORIES, enumName: 'EsCategory', nullable: true, description: 'confirmed' })
  category!: string | null;
  @ApiProperty({ type: String, nullable: true }) categoryRationale!: string | null;
  @ApiProperty({ type: [CheckResponseDto] }) checks!: CheckResponseDto[];
  @ApiProperty({ type: ScreeningResponseDto, nullable: true, description: 'null before screening' })
  screening!: ScreeningResponseDto | null;
  @ApiProperty({ type: LatestRiskAssessmentResponseDto, nullable: true })
  latestRiskAssessment!: LatestRiskAssessmentResponseDto | null;
  @ApiPropertyOptional({
    type: LatestRiskAssessmentResponseDto,
    nullable: true,
    description:
      'GET only, staff (as latestRiskAssessment): the assessment the committee approved on (committee.icAssessmentId), beside latestRiskAssessment, risk now (after close: from the latest annual report); both replayable at /risk-assessments/{id}/replay',
  })
  riskAtApproval?: LatestRiskAssessmentResponseDto | null;
  @ApiProperty({
    type: ApplicationFinancingResponseDto,
    nullable: true,
    description: 'recorded in stage financing, with its co-financing lines',
  })
  financing!: ApplicationFinancingResponseDto | null;
  @ApiProperty({ type: [InformationRequestResponseDto] })
  informationRequests!: InformationRequestResponseDto[];
  @ApiProperty({ type: [PendingApprovalResponseDto] }) pendingApprovals!: PendingApprovalResponseDto[];
  @ApiProperty({ type: CommitteeResponseDto }) committee!: CommitteeResponseDto;
  @ApiProperty({ type: [ConditionPrecedentResponseDto] })
  conditionsPrecedent!: ConditionPrecedentResponseDto[];
  @ApiProperty({ type: [DocumentResponseDto] }) documents!: DocumentResponseDto[];
  @ApiDateTimeProperty({ nullable: true }) submittedAt!: string | null;
  @ApiDateTimeProperty() createdAt!: string;
  @ApiDateTimeProperty() updatedAt!: string;
}

export class ApplicationSummaryResponseDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ example: 'FORGE-2026-000042' }) reference!: string;
  @ApiUuidProperty() organizationId!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'AR' }) country!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'lithium' }) mineral!: string | null;
  @ApiProperty({ enum: STAGES, enumName: 'Stage' }) stage!: string;
  @ApiProperty() version!: number;
  @ApiUuidProperty({ nullable: true }) assigneeId!: string | null;
  @ApiProperty({ enum: ES_CATEGORIES, enumName: 'EsCategory', nullable: true }) proposedCategory!:
    string | null;
  @ApiProperty({ enum: ES_CATEGORIES, enumName: 'EsCategory', nullable: true }) category!: string | null;
  @ApiProperty({
    enum: PIPELINE_RISK_BANDS,
    enumName: 'RiskBand',
    nullable: true,
    description: 'of the latest assessment (an approved override wins)',
  })
  residualBand!: string | null;
  @ApiDateTimeProperty({
    nullable: true,
    description:
      'the earliest due time of its waiting work (stage budget, committee round, information requests, ' +
      'maker-checker items, disbursement requests, ESAP items, annual reports); null when none has one',
  })
  dueAt!: string | null;
  @ApiProperty({ description: '`dueAt` is at or before now' }) overdue!: boolean;
  @ApiDateTimeProperty() createdAt!: string;
  @ApiDateTimeProperty() updatedAt!: string;
}

export class ApplicationListResponseDto {
  @ApiProperty({ enum: ['staff'], description: 'which list this is (a sponsor is served the sponsor list)' })
  audience!: 'staff';
  @ApiProperty({ type: [ApplicationSummaryResponseDto] }) items!: ApplicationSummaryResponseDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as `cursor` for the next page; null at the end',
  })
  nextCursor!: string | null;
}

/** `POST /applications/:id/documents` → 201. */
export class UploadedDocumentResponseDto {
  @ApiUuidProperty() id!: string;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256!: string;
  @ApiProperty({ description: 'bytes' }) size!: number;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' }) kind!: string;
}
