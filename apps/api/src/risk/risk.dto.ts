import { ApiProperty } from '@nestjs/swagger';
import { BANDS } from '@forge/domain';
import { ApiAnyJsonProperty, ApiJsonObjectProperty } from '../common/openapi-properties.js';

export class ScoringModelDto {
  @ApiProperty({ example: '1.0.0' }) version!: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the RFC 8785 JSON of the parameters', example: 'a3f1…' })
  paramsHash!: string;
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activatedAt!: string | null;
}

export class ActivatedScoringModelDto extends ScoringModelDto {
  @ApiProperty({ type: String, nullable: true, example: '1.0.0' }) previousVersion!: string | null;
  @ApiProperty({ description: 'Open applications whose re-assessment was queued', example: 12 })
  queued!: number;
}

export class RiskJobDto {
  @ApiProperty({ example: 'risk.6f1c….3b9e….1.0.0' }) jobId!: string;
}

export class ScoreBandDto {
  @ApiProperty({ description: 'Score in hundredths (100–400)', example: 285 }) score!: number;
  @ApiProperty({ enum: BANDS, enumName: 'RiskBand', example: 'high' }) band!: string;
}

export class FactorCreditDto {
  @ApiProperty({ example: 'political_risk_insurance' }) mitigant!: string;
  @ApiProperty({ description: 'Notches actually taken off', example: 1 }) notches!: number;
  @ApiProperty({
    example: 'covers transfer/convertibility, expropriation and war → −1',
    description:
      "Why these notches; FORGE-RRS 1.1.0: 'not evidenced' (0 notches) when no document of the evidence kind is attached",
  })
  reason!: string;
  @ApiProperty({
    required: false,
    example: 'pri_policy',
    description: 'FORGE-RRS 1.1.0 on: the document kind that evidences this mitigant (absent under 1.0.0)',
  })
  evidenceKind?: string;
}

export class FactorDto {
  @ApiProperty({ example: 'F1_COUNTRY' }) code!: string;
  @ApiProperty({ description: 'basis points', example: 1500 }) weight!: number;
  @ApiProperty({ example: 4 }) gross!: number;
  @ApiProperty({ type: FactorCreditDto, isArray: true }) credits!: FactorCreditDto[];
  @ApiProperty({ example: 3 }) residual!: number;
  @ApiProperty({ example: 'OECD country risk class 7 → High' }) reason!: string;
}

export class ExpectedLossDto {
  @ApiProperty({ example: 325 }) grossBp!: number;
  @ApiProperty({ example: 190 }) residualBp!: number;
  @ApiProperty({ description: 'basis points', example: 4154 }) reductionPct!: number;
}

export class FloorAppliedDto {
  @ApiProperty({ enum: ['gross', 'residual'] }) stage!: string;
  @ApiProperty({ example: 'one_factor_at_4' }) rule!: string;
  @ApiProperty({ enum: BANDS, enumName: 'RiskBand', description: 'after the floor' }) band!: string;
  @ApiProperty({ enum: BANDS, enumName: 'RiskBand', description: 'what the score alone gave' })
  fromBand!: string;
  @ApiProperty({ type: [String], example: ['F1_COUNTRY'] }) factors!: string[];
  @ApiProperty() reason!: string;
}

export class ConservatismAppliedDto {
  @ApiProperty({ enum: BANDS, enumName: 'RiskBand' }) fromBand!: string;
  @ApiProperty({ enum: BANDS, enumName: 'RiskBand' }) band!: string;
  @ApiProperty({ enum: BANDS, enumName: 'RiskBand' }) grossBand!: string;
  @ApiProperty() reason!: string;
}

export class RiskBandOverrideDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: BANDS, enumName: 'RiskBand' }) band!: string;
  @ApiProperty() rationale!: string;
  @ApiProperty({ format: 'uuid' }) approvalId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** The record of scoring.md plus `current` and the approved band override. */
export class RiskAssessmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ example: 3 }) applicationVersion!: number;
  @ApiProperty({ example: '1.0.0' }) modelVersion!: string;
  @ApiProperty() paramsHash!: string;
  @ApiProperty() inputsHash!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'SHA-256 of each reference snapshot read, by kind',
    example: { countries: '9c0e…' },
  })
  referenceSnapshotHashes!: Record<string, string>;
  @ApiProperty({ type: FactorDto, isArray: true }) factors!: FactorDto[];
  @ApiProperty({ type: ScoreBandDto }) gross!: ScoreBandDto;
  @ApiProperty({ type: ScoreBandDto }) residual!: ScoreBandDto;
  @ApiProperty({ description: 'G − R in hundredths', example: 70 }) riskReduction!: number;
  @ApiProperty({ description: 'basis points', example: 3784 }) riskReductionPct!: number;
  @ApiProperty({ type: ExpectedLossDto }) expectedLoss!: ExpectedLossDto;
  @ApiProperty({ type: [FloorAppliedDto], description: 'SORT-style floors that raised a band' })
  floorsApplied!: FloorAppliedDto[];
  @ApiProperty({
    type: ConservatismAppliedDto,
    nullable: true,
    description: 'null when the rule did not fire',
  })
  conservatismApplied!: ConservatismAppliedDto | null;
  @ApiProperty({ format: 'date-time' }) computedAt!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty({ description: "Today's inputs hash and the active model (scoring.md)" }) current!: boolean;
  @ApiProperty({ type: RiskBandOverrideDto, nullable: true }) override!: RiskBandOverrideDto | null;
}

export class AssessmentDifferenceDto {
  @ApiProperty({ example: 'factors[F2_MARKET].residual' }) path!: string;
  @ApiAnyJsonProperty({ description: 'stored value' }) a!: unknown;
  @ApiAnyJsonProperty({ description: 'recomputed value' }) b!: unknown;
}

export class ReplayReportDto {
  @ApiProperty() reproduced!: boolean;
  @ApiProperty({ type: AssessmentDifferenceDto, isArray: true }) differences!: AssessmentDifferenceDto[];
  @ApiJsonObjectProperty({
    description: 'The stored inputs under the active model (the record, or { error })',
  })
  underActiveModel!: Record<string, unknown>;
  @ApiProperty({ type: AssessmentDifferenceDto, isArray: true })
  differencesFromActive!: AssessmentDifferenceDto[];
}

export class ScoringJobFailureDto {
  @ApiProperty() jobId!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({
    example: 'SCORING.INVALID_INPUTS: country ZZ is not in the active countries reference data',
  })
  reason!: string;
  @ApiProperty({ example: 1 }) attempts!: number;
  @ApiProperty({ format: 'date-time' }) failedAt!: string;
}
