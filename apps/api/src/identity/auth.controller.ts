import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { AccountAdminService, IdentityService, LoginRateLimited } from '@forge/application';
import { READER_ROLES, Allow, Public } from '../auth/policy.decorators.js';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user.js';
import { ProfileResponseDto } from '../notifications/notifications.dto.js';
import { PasswordResetRequestDto, TokenRequestDto, TokenResponseDto } from './identity.dto.js';
import { presentUser } from './identity.presenter.js';

export function requestOrigin(request: FastifyRequest): {
  ip: string;
  requestId: string;
  userAgent: string | null;
} {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip, requestId: String(request.id), userAgent: userAgent ?? null };
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    @Inject(IdentityService) private readonly identity: IdentityService,
    @Inject(AccountAdminService) private readonly accounts: AccountAdminService,
  ) {}

  @Post('auth/password-reset')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with a one-time reset token',
    description:
      'The token comes from `npm run cli -- users:reset-password` (by email once notifications exist). It works ' +
      'once, for PASSWORD_RESET_TTL_SECONDS; every session and token of the account ends.',
  })
  @ApiResponse({ status: 204, description: 'The password is changed' })
  @ApiResponse({
    status: 400,
    description: 'AUTH.INVALID_RESET_TOKEN (unknown, used or expired) or AUTH.PASSWORD_REJECTED',
  })
  async resetPassword(@Body() body: PasswordResetRequestDto, @Req() request: FastifyRequest): Promise<void> {
    await this.accounts.resetPassword(body.token, body.password, requestOrigin(request));
  }

  @Post('auth/token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for a bearer token (HS256 JWT)' })
  @ApiResponse({ status: 200, type: TokenResponseDto })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED' })
  @ApiResponse({
    status: 401,
    description:
      'AUTH.INVALID_CREDENTIALS (unknown email or wrong password); AUTH.TOTP_REQUIRED, AUTH.TOTP_INVALID, or ' +
      'AUTH.TOTP_ENROLMENT_REQUIRED (a staff account without a second factor, past its grace period)',
  })
  @ApiResponse({ status: 429, description: 'RATE_LIMITED: too many failed sign-ins (Retry-After)' })
  async token(
    @Body() body: TokenRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto> {
    try {
      return await this.identity.issueToken(body, requestOrigin(request));
    } catch (error) {
      if (error instanceof LoginRateLimited)
        void reply.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Get('me')
  @Allow(READER_ROLES)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The signed-in user, as the database knows them now (read on every request)',
    description:
      '`locale`: the language of my emails (en, es, pt-BR; `PATCH /me` sets it, new accounts: en).',
  })
  @ApiResponse({ status: 200, type: ProfileResponseDto })
  @ApiResponse({
    status: 401,
    description: 'No, bad or expired credentials, or a disabled or changed account',
  })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<ProfileResponseDto> {
    // The locale is read with the account (the credential check does not carry it).
    const { user: account } = await this.accounts.getUser(user.id);
    return { ...presentUser(user), locale: account.locale };
  }
}
