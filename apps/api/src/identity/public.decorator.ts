import { type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

const IS_PUBLIC = 'clinic:isPublic';

/**
 * Every route needs a valid access token (AccessTokenGuard is global) unless it carries this:
 * forgetting it on a new route fails closed.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export function isPublic(reflector: Reflector, context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]) === true;
}
