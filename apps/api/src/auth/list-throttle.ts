import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { accessOf, routeKeyOf } from '../identity/access-table.js';
import { providerOf } from '../identity/authenticated-provider.js';
import { ListingThrottled } from './auth.errors.js';
import { ThrottleCountersRepository } from './throttle-counters.repository.js';

const WINDOW_SECONDS = 60;

/**
 * Global, after RolesGuard: the routes the access table marks `enumerates` (lists and searches)
 * answer each provider at most LIST_RATE_LIMIT_PER_MINUTE times a minute, then 429 with
 * Retry-After, so that a stolen or misused account cannot walk the whole patient list. Counted in
 * the database (ThrottleCountersRepository), so every replica shares one count per provider.
 */
@Injectable()
export class ListThrottleGuard implements CanActivate {
  private readonly limit: number;

  constructor(
    private readonly counters: ThrottleCountersRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limit = config.listRateLimitPerMinute;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // Looked up by the route served, so a list counts even if its controller forgot @Access.
    if (!accessOf(routeKeyOf(request.method === 'HEAD' ? 'GET' : request.method, request.routeOptions.url ?? ''))?.enumerates) return true;
    const provider = providerOf(request);
    if (!provider) return true;
    const { count, windowEndsAt } = await this.counters.count(`list ${provider.id}`, WINDOW_SECONDS);
    if (count > this.limit) throw new ListingThrottled(Math.max(1, Math.ceil((windowEndsAt.getTime() - Date.now()) / 1000)));
    return true;
  }
}
