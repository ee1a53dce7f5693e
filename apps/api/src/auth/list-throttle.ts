import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { accessOf, routeKeyOf } from './access-table.js';
import { ListingThrottled } from './auth.errors.js';
import { providerOf } from './authenticated-provider.js';

const WINDOW_MS = 60_000;
// Bounds memory however many providers list at once; expired windows go first.
const MAX_TRACKED_PROVIDERS = 10_000;

/** Requests per key in fixed one-minute windows. */
export class RequestsPerMinute {
  private readonly windows = new Map<string, { requests: number; resetAt: number }>();

  constructor(private readonly limit: number) {}

  /** Counts the request; how long the key must wait, in ms, when it is over the limit (0 otherwise). */
  take(key: string, now: number): number {
    const current = this.windows.get(key);
    const window = current && current.resetAt > now ? current : { requests: 0, resetAt: now + WINDOW_MS };
    if (window.requests >= this.limit) return window.resetAt - now;
    window.requests += 1;
    this.windows.set(key, window);
    if (this.windows.size > MAX_TRACKED_PROVIDERS) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    for (const key of this.windows.keys()) {
      if (this.windows.size <= MAX_TRACKED_PROVIDERS) break;
      this.windows.delete(key);
    }
  }
}

/**
 * Global, after RolesGuard: the routes the access table marks `enumerates` (lists and searches)
 * answer each provider at most LIST_RATE_LIMIT_PER_MINUTE times a minute, then 429 with
 * Retry-After, so that a stolen or misused account cannot walk the whole patient list. Counted in
 * this process, like the login throttle: right for the single API instance this project runs.
 */
@Injectable()
export class ListThrottleGuard implements CanActivate {
  private readonly requests: RequestsPerMinute;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.requests = new RequestsPerMinute(config.listRateLimitPerMinute);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // Looked up by the route served, so a list counts even if its controller forgot @Access.
    if (!accessOf(routeKeyOf(request.method === 'HEAD' ? 'GET' : request.method, request.routeOptions.url ?? ''))?.enumerates) return true;
    const provider = providerOf(request);
    if (!provider) return true;
    const waitMs = this.requests.take(provider.id, Date.now());
    if (waitMs > 0) throw new ListingThrottled(Math.ceil(waitMs / 1000));
    return true;
  }
}
