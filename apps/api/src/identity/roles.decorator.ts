import { applyDecorators, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import type { ProviderRole } from './provider-role.js';

const ROLES = 'clinic:roles';

/** Only providers with one of these roles may call the route (403 otherwise); documented as such. */
export const Roles = (...roles: ProviderRole[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiForbiddenResponse({ type: ErrorResponseDto, description: `Only for ${roles.join(', ')} providers` }),
  );

export function requiredRoles(reflector: Reflector, context: ExecutionContext): ProviderRole[] | undefined {
  return reflector.getAllAndOverride<ProviderRole[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
}
