import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { accessOf, routeKeyOf } from '../identity/access-table.js';
import { providerOf } from '../identity/authenticated-provider.js';
import { ListingThrottled } from './auth.errors.js';
import { secondsLeftIn, ThrottleCountersRepository } from './throttle-counters.repository.js';

const WINDOW_SECONDS = 60;

/** An allowance is this share of the limit (one request below 40 a minute)… */
const ALLOWANCE_SHARE = 20;
/** …and never more than this many requests. */
const ALLOWANCE_MOST = 100;
/** Past this many providers held, those whose window has ended are forgotten, at most once a window. */
const HELD_BEFORE_SWEEP = 1_000;

/** What this replica holds of one provider's shared count for the current window. */
interface Allowance {
  /** Requests this replica may still answer without asking the database. */
  left: number;
  /** The shared count was spent when this replica last asked: refuse until the window ends. */
  spent: boolean;
  /** The window's end, by the database's clock. */
  windowEndsAt: Date;
  /** A claim on its way to the database: requests that find no allowance wait for it. */
  claiming?: Promise<void>;
}

/**
 * A replica's allowances of the shared list counts. Asking the database for every list or search
 * cost a round trip and a counter update per request (about 1 ms of a search's 10 to 15 on the
 * benchmark's machine, docs/performance.md). A replica instead takes an allowance of several
 * requests in one update of the shared count (`limit / ALLOWANCE_SHARE`, at most
 * ALLOWANCE_MOST) and answers from it until it is used up.
 *
 * The limit still holds across replicas: the count only ever grows by what replicas took, and a
 * claim is granted only what is left below the limit, so no window answers a provider more than
 * the limit. One replica refuses exactly at the limit. With several, an allowance another replica
 * holds and does not use before the window ends is lost to the provider: at most
 * (replicas − 1) × (allowance − 1) requests refused early in a window. An allowance lasts until
 * its window's end by the database's clock, read on the replica's: with clocks in step (NTP) no
 * request is answered from an old window's allowance; a replica whose clock lags by some seconds
 * may answer up to allowance − 1 requests of a new window from the old one's. Below 40 a minute an
 * allowance is a single request, counted as before.
 */
class ListAllowances {
  private readonly held = new Map<string, Allowance>();
  private readonly allowance: number;
  /** No sweep before this instant: a large clinic's live providers are not walked on every claim. */
  private nextSweepAt = 0;

  constructor(
    private readonly counters: ThrottleCountersRepository,
    private readonly limit: number,
  ) {
    this.allowance = Math.min(ALLOWANCE_MOST, Math.max(1, Math.floor(limit / ALLOWANCE_SHARE)));
  }

  /** Takes one request from the key's allowance: undefined when it may be answered, else when its window ends. */
  async take(key: string): Promise<Date | undefined> {
    for (;;) {
      const held = this.held.get(key);
      if (held?.claiming) {
        // Rejects as the claim did (the database is unavailable): this request fails with it.
        await held.claiming;
        continue;
      }
      if (held && held.windowEndsAt.getTime() > Date.now()) {
        if (held.left > 0) {
          held.left--;
          return undefined;
        }
        if (held.spent) return held.windowEndsAt;
      }
      const claimed = await this.claim(key);
      if (claimed !== 'taken by others') return claimed;
    }
  }

  /**
   * Adds an allowance from the shared count to what this replica holds of the key (none left, or
   * its window over), and takes the claimer's request from it before the requests that waited for
   * the claim take theirs. The claimer answers from its own claim whatever the clocks say: a
   * replica whose clock runs ahead of the database's would otherwise find every claim of a window's
   * last moments stale and claim again and again.
   */
  private async claim(key: string): Promise<Date | undefined | 'taken by others'> {
    if (this.held.size >= HELD_BEFORE_SWEEP && Date.now() >= this.nextSweepAt) this.sweep();
    const allowance: Allowance = { left: 0, spent: false, windowEndsAt: new Date(0) };
    allowance.claiming = this.counters
      .count(key, WINDOW_SECONDS, { attempts: this.allowance })
      .then(({ count, windowEndsAt }) => {
        // The count grew by a whole allowance; only the part at or below the limit may be answered.
        allowance.left = Math.max(0, Math.min(this.allowance, this.limit - (count - this.allowance)));
        allowance.spent = allowance.left === 0;
        allowance.windowEndsAt = windowEndsAt;
      })
      .finally(() => {
        allowance.claiming = undefined;
      });
    this.held.set(key, allowance);
    await allowance.claiming;
    if (allowance.spent) return allowance.windowEndsAt;
    if (allowance.left === 0) return 'taken by others';
    allowance.left--;
    return undefined;
  }

  private sweep(): void {
    const now = Date.now();
    this.nextSweepAt = now + WINDOW_SECONDS * 1000;
    for (const [key, allowance] of this.held) if (!allowance.claiming && allowance.windowEndsAt.getTime() <= now) this.held.delete(key);
  }
}

/**
 * Global, after RolesGuard: the routes the access table marks `enumerates` (lists and searches)
 * answer each provider at most LIST_RATE_LIMIT_PER_MINUTE times a minute, then 429 with
 * Retry-After, so that a stolen or misused account cannot walk the whole patient list. Counted in
 * the database (ThrottleCountersRepository), so every replica shares one count per provider, in
 * allowances a replica takes several requests at a time (ListAllowances).
 */
@Injectable()
export class ListThrottleGuard implements CanActivate {
  private readonly allowances: ListAllowances;

  constructor(counters: ThrottleCountersRepository, @Inject(APP_CONFIG) config: AppConfig) {
    this.allowances = new ListAllowances(counters, config.listRateLimitPerMinute);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // Looked up by the route served, so a list counts even if its controller forgot @Access.
    if (!accessOf(routeKeyOf(request.method === 'HEAD' ? 'GET' : request.method, request.routeOptions.url ?? ''))?.enumerates) return true;
    const provider = providerOf(request);
    if (!provider) return true;
    const refusedUntil = await this.allowances.take(`list ${provider.id}`);
    if (refusedUntil) throw new ListingThrottled(secondsLeftIn(refusedUntil));
    return true;
  }
}
