import { Body, Controller, Get, HttpCode, Inject, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DisbursementCommands, type DisbursementsView } from '@forge/application';
import { type Disbursement } from '@forge/domain';
import { type AuthenticatedUser, CurrentUser, toActor } from '../auth/authenticated-user.js';
import { Allow, READER_ROLES } from '../auth/policy.decorators.js';
import { Idempotent } from '../common/idempotency.interceptor.js';
import { UuidParam } from '../common/path-params.js';
import {
  DeclineDisbursementDto,
  DisbursementResponseDto,
  DisbursementsViewDto,
  ProposedDisbursementDto,
  RecordRepaymentDto,
  RequestDisbursementDto,
  SetTranchesDto,
  WriteOffDto,
  WriteOffProposedDto,
} from './monitoring.dto.js';

/** A sponsor never sees who made or checked a four-eyes item (pipeline.md "What a sponsor sees"). */
function present(
  user: AuthenticatedUser,
  d: Disbursement & { approvalId?: string | null },
): DisbursementResponseDto {
  const base: DisbursementResponseDto = {
    id: d.id,
    applicationId: d.applicationId,
    trancheId: d.trancheId,
    amountUsd: d.amountUsd,
    status: d.status,
    requestedAt: d.requestedAt,
    proposedAt: d.proposedAt,
    decidedAt: d.decidedAt,
    valueDate: d.valueDate,
    note: d.note,
  };
  const staff = user.roles.some((r) => r !== 'sponsor');
  return staff
    ? {
        ...base,
        approvalId: d.approvalId ?? null,
        requestedBy: d.requestedBy,
        proposedBy: d.proposedBy,
        decidedBy: d.decidedBy,
      }
    : base;
}

function presentView(user: AuthenticatedUser, view: DisbursementsView): DisbursementsViewDto {
  return {
    ...view,
    disbursements: view.disbursements.map((d) => present(user, d)),
    repayments: view.repayments.map((r) => ({
      id: r.id,
      amountUsd: r.amountUsd,
      valueDate: r.valueDate,
      recordedAt: r.recordedAt,
      note: r.note,
    })),
  };
}

/** Disbursements, repayments, tranches and write-off of a financed project (monitoring.md, issue 16). */
@ApiTags('monitoring')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or bad token' })
@ApiResponse({ status: 404, description: 'APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor)' })
@Controller('applications/:id')
export class MonitoringController {
  constructor(@Inject(DisbursementCommands) private readonly disbursements: DisbursementCommands) {}

  @Get('disbursements')
  @Allow(READER_ROLES)
  @ApiOperation({ summary: 'Tranches with balances, disbursements, repayments and what is outstanding' })
  @ApiResponse({ status: 200, type: DisbursementsViewDto })
  async view(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
  ): Promise<DisbursementsViewDto> {
    const view = await this.disbursements.read(toActor(user), id);
    return presentView(user, view);
  }

  @Put('tranches')
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Record the tranches of the financing structure (before the first disbursement)' })
  @ApiResponse({ status: 200, type: DisbursementsViewDto })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED (sum, ids, unknown conditions)' })
  @ApiResponse({ status: 409, description: 'APPLICATION.VERSION_CONFLICT, APPLICATION.INVALID_TRANSITION' })
  async setTranches(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: SetTranchesDto,
  ): Promise<DisbursementsViewDto> {
    const view = await this.disbursements.setTranches(toActor(user), id, body);
    return presentView(user, view);
  }

  @Post('disbursements')
  @Idempotent()
  @Allow(['sponsor'], { write: true })
  @ApiOperation({ summary: 'Request a disbursement { trancheId?, amountUsd }' })
  @ApiResponse({ status: 201, type: DisbursementResponseDto })
  @ApiResponse({
    status: 409,
    description: 'APPLICATION.GUARD_FAILED (disbursement.within_amount), APPLICATION.INVALID_TRANSITION',
  })
  async request(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RequestDisbursementDto,
  ): Promise<DisbursementResponseDto> {
    return present(user, await this.disbursements.request(toActor(user), id, body));
  }

  @Post('disbursements/:did/propose')
  @HttpCode(200)
  @Allow(['officer'], { write: true })
  @ApiOperation({
    summary: 'Propose a requested disbursement (guard disbursement.conditions); a second officer approves it',
  })
  @ApiResponse({ status: 200, type: ProposedDisbursementDto })
  @ApiResponse({
    status: 409,
    description: 'APPLICATION.GUARD_FAILED (disbursement.conditions), DISBURSEMENT.STATE_CONFLICT',
  })
  async propose(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('did') did: string,
  ): Promise<ProposedDisbursementDto> {
    const { disbursement, approvalId } = await this.disbursements.propose(toActor(user), id, did);
    return { disbursement: present(user, disbursement), approvalId };
  }

  @Post('disbursements/:did/decline')
  @HttpCode(200)
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Decline a requested disbursement, with a reason' })
  @ApiResponse({ status: 200, type: DisbursementResponseDto })
  @ApiResponse({ status: 409, description: 'DISBURSEMENT.STATE_CONFLICT' })
  async decline(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @UuidParam('did') did: string,
    @Body() body: DeclineDisbursementDto,
  ): Promise<DisbursementResponseDto> {
    return present(user, await this.disbursements.decline(toActor(user), id, did, body.reason));
  }

  @Post('repayments')
  @Idempotent()
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Record a repayment { amountUsd, valueDate } (Σ repaid ≤ Σ disbursed)' })
  @ApiResponse({ status: 201, type: DisbursementsViewDto })
  @ApiResponse({
    status: 409,
    description: 'APPLICATION.GUARD_FAILED (repayment.within_outstanding), APPLICATION.INVALID_TRANSITION',
  })
  async repay(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: RecordRepaymentDto,
  ): Promise<DisbursementsViewDto> {
    const view = await this.disbursements.repay(toActor(user), id, body);
    return presentView(user, view);
  }

  @Post('write-off')
  @Idempotent()
  @Allow(['officer'], { write: true })
  @ApiOperation({ summary: 'Propose writing the project off (maker-checker application.write_off)' })
  @ApiResponse({ status: 201, type: WriteOffProposedDto })
  @ApiResponse({ status: 409, description: 'APPLICATION.INVALID_TRANSITION, APPROVAL.DUPLICATE' })
  writeOff(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: WriteOffDto,
  ): Promise<WriteOffProposedDto> {
    return this.disbursements.proposeWriteOff(toActor(user), id, body);
  }
}
