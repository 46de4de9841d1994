import { ApiProperty } from '@nestjs/swagger';

/**
 * The portfolio view (portfolio.md "Portfolio view"; docs/portfolio.md explains every figure). Read by
 * officers, committee members, auditors and admins; never by sponsors or partners. Money in integer US
 * dollars; shares in basis points beside a percent with two decimals.
 */
export class PolicyRefDto {
  @ApiProperty({ example: 'FORGE-PP' }) policy!: string;
  @ApiProperty({ example: '1.0.0' }) version!: string;
  @ApiProperty({
    description: 'SHA-256 (hex) of the canonical JSON of the policy',
    pattern: '^[0-9a-f]{64}$',
  })
  hash!: string;
}

export class EnvelopeTotalsDto {
  @ApiProperty({ example: 30_000_000_000 }) envelopeUsd!: number;
  @ApiProperty({ description: 'Applications in approved: their FORGE amount' }) committedUsd!: number;
  @ApiProperty() committedCount!: number;
  @ApiProperty({ description: 'financed and later: FORGE amount minus repayments' }) financedUsd!: number;
  @ApiProperty() financedCount!: number;
  @ApiProperty({ description: 'financed and later: disbursed − repaid (the money out)' })
  financedOutstandingUsd!: number;
  @ApiProperty({ description: 'financed and later: FORGE amount − disbursed (still to disburse)' })
  financedUndisbursedUsd!: number;
  @ApiProperty({ description: 'submitted … committee: shown, never counted against limits' })
  pipelineUsd!: number;
  @ApiProperty() pipelineCount!: number;
  @ApiProperty({ description: 'envelope − committed − financed (negative if the envelope was set below)' })
  availableUsd!: number;
}

export class LimitStatusDto {
  @ApiProperty({ example: 'COUNTRY' }) limit!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['max', 'min'] }) bound!: 'max' | 'min';
  @ApiProperty({ example: 2500 }) limitBp!: number;
  @ApiProperty({ example: '25.00' }) limitPct!: string;
  @ApiProperty({ enum: ['envelope', 'book'] }) base!: 'envelope' | 'book';
  @ApiProperty({ description: 'false: a target, reported, never blocks' }) blocking!: boolean;
  @ApiProperty({
    description: 'The bucket measured (a country, mineral, organisation id, or a group joined by +)',
  })
  key!: string;
  @ApiProperty() usd!: number;
  @ApiProperty({ description: 'Rounded away from compliance (up for a max, down for a min)' })
  shareBp!: number;
  @ApiProperty() sharePct!: string;
  @ApiProperty() breached!: boolean;
}

export class ExposureRowDto {
  @ApiProperty() key!: string;
  @ApiProperty({ description: 'Committed + financed exposure' }) usd!: number;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Share of the envelope, half-even' }) shareOfEnvelopeBp!: number;
  @ApiProperty() shareOfEnvelopePct!: string;
  @ApiProperty({ type: LimitStatusDto, nullable: true, description: 'The per-value limit of this dimension' })
  limit!: LimitStatusDto | null;
  @ApiProperty({ type: [String], description: 'Group limits or targets this value belongs to' })
  groups!: string[];
}

export class ExposuresDto {
  @ApiProperty({ type: [ExposureRowDto] }) country!: ExposureRowDto[];
  @ApiProperty({ type: [ExposureRowDto] }) mineral!: ExposureRowDto[];
  @ApiProperty({ type: [ExposureRowDto], description: 'By sponsor organisation id' })
  obligor!: ExposureRowDto[];
  @ApiProperty({ type: [ExposureRowDto] }) instrument!: ExposureRowDto[];
  @ApiProperty({ type: [ExposureRowDto], description: 'By value-chain segment' }) segment!: ExposureRowDto[];
}

export class FunnelRowDto {
  @ApiProperty() stage!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Σ FORGE amounts' }) usd!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median whole days in the current stage' })
  medianDaysInStage!: number | null;
}

export class CategoryRowDto {
  @ApiProperty({ enum: ['A', 'B', 'C', 'FI', 'none'] }) category!: string;
  @ApiProperty() count!: number;
  @ApiProperty() usd!: number;
  @ApiProperty({ description: 'Share of committed + financed, half-even' }) shareBp!: number;
  @ApiProperty() sharePct!: string;
}

export class FrameworkCountriesDto {
  @ApiProperty({ type: [String], example: ['AR', 'EC', 'PE', 'PY'] }) countries!: string[];
  @ApiProperty() usd!: number;
  @ApiProperty() shareOfBookBp!: number;
  @ApiProperty() shareOfBookPct!: string;
}

export class RiskReducedDto {
  @ApiProperty({ description: 'Σ exposure × ELgross ÷ 10,000, US$ per year' }) grossUsdPerYear!: number;
  @ApiProperty({ description: 'Σ exposure × ELresidual ÷ 10,000' }) residualUsdPerYear!: number;
  @ApiProperty({ description: 'Expected loss avoided, US$ per year' }) reducedUsdPerYear!: number;
  @ApiProperty({ description: 'Committed and financed applications counted' }) applications!: number;
  @ApiProperty({ description: 'Committed and financed applications without an assessment' })
  withoutAssessment!: number;
}

export class MobilisationDto {
  @ApiProperty({ description: 'Σ committed and signed lines of private cofinanciers' })
  privateDirectMobilisationUsd!: number;
  @ApiProperty() forgeAmountUsd!: number;
  @ApiProperty({ description: 'Hundredths: 125 = 1.25x' }) ratioHundredths!: number;
}

export class PortfolioViewDto {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: PolicyRefDto }) policy!: PolicyRefDto;
  @ApiProperty({ type: EnvelopeTotalsDto }) envelope!: EnvelopeTotalsDto;
  @ApiProperty({ type: ExposuresDto }) exposures!: ExposuresDto;
  @ApiProperty({ type: [LimitStatusDto] }) limits!: LimitStatusDto[];
  @ApiProperty({ type: [FunnelRowDto] }) funnel!: FunnelRowDto[];
  @ApiProperty({ type: [CategoryRowDto] }) categoryMix!: CategoryRowDto[];
  @ApiProperty({ type: FrameworkCountriesDto }) frameworkCountries!: FrameworkCountriesDto;
  @ApiProperty({ type: RiskReducedDto }) riskReduced!: RiskReducedDto;
  @ApiProperty({ type: MobilisationDto }) mobilisation!: MobilisationDto;
}
