import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { routeKeyOf } from '../identity/access-table.js';
import { accessRouteOf } from '../identity/access.decorator.js';
import { providerOf } from '../identity/authenticated-provider.js';
import { AccessTokenMissing } from '../identity/identity.errors.js';
import { requiredRoles } from '../identity/roles.decorator.js';
import { RoleNotAllowed } from './auth.errors.js';

/**
 * Global, after AccessTokenGuard: a route marked @Roles(...) (or @Access(...)) answers only to those
 * roles — the provider's current role, read from the database by AccessTokenGuard. The error
 * filter records the refusal in the audit trail when the route is patient data's.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    assertNamesItsRoute(accessRouteOf(this.reflector, context), request);
    const roles = requiredRoles(this.reflector, context);
    if (!roles) return true;
    const provider = providerOf(request);
    if (!provider) throw new AccessTokenMissing();
    if (!roles.includes(provider.role)) throw new RoleNotAllowed(roles);
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
