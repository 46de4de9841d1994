import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import {
  COVENANT_KINDS,
  ESAP_STATUSES,
  INCIDENT_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_UPDATE_KINDS,
  PERFORMANCE_STANDARDS,
  WATCHLIST_REASON_KINDS,
} from '@forge/domain';
import { ApiJsonObjectProperty } from '../common/openapi-properties.js';

class VersionedDto {
  @ApiPropertyOptional({
    description: 'The application version read; 409 APPLICATION.VERSION_CONFLICT otherwise',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

// ESAP items.

export class CreateEsapItemDto extends VersionedDto {
  @ApiProperty({ example: 'Install tailings seepage monitoring wells (PS3)', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  description!: string;

  @ApiProperty({ enum: PERFORMANCE_STANDARDS, example: 'PS3' })
  @IsIn(PERFORMANCE_STANDARDS)
  standard!: string;

  @ApiProperty({ format: 'date', example: '2027-06-30', description: 'Not before today (UTC)' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;
}

export class UpdateEsapItemDto extends VersionedDto {
  @ApiPropertyOptional({ enum: ['open', 'in_progress', 'done'], description: '`done` needs evidence' })
  @IsOptional()
  @IsIn(['open', 'in_progress', 'done'])
  status?: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    description: 'Document ids of this application, added to the evidence already attached',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  evidenceDocumentIds?: string[];

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ReviewEsapItemDto extends VersionedDto {
  @ApiProperty({ enum: ['verify', 'return'] }) @IsIn(['verify', 'return']) decision!: string;
  @ApiProperty({ maxLength: 2000, example: 'Wells installed; first quarterly readings on file' })
  @IsString()
  @MaxLength(2000)
  note!: string;
}

export class EsapItemResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: PERFORMANCE_STANDARDS }) standard!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'When it falls overdue: the start of the day after the due date (UTC)',
  })
  dueAt!: string;
  @ApiProperty({ description: 'Past its due date and not verified' }) overdue!: boolean;
  @ApiProperty({ enum: ESAP_STATUSES }) status!: string;
  @ApiProperty({ type: String, isArray: true, format: 'uuid' }) evidenceDocumentIds!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) verifiedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The last note (update, verification or return)',
  })
  note!: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only' }) createdBy?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Staff only' })
  verifiedBy?: string | null;
}

// Covenants.

export class CovenantDto {
  @ApiProperty({ example: 'DSCR_MIN', pattern: '^[A-Z][A-Z0-9_]{1,39}$' }) code!: string;
  @ApiProperty({ enum: COVENANT_KINDS }) kind!: string;
  @ApiJsonObjectProperty({
    description:
      '{ type, <parameter> }: min_dscr {min (hundredths)}, max_fatalities {max}, max_ltifr {max (hundredths)}, max_water_withdrawal_m3 {max}, max_ghg_scope12_tonnes {max}, min_grievance_resolution_pct / min_local_employment_pct / min_local_procurement_pct {minPct}, amr_on_time {graceDays}',
    example: { type: 'min_dscr', min: 120 },
  })
  rule!: Record<string, unknown>;
}

export class SetCovenantsDto extends VersionedDto {
  @ApiProperty({
    type: CovenantDto,
    isArray: true,
    description: 'At most 30; checked by the domain field by field',
  })
  @IsArray()
  covenants!: unknown[];
}

export class CovenantsViewDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({
    enum: ['financing', 'default'],
    description: 'Recorded on the financing structure, or the fund’s defaults',
  })
  source!: string;
  @ApiProperty({ type: CovenantDto, isArray: true }) covenants!: CovenantDto[];
}

export class CovenantResultDto {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: COVENANT_KINDS }) kind!: string;
  @ApiProperty() type!: string;
  @ApiProperty() met!: boolean;
  @ApiProperty({
    description: 'The figure tested (hundredths for ratios and percentages; days late for amr_on_time)',
  })
  actual!: number;
  @ApiProperty({ description: 'The threshold, in the same unit' }) threshold!: number;
  @ApiProperty() message!: string;
}

// Annual monitoring reports.

export class AmrFiguresDto {
  @ApiProperty({ example: 2027, minimum: 2000, maximum: 2100 }) year!: number;
  @ApiProperty({ example: 105, description: 'Actual DSCR, integer hundredths (1.05x = 105), 0–1000' })
  dscrActual!: number;
  @ApiProperty({ example: 0, minimum: 0 }) fatalities!: number;
  @ApiProperty({ example: 45, description: 'Integer hundredths' }) lostTimeInjuryFrequency!: number;
  @ApiProperty({ example: 1_200_000, minimum: 0 }) waterWithdrawalM3!: number;
  @ApiProperty({ example: 80_000, minimum: 0 }) ghgScope12Tonnes!: number;
  @ApiProperty({ example: 12, minimum: 0 }) grievancesReceived!: number;
  @ApiProperty({ example: 11, minimum: 0 }) grievancesResolved!: number;
  @ApiProperty({ example: 72.5, description: 'Percent, up to two decimals' }) localEmploymentPct!: number;
  @ApiProperty({ example: 31, description: 'Percent, up to two decimals' }) localProcurementPct!: number;
}

export class SubmitAmrDto extends VersionedDto {
  @ApiProperty({ format: 'uuid', description: 'The report, a document uploaded to this application' })
  @IsString()
  documentId!: string;

  @ApiProperty({ type: AmrFiguresDto, description: 'Every figure; checked by the domain field by field' })
  @IsDefined()
  @IsObject()
  figures!: Record<string, unknown>;
}

export class MonitoringReportResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: AmrFiguresDto }) figures!: AmrFiguresDto;
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: CovenantResultDto, isArray: true }) covenantResults!: CovenantResultDto[];
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only' }) submittedBy?: string;
}

export class WatchlistReasonDto {
  @ApiProperty({ example: 'covenant_breach:2027:DSCR_MIN#1' }) id!: string;
  @ApiProperty({ enum: WATCHLIST_REASON_KINDS }) kind!: string;
  @ApiProperty({ description: '<year>:<covenant code>, the incident id, or the party path' }) ref!: string;
  @ApiProperty() detail!: string;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) clearedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) clearedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) clearNote!: string | null;
}

export class AmrFiledDto {
  @ApiProperty({ type: MonitoringReportResponseDto }) report!: MonitoringReportResponseDto;
  @ApiProperty({ type: CovenantResultDto, isArray: true }) breaches!: CovenantResultDto[];
  @ApiPropertyOptional({
    type: WatchlistReasonDto,
    isArray: true,
    description: 'Staff only: the watchlist reasons the breaches added',
  })
  watchlistAdded?: WatchlistReasonDto[];
}

// The watchlist.

export class ClearWatchlistReasonDto extends VersionedDto {
  @ApiProperty({ example: 'covenant_breach:2027:DSCR_MIN#1' }) @IsString() @MaxLength(300) reasonId!: string;
  @ApiProperty({ example: 'Waiver granted; DSCR back above 1.20x in Q2' })
  @IsString()
  @MaxLength(2000)
  note!: string;
}

export class WatchlistViewDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ description: 'While any reason is active' }) onWatchlist!: boolean;
  @ApiProperty({ type: WatchlistReasonDto, isArray: true }) reasons!: WatchlistReasonDto[];
}

// Incidents.

export class ReportIncidentDto extends VersionedDto {
  @ApiProperty({ format: 'date-time', example: '2027-03-01T06:30:00Z', description: 'Not in the future' })
  @IsString()
  occurredAt!: string;

  @ApiProperty({ enum: INCIDENT_KINDS }) @IsIn(INCIDENT_KINDS) kind!: string;
  @ApiProperty({ enum: INCIDENT_SEVERITIES }) @IsIn(INCIDENT_SEVERITIES) severity!: number;
  @ApiProperty({ maxLength: 5000 }) @IsString() @MaxLength(5000) description!: string;
}

export class IncidentUpdateDto extends VersionedDto {
  @ApiProperty({ enum: INCIDENT_UPDATE_KINDS }) @IsIn(INCIDENT_UPDATE_KINDS) kind!: string;
  @ApiProperty({ maxLength: 5000 }) @IsString() @MaxLength(5000) text!: string;
}

export class CloseIncidentDto extends VersionedDto {
  @ApiProperty({ maxLength: 5000 }) @IsString() @MaxLength(5000) note!: string;
}

export class IncidentUpdateResponseDto {
  @ApiProperty({ enum: INCIDENT_UPDATE_KINDS }) kind!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only' }) authorId?: string;
}

export class IncidentResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;
  @ApiProperty({ enum: INCIDENT_KINDS }) kind!: string;
  @ApiProperty({ enum: INCIDENT_SEVERITIES }) severity!: number;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Severity 3, a fatality or tailings: watchlist, re-assessment, 3-day rule' })
  serious!: boolean;
  @ApiProperty({ description: 'A serious incident reported more than 3 days after it occurred' })
  late!: boolean;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ type: IncidentUpdateResponseDto, isArray: true }) updates!: IncidentUpdateResponseDto[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closingNote!: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only' }) reportedBy?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Staff only' })
  closedBy?: string | null;
}

export class IncidentReportedDto {
  @ApiProperty({ type: IncidentResponseDto }) incident!: IncidentResponseDto;
  @ApiPropertyOptional({
    type: WatchlistReasonDto,
    isArray: true,
    description: 'Staff only: the watchlist reason a serious incident added',
  })
  watchlistAdded?: WatchlistReasonDto[];
}
