import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@forge/domain';
import { type AuthenticatedUser, type Authentication } from './authenticated-user.js';
import { type AuthenticatableRequest, Authenticator, csrfTokenMatches } from './authenticator.js';
import { POLICY_KEY, type RoutePolicy } from './policy.decorators.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type GuardedRequest = AuthenticatableRequest & {
  method: string;
  user?: AuthenticatedUser;
  authentication?: Authentication;
};

/**
 * The global guard: reads each route's declared policy. No policy → refused (fail closed). Authentication
 * happened once, in the `onRequest` hook (Authenticator, memoised on the request); this applies the policy:
 * roles, auditors read-only, and CSRF for cookie sessions. Organisation scope for sponsors is applied in SQL by
 * the services (another organisation's resource answers 404, never 403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(Authenticator) private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy?.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const outcome = await this.authenticator.authenticate(request);
    if (outcome instanceof DomainError) throw outcome;
    if (!outcome) {
      throw new DomainError(
        'AUTH.UNAUTHENTICATED',
        policy?.kind === 'session'
          ? 'A session cookie is required (sign in with POST /api/v1/auth/session)'
          : 'A bearer token or a session cookie is required',
      );
    }
    request.user = outcome.user;
    request.authentication = outcome;
    if (!policy) throw new DomainError('AUTH.FORBIDDEN', 'This route declares no access policy');
    if (policy.kind === 'session' && outcome.via !== 'session') {
      throw new DomainError(
        'AUTH.UNAUTHENTICATED',
        'This route describes a console session: no session cookie',
      );
    }
    if (
      outcome.via === 'session' &&
      !SAFE_METHODS.has(request.method) &&
      !csrfTokenMatches(outcome.session.csrfToken, request.headers['x-csrf-token'])
    ) {
      throw new DomainError('AUTH.CSRF', 'The x-csrf-token header is missing or does not match the session');
    }
    if (policy.kind === 'session') return true;
    const roles = outcome.user.roles;
    if (policy.write && roles.length > 0 && roles.every((role) => role === 'auditor')) {
      throw new DomainError('AUTH.FORBIDDEN', 'Auditors have read-only access');
    }
    if (!roles.some((role) => policy.roles.includes(role))) {
      throw new DomainError('AUTH.FORBIDDEN', 'Your role may not do this');
    }
    return true;
  }
}
