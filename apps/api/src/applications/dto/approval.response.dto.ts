import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPROVAL_ACTIONS } from '@forge/domain';
import {
  ApiDateTimeProperty,
  ApiJsonObjectProperty,
  ApiUuidProperty,
} from '../../common/openapi-properties.js';

/** A maker-checker item (`presentApproval`): the inbox, a decision, a new pending item. */
export class ApprovalResponseDto {
  @ApiUuidProperty() id!: string;
  @ApiUuidProperty() applicationId!: string;
  @ApiPropertyOptional({ example: 'FORGE-2026-000042', description: 'in the inbox' })
  applicationReference?: string;
  @ApiProperty({ enum: APPROVAL_ACTIONS, enumName: 'ApprovalAction' }) action!: string;
  @ApiProperty({ description: 'a check code, a party name, an assessment or condition id' }) subject!: string;
  @ApiJsonObjectProperty({ description: 'what takes effect on approval (outcome, band, evidence …)' })
  payload!: Record<string, unknown>;
  @ApiUuidProperty() makerId!: string;
  @ApiDateTimeProperty() createdAt!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'], enumName: 'ApprovalStatus' }) status!: string;
  @ApiUuidProperty({ nullable: true }) checkerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiDateTimeProperty({ nullable: true }) decidedAt!: string | null;
}

export class ApprovalListResponseDto {
  @ApiProperty({ type: [ApprovalResponseDto] }) items!: ApprovalResponseDto[];
}
