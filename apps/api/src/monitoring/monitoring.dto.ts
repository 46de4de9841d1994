import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const MAX_USD = 10_000_000_000_000;

export class TrancheDto {
  @ApiProperty({ example: 'T1', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/)
  id!: string;

  @ApiProperty({ example: 60_000_000, description: 'Integer US dollars' })
  @IsInt()
  @Min(1)
  @Max(MAX_USD)
  amountUsd!: number;

  @ApiProperty({ type: String, isArray: true, description: 'Condition precedent or ESAP item ids' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  conditionIds!: string[];
}

export class SetTranchesDto {
  @ApiProperty({
    type: TrancheDto,
    isArray: true,
    description: 'Summing to the FORGE amount; [] for one tranche',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TrancheDto)
  tranches!: TrancheDto[];

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
}

export class RequestDisbursementDto {
  @ApiPropertyOptional({ example: 'T1', description: 'Omitted: the first tranche with money left' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  trancheId?: string;

  @ApiProperty({ example: 40_000_000, description: 'Integer US dollars' })
  @IsInt()
  @Min(1)
  @Max(MAX_USD)
  amountUsd!: number;
}

export class DeclineDisbursementDto {
  @ApiProperty({ example: 'The insurance certificate is missing' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class RecordRepaymentDto {
  @ApiProperty({ example: 10_000_000, description: 'Integer US dollars' })
  @IsInt()
  @Min(1)
  @Max(MAX_USD)
  amountUsd!: number;

  @ApiProperty({ example: '2027-06-30', format: 'date' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  valueDate!: string;

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
}

export class WriteOffDto {
  @ApiProperty({ example: 'The sponsor entered insolvency; recovery is not expected' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
}

export class DisbursementResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() trancheId!: string;
  @ApiProperty({ description: 'Integer US dollars' }) amountUsd!: number;
  @ApiProperty({ enum: ['requested', 'proposed', 'disbursed', 'declined', 'rejected', 'cancelled'] })
  status!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) proposedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'When the money left' })
  valueDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Staff only: the four-eyes item',
  })
  approvalId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Staff only' })
  requestedBy?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Staff only' })
  proposedBy?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Staff only' })
  decidedBy?: string | null;
}

export class TrancheViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() amountUsd!: number;
  @ApiProperty({ type: String, isArray: true }) conditionIds!: string[];
  @ApiProperty() disbursedUsd!: number;
  @ApiProperty({ description: 'Requested or proposed' }) openUsd!: number;
  @ApiProperty({ description: 'What can still be requested' }) availableUsd!: number;
}

export class RepaymentResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() amountUsd!: number;
  @ApiProperty({ format: 'date' }) valueDate!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class DisbursementsViewDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() forgeAmountUsd!: number;
  @ApiProperty() disbursedUsd!: number;
  @ApiProperty() repaidUsd!: number;
  @ApiProperty({ description: 'Disbursed − repaid' }) outstandingUsd!: number;
  @ApiProperty({ type: TrancheViewDto, isArray: true }) tranches!: TrancheViewDto[];
  @ApiProperty({ type: DisbursementResponseDto, isArray: true }) disbursements!: DisbursementResponseDto[];
  @ApiProperty({ type: RepaymentResponseDto, isArray: true }) repayments!: RepaymentResponseDto[];
}

export class ProposedDisbursementDto {
  @ApiProperty({ type: DisbursementResponseDto }) disbursement!: DisbursementResponseDto;
  @ApiProperty({ format: 'uuid', description: 'The pending four-eyes item a second officer approves' })
  approvalId!: string;
}

export class WriteOffProposedDto {
  @ApiProperty({ format: 'uuid', description: 'The pending four-eyes item a second officer approves' })
  approvalId!: string;
}
