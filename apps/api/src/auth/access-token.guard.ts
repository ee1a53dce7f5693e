import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { accessOf, routeKeyOf } from '../identity/access-table.js';
import { rememberProvider } from '../identity/authenticated-provider.js';
import { AccessTokenMissing } from '../identity/identity.errors.js';
import { ProviderAccountsRepository } from '../identity/provider-accounts.repository.js';
import { isPublic } from '../identity/public.decorator.js';
import { AccessTokens } from './access-tokens.js';
import { AccountInactive, PasswordChangeRequired, SessionEnded } from './auth.errors.js';

function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

/**
 * Global: a route answers only to a valid access token, unless it is @Public(). The token says
 * who calls; the database says what they may do now (one indexed read, reused for at most
 * AUTHORITY_CACHE_SECONDS): a deactivated provider, or a token from before the provider's
 * current session epoch (a new role or password, "sign out everywhere"), is 401 on the next
 * request, and the role the guards check is the provider's current one, never the token's.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokens,
    private readonly accounts: ProviderAccountsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublic(this.reflector, context)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    try {
      const token = bearerToken(request.headers.authorization);
      if (!token) throw new AccessTokenMissing();
      const subject = await this.accessTokens.verify(token);
      const authority = await this.accounts.findAuthority(subject.providerId);
      if (!authority || !authority.isActive) throw new AccountInactive();
      if (authority.sessionEpoch !== subject.sessionEpoch) throw new SessionEnded();
      rememberProvider(request, { id: authority.id, role: authority.role });
      if (authority.mustChangePassword && !accessOf(routeKeyOf(request.method === 'HEAD' ? 'GET' : request.method, request.routeOptions.url ?? ''))?.duringPasswordChange) {
        throw new PasswordChangeRequired();
      }
      return true;
    } catch (error) {
      // RFC 6750: a 401 from a bearer-protected resource names the scheme it expects.
      if (!(error instanceof PasswordChangeRequired)) http.getResponse<FastifyReply>().header('WWW-Authenticate', 'Bearer realm="clinic"');
      throw error;
    }
  }
}
