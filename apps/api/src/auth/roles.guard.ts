import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { accessRouteOf } from './access.decorator.js';
import { routeKeyOf } from './access-table.js';
import { AuthAudit, auditContextOfRequest } from './auth-audit.js';
import { AccessTokenMissing, RoleNotAllowed } from './auth.errors.js';
import { providerOf } from './authenticated-provider.js';
import { deniedAccessOf } from './denied-access.js';
import { requiredRoles } from './roles.decorator.js';

/**
 * Global, after AccessTokenGuard: a route marked @Roles(...) (or @Access(...)) answers only to those
 * roles. A refusal on a route of patient data (denied-access.ts) is recorded in the audit trail
 * first, with outcome `denied`.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuthAudit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    assertNamesItsRoute(accessRouteOf(this.reflector, context), request);
    const roles = requiredRoles(this.reflector, context);
    if (!roles) return true;
    const provider = providerOf(request);
    if (!provider) throw new AccessTokenMissing();
    if (!roles.includes(provider.role)) {
      const denied = deniedAccessOf(request.method, request.routeOptions.url ?? '', request.params as Record<string, string | undefined>);
      if (denied) await this.audit.record({ ...denied, actorId: provider.id }, { context: auditContextOfRequest(context) });
      throw new RoleNotAllowed(roles);
    }
    return true;
  }
}

/**
 * An @Access that names another route than the one it decorates would apply someone else's rules:
 * a programming error, answered 500 (and caught by test/access-table.test.ts) rather than guessed at.
 */
function assertNamesItsRoute(named: string | undefined, request: FastifyRequest): void {
  if (named === undefined) return;
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const served = routeKeyOf(method, request.routeOptions.url ?? '');
  if (served !== named) throw new Error(`@Access('${named}') decorates ${served}`);
}
