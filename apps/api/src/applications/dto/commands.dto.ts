import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Equals,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  COFINANCING_STATUSES,
  ES_CATEGORIES,
  INSTRUMENTS,
  MAX_USD,
  MAX_VOTE_CONDITION_LENGTH,
  MAX_VOTE_CONDITIONS,
  PIPELINE_RISK_BANDS,
  STAGES,
} from '@forge/domain';
import { TrancheDto } from '../../monitoring/monitoring.dto.js';
import { CovenantDto } from '../../monitoring/project-monitoring.dto.js';
import { ApplicationInputDto } from './application-input.dto.js';

const TEXT_MAX = 10_000;

/** Optimistic concurrency: the version the caller read (the `If-Match` header is the alternative). */
export class VersionedDto {
  @ApiPropertyOptional({ example: 3, description: 'the version read; or send `If-Match: 3`' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class SubmitApplicationDto extends VersionedDto {}

export class WithdrawApplicationDto extends VersionedDto {
  @ApiProperty({ example: 'The sponsor found other financing', maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason!: string;
}

export class AssignApplicationDto extends VersionedDto {
  @ApiProperty({ format: 'uuid', description: 'a user with the officer role' })
  @IsUUID()
  assigneeId!: string;
}

export class TransitionDto extends VersionedDto {
  @ApiProperty({
    enum: STAGES,
    example: 'esg_review',
    description: '`rejected` to reject, `financing` from `committee` to defer, `financed` to close',
  })
  @IsIn(STAGES)
  to!: string;

  @ApiPropertyOptional({
    example: 'All screening checks passed',
    maxLength: TEXT_MAX,
    description: "the fund's reason (internal: the sponsor never reads it)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  reason?: string;

  @ApiPropertyOptional({
    example: 'Your application has moved to the ESG review; we will be in touch about the ESIA.',
    maxLength: TEXT_MAX,
    description:
      'a message addressed to the sponsor about this move, shown in its timeline (pipeline.md "What a sponsor sees": stage moves with the reasons addressed to it)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  noteToSponsor?: string;
}

export class OpenInformationRequestDto {
  @ApiProperty({ example: 'Please provide the signed offtake term sheet', maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  question!: string;
}

export class AnswerInformationRequestDto {
  @ApiProperty({ example: 'Attached; we also corrected the capex figure', maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  answer!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'documents of this application' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  documentIds?: string[];

  @ApiPropertyOptional({
    type: () => ApplicationInputDto,
    description: 'amended fields (a partial application input)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicationInputDto)
  amendments?: ApplicationInputDto;
}

export class ResolveCheckDto extends VersionedDto {
  @ApiProperty({ enum: ['pass', 'fail', 'waived'], example: 'pass' })
  @IsIn(['pass', 'fail', 'waived'])
  outcome!: 'pass' | 'fail' | 'waived';

  @ApiProperty({ example: 'Verified against the registry extract', maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  note!: string;
}

export class ScreeningDispositionDto extends VersionedDto {
  @ApiProperty({ example: 'Tomas Ibarra Wolff', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  partyName!: string;

  @ApiProperty({ enum: ['true_match', 'false_positive'], example: 'false_positive' })
  @IsIn(['true_match', 'false_positive'])
  disposition!: 'true_match' | 'false_positive';

  @ApiProperty({ example: 'Different date of birth and nationality', maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  note!: string;
}

export class CategoryDto extends VersionedDto {
  @ApiProperty({ enum: ES_CATEGORIES, example: 'A' })
  @IsIn(ES_CATEGORIES)
  category!: 'A' | 'B' | 'C' | 'FI';

  @ApiPropertyOptional({
    example: 'Indigenous Peoples present',
    maxLength: TEXT_MAX,
    description: 'required when the category differs from the proposed one',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  rationale?: string;
}

export const MITIGANT_TYPES = [
  'political_risk_insurance',
  'offtake',
  'commodity_hedge',
  'fixed_price_epc',
  'completion_guarantee',
  'first_loss',
  'partial_credit_guarantee',
  'independent_es_review',
  'water_solution',
  'gistm_conformance',
  'fpic_agreement',
  'verified_ownership_and_contracts',
  'usd_offtake_offshore_dsra',
] as const;

export const PRI_COVERS = [
  'transfer_convertibility',
  'expropriation',
  'war_civil_disturbance',
  'breach_of_contract',
];

export class MitigantDto {
  @ApiProperty({ enum: MITIGANT_TYPES, example: 'offtake' })
  @IsIn(MITIGANT_TYPES)
  type!: string;

  @ApiPropertyOptional({ example: 'MIGA', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  provider?: string;

  @ApiPropertyOptional({ example: 70, minimum: 0, maximum: 100, description: 'whole percent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  coveragePct?: number;

  @ApiPropertyOptional({ example: 20, minimum: 0, maximum: 100, description: 'whole percent (first_loss)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  pct?: number;

  @ApiPropertyOptional({ type: [String], enum: PRI_COVERS, example: ['expropriation'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(PRI_COVERS, { each: true })
  covers?: string[];

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  buyerInvestmentGrade?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  floorPrice?: boolean;
}

/** A co-financing line of the financing structure (portfolio.md "Co-financing and mobilisation"). */
export class CofinancingLineDto {
  @ApiProperty({
    format: 'uuid',
    description: 'A cofinancier organisation (POST /admin/organizations, kind cofinancier)',
  })
  @IsUUID('all')
  organizationId!: string;

  @ApiProperty({ enum: INSTRUMENTS, example: 'senior_loan' })
  @IsIn(INSTRUMENTS)
  instrument!: string;

  @ApiProperty({ example: 140000000, minimum: 1, maximum: MAX_USD, description: 'integer US dollars' })
  @IsInt()
  @Min(1)
  @Max(MAX_USD)
  amountUsd!: number;

  @ApiProperty({ enum: COFINANCING_STATUSES, example: 'indicated' })
  @IsIn(COFINANCING_STATUSES)
  status!: string;
}

export class FinancingDto extends VersionedDto {
  @ApiProperty({ enum: INSTRUMENTS, example: 'senior_loan' })
  @IsIn(INSTRUMENTS)
  instrument!: string;

  @ApiProperty({ example: 250000000, minimum: 1, maximum: MAX_USD, description: 'integer US dollars' })
  @IsInt()
  @Min(1)
  @Max(MAX_USD)
  amountUsd!: number;

  @ApiProperty({ example: 12, minimum: 1, maximum: 30 })
  @IsInt()
  @Min(1)
  @Max(30)
  tenorYears!: number;

  @ApiProperty({ type: () => [MitigantDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MitigantDto)
  mitigants!: MitigantDto[];

  @ApiProperty({ type: [String], example: ['Signed offtake agreement', 'Financial close of the equity'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(2000, { each: true })
  conditionsPrecedent!: string[];

  @ApiPropertyOptional({
    type: () => [CofinancingLineDto],
    maxItems: 50,
    description:
      'Co-financing lines (one per organisation and instrument), replacing the recorded ones; absent: the recorded lines stay. Read them at GET /applications/:id/cofinancing.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CofinancingLineDto)
  cofinancing?: CofinancingLineDto[];

  @ApiPropertyOptional({
    type: () => [TrancheDto],
    maxItems: 50,
    description:
      'monitoring.md: the tranches, summing to the FORGE amount; `conditionIds` name conditions precedent (a condition whose text is unchanged keeps its id) or ESAP items. Absent: the recorded tranches stay while they still fit; without any, one tranche T1 of the whole amount on every condition precedent. Also PUT /applications/:id/tranches.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TrancheDto)
  tranches?: TrancheDto[];

  @ApiPropertyOptional({
    type: () => [CovenantDto],
    maxItems: 30,
    description:
      'monitoring.md: the covenants each annual report is tested against, checked field by field (400 with the fields). Absent: the recorded ones stay (or the fund’s defaults). Also PUT /applications/:id/covenants.',
  })
  @IsOptional()
  @IsArray()
  covenants?: unknown[];
}

export class CommitteeVoteDto {
  @ApiPropertyOptional({ enum: ['approve', 'reject', 'abstain'], example: 'approve' })
  @ValidateIf((o: CommitteeVoteDto) => o.conflictOfInterest !== true)
  @IsIn(['approve', 'reject', 'abstain'])
  decision?: 'approve' | 'reject' | 'abstain';

  @ApiPropertyOptional({
    example: true,
    description: 'declare a conflict of interest (a recusal) instead of voting',
  })
  @IsOptional()
  @IsBoolean()
  @Equals(true)
  conflictOfInterest?: true;

  @ApiProperty({ example: 'Strong sponsor, mitigated water risk', maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  rationale!: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_VOTE_CONDITIONS,
    example: ['Hedge at least 50% of the lithium price exposure for the first three years'],
    description:
      'conditions proposed with an approving vote (only with decision approve); on approval they are added to the conditions precedent',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VOTE_CONDITIONS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_VOTE_CONDITION_LENGTH, { each: true })
  conditions?: string[];
}

export class SatisfyConditionDto {
  @ApiProperty({ example: 'Signed agreement received on 2026-05-02', maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  evidence!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  documentIds?: string[];
}

export class ApprovalDecisionDto {
  @ApiProperty({ example: 'Evidence reviewed', maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  note!: string;
}

export class RiskOverrideDto {
  @ApiProperty({ enum: PIPELINE_RISK_BANDS, example: 'substantial' })
  @IsIn(PIPELINE_RISK_BANDS)
  band!: string;

  @ApiProperty({ example: 'Sovereign support letter lowers transfer risk', maxLength: TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  rationale!: string;
}

export class ApprovalsQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'], default: 'pending' })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'])
  status?: 'pending' | 'approved' | 'rejected';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ListApplicationsQueryDto {
  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES)
  stage?: string;

  @ApiPropertyOptional({ example: 'AR' })
  @IsOptional()
  @IsString()
  @MaxLength(2)
  country?: string;

  @ApiPropertyOptional({ example: 'lithium' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  mineral?: string;

  @ApiPropertyOptional({ enum: ES_CATEGORIES })
  @IsOptional()
  @IsIn(ES_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ enum: PIPELINE_RISK_BANDS })
  @IsOptional()
  @IsIn(PIPELINE_RISK_BANDS)
  residualBand?: string;

  @ApiPropertyOptional({
    description: 'assignee user id, or `none` for the applications nobody is assigned to',
    pattern: '^(none|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$',
    example: 'none',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== 'none')
  @IsUUID()
  assignee?: string;

  @ApiPropertyOptional({
    description:
      "a case-insensitive substring of the title, the reference or the organisation's name (`%` and `_` are " +
      'literal, not wildcards)',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      '`true`: only applications with waiting work past its due time (`dueAt` at or before now); `false`: only the ' +
      'others (docs/notifications.md)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: ['newest', 'due'],
    default: 'newest',
    description:
      '`newest`: newest first. `due`: the work queue order: earliest `dueAt` first (overdue work leads, the longest ' +
      'overdue first), then applications without a due time; a cursor is valid only with the sort it came from',
  })
  @IsOptional()
  @IsIn(['newest', 'due'])
  sort?: 'newest' | 'due';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'opaque keyset cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
