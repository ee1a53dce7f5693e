import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { SignInThrottled } from './auth.errors.js';

// Bounds memory when someone tries many emails or addresses; expired entries go first.
const MAX_TRACKED_KEYS = 10_000;

/** Failed sign-ins per key (an account, a client address), counted over a window. */
class FailureCounter {
  private readonly entries = new Map<string, { failures: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** How long the key must still wait, in ms; 0 when it may try. */
  waitFor(key: string, now: number): number {
    const entry = this.entries.get(key);
    if (!entry || entry.resetAt <= now || entry.failures < this.limit) return 0;
    return entry.resetAt - now;
  }

  recordFailure(key: string, now: number): void {
    const current = this.entries.get(key);
    const entry = current && current.resetAt > now ? current : { failures: 0, resetAt: now + this.windowMs };
    entry.failures += 1;
    // The lockout runs a full window from the failure that reached the limit.
    if (entry.failures >= this.limit) entry.resetAt = now + this.windowMs;
    this.entries.set(key, entry);
    if (this.entries.size > MAX_TRACKED_KEYS) this.prune(now);
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) if (entry.resetAt <= now) this.entries.delete(key);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_TRACKED_KEYS) break;
      this.entries.delete(key);
    }
  }
}

export interface SignInAttempt {
  /** The email as typed (normalised), whether or not it has an account: unknown emails count too. */
  email: string;
  clientAddress: string;
}

/**
 * Slows password guessing: after LOGIN_MAX_FAILURES failures on one account, or
 * LOGIN_MAX_FAILURES_PER_ADDRESS from one client address, sign-ins are refused with 429 for
 * LOGIN_LOCKOUT_SECONDS. The counters live in this process: right for the single API instance this
 * project runs; several instances would each count on their own (move them to the database or a
 * shared store then). A restart forgets them, which costs an attacker nothing they did not have.
 */
@Injectable()
export class LoginThrottle {
  private readonly accounts: FailureCounter;
  private readonly addresses: FailureCounter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const windowMs = config.auth.loginLockoutSeconds * 1000;
    this.accounts = new FailureCounter(config.auth.loginMaxFailures, windowMs);
    this.addresses = new FailureCounter(config.auth.loginMaxFailuresPerAddress, windowMs);
  }

  assertMayTry(attempt: SignInAttempt, now = Date.now()): void {
    const waitMs = Math.max(this.accounts.waitFor(attempt.email, now), this.addresses.waitFor(attempt.clientAddress, now));
    if (waitMs > 0) throw new SignInThrottled(Math.ceil(waitMs / 1000));
  }

  recordFailure(attempt: SignInAttempt, now = Date.now()): void {
    this.accounts.recordFailure(attempt.email, now);
    this.addresses.recordFailure(attempt.clientAddress, now);
  }

  /**
   * The account's slate is wiped; the address's is not, or one valid account would let an
   * address keep guessing the passwords of others.
   */
  recordSuccess(attempt: SignInAttempt): void {
    this.accounts.forget(attempt.email);
  }
}
