import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { DomainError } from '@forge/domain';
import { Public } from '../auth/policy.decorators.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/session-cookie.js';
import { SessionService } from '@forge/application';
import { requestOrigin } from './auth.controller.js';
import { OidcProvidersResponseDto } from './identity.dto.js';
import { OIDC_FLOW_TTL_SECONDS, OidcService } from './oidc.service.js';

/** The OpenID Connect round trip's cookie: state, nonce and PKCE verifier, signed, for this path only. */
export const OIDC_FLOW_COOKIE = 'forge_oidc';
const FLOW_COOKIE_PATH = '/api/v1/auth/oidc';

function flowCookieOptions(maxAge: number) {
  // Lax, not Strict: the provider sends the browser back with a cross-site top-level GET, which must carry it.
  return { path: FLOW_COOKIE_PATH, httpOnly: true, secure: true, sameSite: 'lax' as const, maxAge };
}

/**
 * Staff sign-in with the organisation's identity provider (docs/identity.md, "Single sign-on"). Both routes are
 * browser navigations: they answer redirects, not JSON (except 404 AUTH.OIDC_NOT_CONFIGURED when no provider is
 * configured).
 */
@ApiTags('auth')
@Controller('auth')
export class OidcController {
  constructor(
    @Inject(OidcService) private readonly oidc: OidcService,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  @Get('providers')
  @Public()
  @ApiOperation({
    summary: 'Which sign-in methods this server offers besides the password (the console asks)',
  })
  @ApiResponse({ status: 200, type: OidcProvidersResponseDto })
  providers(): OidcProvidersResponseDto {
    return { oidc: this.oidc.enabled };
  }

  @Get('oidc/start')
  @Public()
  @ApiOperation({
    summary: "Start signing in with the organisation's identity provider (OpenID Connect, code flow + PKCE)",
    description:
      'Redirects the browser to the provider and sets the `forge_oidc` cookie (state, nonce and PKCE verifier, ' +
      'signed, HttpOnly, SameSite=Lax, 10 minutes).',
  })
  @ApiResponse({ status: 302, description: "To the provider's authorization endpoint" })
  @ApiResponse({ status: 401, description: 'AUTH.OIDC_FAILED: the provider cannot be reached' })
  @ApiResponse({ status: 404, description: 'AUTH.OIDC_NOT_CONFIGURED' })
  async start(@Res() reply: FastifyReply): Promise<void> {
    const { authorizationUrl, flow } = await this.oidc.start();
    void reply.setCookie(OIDC_FLOW_COOKIE, flow, flowCookieOptions(OIDC_FLOW_TTL_SECONDS));
    await reply.status(302).header('location', authorizationUrl).send();
  }

  @Get('oidc/callback')
  @Public()
  @ApiOperation({
    summary: 'Where the identity provider sends the browser back: opens the console session',
    description:
      'Exchanges the code (PKCE), verifies the ID token, maps the groups to roles (OIDC_ROLE_MAPPING), finds or ' +
      'creates the account, sets `forge_session` as POST /auth/session does and redirects to ' +
      'OIDC_POST_SIGN_IN_URL. A refusal redirects to the console sign-in page /login with `?signInError=<code>` (AUTH.OIDC_NO_ROLE, ' +
      'AUTH.OIDC_ROLES_CONFLICT, AUTH.OIDC_FAILED, AUTH.INVALID_CREDENTIALS).',
  })
  @ApiResponse({ status: 302, description: 'To the console, signed in (or with signInError)' })
  @ApiResponse({ status: 404, description: 'AUTH.OIDC_NOT_CONFIGURED' })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.oidc.enabled) {
      throw new DomainError('AUTH.OIDC_NOT_CONFIGURED', 'Single sign-on is not configured on this server');
    }
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const target = this.oidc.postSignInUrl;
    void reply.clearCookie(OIDC_FLOW_COOKIE, { ...flowCookieOptions(0), maxAge: undefined });
    try {
      const { session } = await this.oidc.finish(
        query,
        request.cookies[OIDC_FLOW_COOKIE],
        requestOrigin(request),
      );
      await this.sessions.endByCookie(request.cookies[SESSION_COOKIE]);
      void reply.setCookie(SESSION_COOKIE, session.sessionId, sessionCookieOptions(session.maxAgeSeconds));
      await reply.status(302).header('location', target).send();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The console's sign-in page, on the console's origin, says what went wrong.
      const refused = new URL('/login', new URL(target, 'http://relative.invalid'));
      refused.searchParams.set('signInError', error.code);
      const location = /^https?:\/\//.test(target) ? refused.href : `${refused.pathname}${refused.search}`;
      await reply.status(302).header('location', location).send();
    }
  }
}
