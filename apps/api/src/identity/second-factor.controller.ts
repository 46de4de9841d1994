import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { Allow, Public } from '../auth/policy.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { UuidParam } from '../common/path-params.js';
import {
  AccountAdminService,
  IdentityService,
  LoginRateLimited,
  SecondFactorService,
} from '@forge/application';
import { requestOrigin } from './auth.controller.js';
import {
  AccountStatusRequestDto,
  AdminUserResponseDto,
  TotpConfirmRequestDto,
  TotpConfirmResponseDto,
  TotpEnrolmentRequestDto,
  TotpEnrolmentResponseDto,
} from './identity.dto.js';
import { presentAdminUser } from './identity.presenter.js';

/**
 * The second factor (docs/identity.md, "Second factor"): enrolment of an authenticator app, proved by the password
 * (a staff member whose sign-in answered AUTH.TOTP_ENROLMENT_REQUIRED has no session yet), and the admin's reset.
 */
@ApiTags('auth')
@Controller()
export class SecondFactorController {
  constructor(
    @Inject(SecondFactorService) private readonly secondFactor: SecondFactorService,
    @Inject(IdentityService) private readonly identity: IdentityService,
    @Inject(AccountAdminService) private readonly accounts: AccountAdminService,
  ) {}

  /** The password, checked (and throttled) as at sign-in, without the second factor. */
  private async passwordOwner(body: TotpEnrolmentRequestDto, request: FastifyRequest, reply: FastifyReply) {
    try {
      const { user } = await this.identity.checkPassword(body, requestOrigin(request), {
        secondFactor: false,
      });
      return user;
    } catch (error) {
      if (error instanceof LoginRateLimited)
        void reply.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Post('auth/totp/enrolment')
  @Public()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Start enrolling an authenticator app (TOTP): a new secret and its otpauth:// URI',
    description:
      'Proved by the password (throttled like a sign-in). Starting again replaces a secret not yet confirmed. ' +
      'Writes `user.totp_enrolment_started` (never the secret).',
  })
  @ApiResponse({ status: 201, type: TotpEnrolmentResponseDto })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED' })
  @ApiResponse({ status: 401, description: 'AUTH.INVALID_CREDENTIALS' })
  @ApiResponse({ status: 409, description: 'AUTH.TOTP_ALREADY_ENROLLED: an admin resets it first' })
  @ApiResponse({ status: 429, description: 'RATE_LIMITED (Retry-After)' })
  async startEnrolment(
    @Body() body: TotpEnrolmentRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TotpEnrolmentResponseDto> {
    const user = await this.passwordOwner(body, request, reply);
    return this.secondFactor.startEnrolment(user, { requestId: String(request.id) });
  }

  @Post('auth/totp/enrolment/confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm the enrolment with a first code: answers the ten recovery codes, shown this once',
    description:
      'Writes `user.totp_enrolled`. Then sign in with `code` (POST /auth/session or /auth/token). A code is ' +
      'accepted once: the next sign-in needs a later one.',
  })
  @ApiResponse({ status: 200, type: TotpConfirmResponseDto })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED' })
  @ApiResponse({ status: 401, description: 'AUTH.INVALID_CREDENTIALS or AUTH.TOTP_INVALID (wrong code)' })
  @ApiResponse({ status: 409, description: 'AUTH.TOTP_NOT_PENDING: no enrolment started, or already done' })
  @ApiResponse({ status: 429, description: 'RATE_LIMITED (Retry-After)' })
  async confirmEnrolment(
    @Body() body: TotpConfirmRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TotpConfirmResponseDto> {
    const user = await this.passwordOwner(body, request, reply);
    return this.secondFactor.confirmEnrolment(user, body.code, { requestId: String(request.id) });
  }

  @Post('admin/users/:userId/totp/reset')
  @Allow(['admin'], { write: true })
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: "Remove a user's second factor (lost device): their sessions and tokens end, they enrol again",
    description: 'Writes `user.totp_reset`. An admin cannot reset their own.',
  })
  @ApiResponse({ status: 200, type: AdminUserResponseDto })
  @ApiResponse({ status: 403, description: 'AUTH.SELF_ADMINISTRATION' })
  @ApiResponse({ status: 404, description: 'USER.NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'AUTH.TOTP_NOT_ENROLLED' })
  async reset(
    @UuidParam('userId') userId: string,
    @Body() body: AccountStatusRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<AdminUserResponseDto> {
    await this.secondFactor.reset(
      { userId, reason: body.reason },
      { id: user.id, role: 'admin' },
      { requestId: String(request.id) },
    );
    const entry = await this.accounts.getUser(userId);
    return presentAdminUser(entry);
  }
}
