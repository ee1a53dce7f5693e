import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokenMissing, RoleNotAllowed } from './auth.errors.js';
import { providerOf } from './authenticated-provider.js';
import { requiredRoles } from './roles.decorator.js';

/** Global, after AccessTokenGuard: a route marked @Roles(...) answers only to those roles. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = requiredRoles(this.reflector, context);
    if (!roles) return true;
    const provider = providerOf(context.switchToHttp().getRequest());
    if (!provider) throw new AccessTokenMissing();
    if (!roles.includes(provider.role)) throw new RoleNotAllowed(roles);
    return true;
  }
}
