import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@forge/domain';
import { type AuthenticatedUser } from './authenticated-user.js';
import { POLICY_KEY, type RoutePolicy } from './policy.decorators.js';
import { TokenService } from './token.service.js';

/**
 * The global guard: reads each route's declared policy. No policy → refused (fail closed). Roles are checked
 * here; organisation scope for sponsors is applied in SQL by the services (another organisation's resource
 * answers 404, never 403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy?.kind === 'public') return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedUser }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError('AUTH.UNAUTHENTICATED', 'A bearer token is required');
    const user = await this.tokens.verify(match[1]);
    request.user = user;
    if (!policy) throw new DomainError('AUTH.FORBIDDEN', 'This route declares no access policy');
    if (policy.write && user.roles.length > 0 && user.roles.every((role) => role === 'auditor')) {
      throw new DomainError('AUTH.FORBIDDEN', 'Auditors have read-only access');
    }
    if (!user.roles.some((role) => policy.roles.includes(role))) {
      throw new DomainError('AUTH.FORBIDDEN', 'Your role may not do this');
    }
    return true;
  }
}
