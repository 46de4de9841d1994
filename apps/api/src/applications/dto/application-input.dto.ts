import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  ANTI_CORRUPTION_PROGRAMS,
  APPLICANT_TYPES,
  ESIA_STATUSES,
  exactHundredths,
  FPIC_STATUSES,
  FX_EXPOSURES,
  INSTRUMENTS,
  MAX_USD,
  MINERALS,
  OWNER_TYPES,
  PROJECT_PHASES,
  SPONSOR_PROFILES,
  TAILINGS_CONSEQUENCE_CLASSES,
  TAILINGS_METHODS,
  TECHNOLOGY_MATURITIES,
  VALUE_CHAIN_SEGMENTS,
  WATER_STRESS_LEVELS,
} from '@forge/domain';

/**
 * At most two decimals, checked on the number's exact decimal form. (class-validator's `maxDecimalPlaces`
 * throws on exponent forms such as `1e-7` — a 500 found by the fuzzing suite.)
 */
function AtMostTwoDecimals(): PropertyDecorator {
  return ValidateBy({
    name: 'atMostTwoDecimals',
    validator: {
      validate: (value: unknown) => typeof value !== 'number' || exactHundredths(value) !== null,
      defaultMessage: () => '$property must have at most two decimals',
    },
  });
}

/**
 * The application input of api.md. Every field is optional here (drafts are partial; `submit` requires the
 * whole input through `validateDraftForSubmit`); a field that is present must be valid. Unknown fields are
 * refused by the global ValidationPipe (mass assignment: `stage`, `version`, `organizationId`, `score`).
 */

export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
const COUNTRY_MESSAGE = '$property must be an upper-case ISO 3166-1 alpha-2 code';

export class LocationDto {
  @ApiProperty({ example: -23.21, minimum: -90, maximum: 90 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat!: number;

  @ApiProperty({ example: -66.42, minimum: -180, maximum: 180 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lon!: number;
}

export class SponsorDto {
  @ApiPropertyOptional({ enum: SPONSOR_PROFILES, example: 'mid_tier' })
  @IsOptional()
  @IsIn(SPONSOR_PROFILES)
  profile?: string;

  @ApiPropertyOptional({ example: 35, minimum: 0, maximum: 100, description: 'percent, up to two decimals' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @AtMostTwoDecimals()
  @Min(0)
  @Max(100)
  equityPct?: number;

  @ApiPropertyOptional({
    example: 145,
    minimum: 0,
    maximum: 1000,
    description: 'integer hundredths (1.45x → 145)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  baseCaseDscr?: number;
}

export class EnvironmentDto {
  @ApiPropertyOptional({ enum: WATER_STRESS_LEVELS, example: 'extremely_high' })
  @IsOptional()
  @IsIn(WATER_STRESS_LEVELS)
  waterStress?: string;

  @ApiPropertyOptional({ enum: TAILINGS_METHODS, example: 'none' })
  @IsOptional()
  @IsIn(TAILINGS_METHODS)
  tailings?: string;

  @ApiPropertyOptional({ enum: TAILINGS_CONSEQUENCE_CLASSES, example: 'none' })
  @IsOptional()
  @IsIn(TAILINGS_CONSEQUENCE_CLASSES)
  tailingsConsequenceClass?: string;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  criticalHabitat?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  protectedAreaOverlap?: boolean;

  @ApiPropertyOptional({ enum: ESIA_STATUSES, example: 'completed' })
  @IsOptional()
  @IsIn(ESIA_STATUSES)
  esiaStatus?: string;

  @ApiPropertyOptional({ example: 120000, minimum: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  ghgScope12TonnesPerYear?: number;
}

export class SocialDto {
  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  indigenousPeoplesPresent?: boolean;

  @ApiPropertyOptional({ enum: FPIC_STATUSES, example: 'in_progress' })
  @IsOptional()
  @IsIn(FPIC_STATUSES)
  fpicStatus?: string;

  @ApiPropertyOptional({ example: 0, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  physicalResettlementHouseholds?: number;

  @ApiPropertyOptional({ example: 12, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  economicDisplacementHouseholds?: number;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  activeConflict?: boolean;
}

/** Documentation of one node of the ownership tree (validated iteratively by `validateOwnershipTree`). */
export class BeneficialOwnerDto {
  @ApiProperty({ example: 'Altiplano Resources Holdings S.A.' })
  name!: string;

  @ApiProperty({ enum: OWNER_TYPES, example: 'entity' })
  type!: string;

  @ApiProperty({ example: 'AR', pattern: '^[A-Z]{2}$' })
  country!: string;

  @ApiProperty({ example: 60, minimum: 0, maximum: 100, description: 'percent, up to two decimals' })
  ownershipPct!: number;

  @ApiProperty({ example: false })
  isPep!: boolean;

  @ApiPropertyOptional({
    example: false,
    description:
      'entities only: a government, or an entity owned or controlled by one (TRANS.FEOC counts it when its country is a covered nation, FEOC_COVERED_COUNTRIES). Absent: not declared state-owned. Read by whoever may read the application input.',
  })
  stateOwned?: boolean;

  @ApiPropertyOptional({ type: () => [BeneficialOwnerDto], description: 'owners of this entity (depth ≤ 6)' })
  owners?: BeneficialOwnerDto[];
}

export class GovernanceDto {
  @ApiPropertyOptional({
    type: () => [BeneficialOwnerDto],
    description: 'tree, depth ≤ 6, ≤ 200 nodes; siblings sum ≤ 100',
  })
  @IsOptional()
  @IsArray()
  beneficialOwners?: BeneficialOwnerDto[];

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  contractsDisclosed?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  paymentsToGovernmentsDisclosed?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  adverseMedia?: boolean;

  @ApiPropertyOptional({ enum: ANTI_CORRUPTION_PROGRAMS, example: 'iso37001' })
  @IsOptional()
  @IsIn(ANTI_CORRUPTION_PROGRAMS)
  antiCorruptionProgram?: string;

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  oecdAnnexIIAttestation?: boolean;
}

export class ApplicationInputDto {
  @ApiPropertyOptional({ enum: APPLICANT_TYPES, example: 'project' })
  @IsOptional()
  @IsIn(APPLICANT_TYPES)
  applicantType?: string;

  @ApiPropertyOptional({ example: 'Puna Clara DLE lithium carbonate plant', maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ example: '25 ktpa battery-grade lithium carbonate', maxLength: 10000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  summary?: string;

  @ApiPropertyOptional({ example: 'AR', pattern: '^[A-Z]{2}$' })
  @IsOptional()
  @IsString()
  @Matches(COUNTRY_PATTERN, { message: COUNTRY_MESSAGE })
  country?: string;

  @ApiPropertyOptional({ example: 'Jujuy', maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  region?: string;

  @ApiPropertyOptional({ type: () => LocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiPropertyOptional({ enum: MINERALS, example: 'lithium' })
  @IsOptional()
  @IsIn(MINERALS)
  mineral?: string;

  @ApiPropertyOptional({ enum: VALUE_CHAIN_SEGMENTS, example: 'processing' })
  @IsOptional()
  @IsIn(VALUE_CHAIN_SEGMENTS)
  valueChainSegment?: string;

  @ApiPropertyOptional({ enum: PROJECT_PHASES, example: 'greenfield' })
  @IsOptional()
  @IsIn(PROJECT_PHASES)
  projectPhase?: string;

  @ApiPropertyOptional({ enum: TECHNOLOGY_MATURITIES, example: 'complex' })
  @IsOptional()
  @IsIn(TECHNOLOGY_MATURITIES)
  technologyMaturity?: string;

  @ApiPropertyOptional({
    example: 780000000,
    minimum: 1,
    maximum: MAX_USD,
    description: 'integer US dollars',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_USD)
  capexUsd?: number;

  @ApiPropertyOptional({
    example: 250000000,
    minimum: 1,
    maximum: MAX_USD,
    description: 'integer US dollars',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_USD)
  requestedAmountUsd?: number;

  @ApiPropertyOptional({ enum: INSTRUMENTS, example: 'senior_loan' })
  @IsOptional()
  @IsIn(INSTRUMENTS)
  instrument?: string;

  @ApiPropertyOptional({ example: 12, minimum: 1, maximum: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  tenorYears?: number;

  @ApiPropertyOptional({ enum: FX_EXPOSURES, example: 'usd_matched' })
  @IsOptional()
  @IsIn(FX_EXPOSURES)
  fxExposure?: string;

  @ApiPropertyOptional({ type: () => SponsorDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SponsorDto)
  sponsor?: SponsorDto;

  @ApiPropertyOptional({ type: () => EnvironmentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnvironmentDto)
  environment?: EnvironmentDto;

  @ApiPropertyOptional({ type: () => SocialDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SocialDto)
  social?: SocialDto;

  @ApiPropertyOptional({ type: () => GovernanceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GovernanceDto)
  governance?: GovernanceDto;
}

/** `PATCH /applications/:id`: a partial input (JSON merge patch: `null` removes a field) + the version read. */
export class PatchApplicationDto extends ApplicationInputDto {
  @ApiPropertyOptional({ example: 1, description: 'the version read (or the If-Match header)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
