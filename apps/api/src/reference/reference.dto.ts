import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class UploadSanctionsListRequestDto {
  @ApiProperty({ description: 'A name for this list load', example: 'OFAC SDN 2026-11-27', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    description:
      'The text of sdn.csv in the OFAC SDN legacy layout (12 fields, no header, `-0-` for empty). Bodies up to MAX_UPLOAD_BYTES are accepted on this route.',
    example:
      '9001,"KRASNOV-ARDILES, Ignacio Tadeo","individual","DEMO-1","-0-","-0-","-0-","-0-","-0-","-0-","-0-","-0-"\n',
  })
  @IsString()
  @IsNotEmpty()
  sdnCsv!: string;

  @ApiPropertyOptional({
    description: 'The text of alt.csv (aliases: ent_num, alt_num, alt_type, alt_name, alt_remarks)',
    example: '9001,101,"aka","KRASNOV, Ignacio","-0-"\n',
  })
  @IsOptional()
  @IsString()
  altCsv?: string;
}

export class SanctionsListResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'SHA-256 of the canonical JSON of the parsed entries', example: 'a3f1…' })
  sha256!: string;
  @ApiProperty({ description: 'Number of list entries (ent_num) loaded', example: 18000 }) entries!: number;
  @ApiProperty({ format: 'date-time' }) loadedAt!: string;
}

export class CountryDto {
  @ApiProperty({ example: 'AR' }) code!: string;
  @ApiProperty({ example: 'Argentina' }) name!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 7,
    description: 'OECD country risk classification 0–7',
  })
  oecdCrc!: number | null;
  @ApiProperty({ example: true }) eitiImplementing!: boolean;
  @ApiProperty({ example: true }) fundEligible!: boolean;
}

class ReferenceSnapshotDto {
  @ApiProperty({ format: 'uuid' }) snapshotId!: string;
  @ApiProperty({ description: 'SHA-256 of the canonical content', example: '5d41…' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) loadedAt!: string;
  @ApiProperty({ example: '2026-11-01' }) version!: string;
  @ApiPropertyOptional() about?: string;
}

export class CountriesResponseDto extends ReferenceSnapshotDto {
  @ApiProperty({ type: CountryDto, isArray: true }) countries!: CountryDto[];
}

export class MineralsResponseDto extends ReferenceSnapshotDto {
  @ApiProperty({ type: String, isArray: true, example: ['lithium', 'copper'] }) minerals!: string[];
}

export class SanctionsEntrySummaryDto {
  @ApiProperty({ example: 9001, description: 'OFAC ent_num (the entry’s stable identifier)' })
  entNum!: number;
  @ApiProperty({ example: 'KRASNOV-ARDILES, Ignacio Tadeo' }) name!: string;
  @ApiProperty({ enum: ['individual', 'entity', 'vessel', 'aircraft'], enumName: 'SdnEntryType' })
  type!: string;
  @ApiProperty({ type: [String], example: ['SDGT'] }) programs!: string[];
}

export class ActiveSanctionsListDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'OFAC SDN 2026-11-01' }) name!: string;
  @ApiProperty({ description: 'SHA-256 of the canonical JSON of the parsed entries' }) sha256!: string;
  @ApiProperty({ example: 18000 }) entries!: number;
  @ApiProperty({ format: 'date-time' }) loadedAt!: string;
}

export class ProposedSanctionsListDto {
  @ApiProperty({ example: 'OFAC SDN 2026-11-27' }) name!: string;
  @ApiProperty({ description: 'SHA-256 the list will have once loaded' }) sha256!: string;
  @ApiProperty({ example: 18012 }) entries!: number;
}

export class SanctionsDiffCountsDto {
  @ApiProperty({ example: 14 }) added!: number;
  @ApiProperty({ example: 2 }) removed!: number;
  @ApiProperty({ example: 5, description: 'same ent_num, different content' }) changed!: number;
  @ApiProperty({ example: 17993 }) unchanged!: number;
}

/**
 * What loading a list would change (admin only; nothing is written): the active list, the proposed one,
 * and the entries added, removed and changed, matched by ent_num. Each list of entries holds at most
 * SANCTIONS_PREVIEW_LIMIT (libs/application) items (`truncated` says so; the counts are complete).
 */
export class SanctionsListPreviewDto {
  @ApiProperty({ type: ActiveSanctionsListDto, nullable: true, description: 'null when none is loaded' })
  current!: ActiveSanctionsListDto | null;
  @ApiProperty({ type: ProposedSanctionsListDto }) proposed!: ProposedSanctionsListDto;
  @ApiProperty({ description: 'the proposed list has the active list’s hash: loading it changes nothing' })
  identical!: boolean;
  @ApiProperty({ type: SanctionsDiffCountsDto }) counts!: SanctionsDiffCountsDto;
  @ApiProperty({ type: [SanctionsEntrySummaryDto] }) added!: SanctionsEntrySummaryDto[];
  @ApiProperty({ type: [SanctionsEntrySummaryDto] }) removed!: SanctionsEntrySummaryDto[];
  @ApiProperty({ type: [SanctionsEntrySummaryDto] }) changed!: SanctionsEntrySummaryDto[];
  @ApiProperty({ description: 'true when a list above was cut at the limit (the counts are complete)' })
  truncated!: boolean;
}
