import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { IdentityService, LoginRateLimited, SessionService } from '@forge/application';
import { DomainError } from '@forge/domain';
import { type Authentication } from '../auth/authenticated-user.js';
import { Authenticator, csrfTokenMatches } from '../auth/authenticator.js';
import { Public, SessionOnly } from '../auth/policy.decorators.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/session-cookie.js';
import { requestOrigin } from './auth.controller.js';
import { SessionRequestDto, SessionResponseDto } from './identity.dto.js';
import { presentUser } from './identity.presenter.js';

/**
 * The console's sign-in (COORDINATION.md, "Session API contract"): an opaque session id in an
 * `HttpOnly; Secure; SameSite=Strict` cookie, the session kept server-side (hashed id), a CSRF token for writes.
 */
@ApiTags('auth')
@Controller('auth/session')
export class SessionController {
  constructor(
    @Inject(IdentityService) private readonly identity: IdentityService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(Authenticator) private readonly authenticator: Authenticator,
  ) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in to the console: sets the forge_session cookie and answers the CSRF token',
    description:
      'Sets `forge_session` (HttpOnly; Secure; SameSite=Strict; Path=/). A session cookie the browser already ' +
      'holds is ended first.',
  })
  @ApiResponse({ status: 200, type: SessionResponseDto })
  @ApiResponse({ status: 400, description: 'VALIDATION.FAILED' })
  @ApiResponse({
    status: 401,
    description:
      'AUTH.INVALID_CREDENTIALS (unknown email or wrong password); AUTH.TOTP_REQUIRED, AUTH.TOTP_INVALID, or ' +
      'AUTH.TOTP_ENROLMENT_REQUIRED (a staff account without a second factor, past its grace period)',
  })
  @ApiResponse({ status: 429, description: 'RATE_LIMITED: too many failed sign-ins (Retry-After)' })
  async signIn(
    @Body() body: SessionRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponseDto> {
    try {
      const { user, session, secondFactor } = await this.identity.startSession(body, requestOrigin(request));
      await this.sessions.endByCookie(request.cookies[SESSION_COOKIE]);
      void reply.setCookie(SESSION_COOKIE, session.sessionId, sessionCookieOptions(session.maxAgeSeconds));
      return {
        user: presentUser(user),
        csrfToken: session.csrfToken,
        ...(secondFactor ? { secondFactor } : {}),
      };
    } catch (error) {
      if (error instanceof LoginRateLimited)
        void reply.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Get()
  @SessionOnly()
  @ApiCookieAuth('session')
  @ApiOperation({
    summary: 'The current console session: the user and the CSRF token (401 without a valid cookie)',
  })
  @ApiResponse({ status: 200, type: SessionResponseDto })
  @ApiResponse({ status: 401, description: 'AUTH.UNAUTHENTICATED or AUTH.INVALID_SESSION' })
  current(@Req() request: FastifyRequest & { authentication?: Authentication }): SessionResponseDto {
    const authentication = request.authentication;
    if (authentication?.via !== 'session') throw new Error('SessionOnly route reached without a session');
    return { user: presentUser(authentication.user), csrfToken: authentication.session.csrfToken };
  }

  @Delete()
  @Public()
  @HttpCode(204)
  @ApiCookieAuth('session')
  @ApiOperation({
    summary: 'Sign out: ends the session on the server and clears the cookie',
    description:
      'With a live session the x-csrf-token header is required (403 AUTH.CSRF otherwise). Without a cookie, or ' +
      'with one that has already ended, the cookie is cleared and the answer is 204 all the same.',
  })
  @ApiResponse({ status: 204, description: 'Signed out' })
  @ApiResponse({ status: 403, description: 'AUTH.CSRF: x-csrf-token missing or wrong' })
  async signOut(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const outcome = await this.authenticator.authenticate(request);
    if (outcome && !(outcome instanceof DomainError) && outcome.via === 'session') {
      if (!csrfTokenMatches(outcome.session.csrfToken, request.headers['x-csrf-token'])) {
        throw new DomainError(
          'AUTH.CSRF',
          'The x-csrf-token header is missing or does not match the session',
        );
      }
      await this.sessions.end(outcome.session.idHash);
    }
    void reply.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(0), maxAge: undefined });
  }
}
