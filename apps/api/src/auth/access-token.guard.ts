import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessTokens } from './access-tokens.js';
import { AccessTokenMissing } from './auth.errors.js';
import { rememberProvider } from './authenticated-provider.js';
import { isPublic } from './public.decorator.js';

function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

/** Global: a route answers only to a valid access token, unless it is @Public(). */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublic(this.reflector, context)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    try {
      const token = bearerToken(request.headers.authorization);
      if (!token) throw new AccessTokenMissing();
      rememberProvider(request, await this.accessTokens.verify(token));
      return true;
    } catch (error) {
      // RFC 6750: a 401 from a bearer-protected resource names the scheme it expects.
      http.getResponse<FastifyReply>().header('WWW-Authenticate', 'Bearer realm="clinic"');
      throw error;
    }
  }
}
