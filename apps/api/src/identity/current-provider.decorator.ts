import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AccessTokenMissing } from './identity.errors.js';
import { providerOf } from './authenticated-provider.js';

/** The signed-in provider (`{ id, role }`) of a route that is not @Public(). */
export const CurrentProvider = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const provider = providerOf(context.switchToHttp().getRequest());
  // Only a @Public() route can get here without one, and such a route has no caller to name.
  if (!provider) throw new AccessTokenMissing();
  return provider;
});
