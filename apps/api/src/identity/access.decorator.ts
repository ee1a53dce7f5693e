import { applyDecorators, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ACCESS_TABLE, type AccessRoute, type RouteAccess } from './access-table.js';
import { Public } from './public.decorator.js';
import { Roles } from './roles.decorator.js';

const ACCESS_ROUTE = 'clinic:accessRoute';

/**
 * Who may call this route, as the access table says for it: the route names itself (method and
 * registered path), and the guards check that it is the route being called.
 */
export const Access = (route: AccessRoute) => {
  const access: RouteAccess = ACCESS_TABLE[route];
  const who = access.allow === 'public' ? [Public()] : access.allow === 'signed-in' ? [] : [Roles(...access.allow)];
  return applyDecorators(SetMetadata(ACCESS_ROUTE, route), ...who);
};

/** The table's route named by the handler's @Access, if it has one. */
export function accessRouteOf(reflector: Reflector, context: ExecutionContext): AccessRoute | undefined {
  return reflector.get<AccessRoute | undefined>(ACCESS_ROUTE, context.getHandler());
}
