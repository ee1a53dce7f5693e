import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { SignInThrottled } from './auth.errors.js';
import { secondsLeftIn, ThrottleCountersRepository } from './throttle-counters.repository.js';

export interface SignInAttempt {
  /** The email as typed (normalised), whether or not it has an account: unknown emails count too. */
  email: string;
  clientAddress: string;
}

/**
 * Slows password guessing: at most LOGIN_MAX_FAILURES attempts on one account, and
 * LOGIN_MAX_FAILURES_PER_ADDRESS from one client address, are evaluated per LOGIN_LOCKOUT_SECONDS;
 * the rest get 429 with Retry-After without their password being looked at. An attempt is counted
 * *before* its password is verified (reserve), atomically in the database: twenty concurrent
 * guesses cannot all slip in while the first five are still being checked, and every API replica
 * counts in the same place. A success gives its slot back (signedIn).
 */
@Injectable()
export class LoginThrottle {
  private readonly windowSeconds: number;
  private readonly perAccount: number;
  private readonly perAddress: number;

  constructor(
    private readonly counters: ThrottleCountersRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.windowSeconds = config.auth.loginLockoutSeconds;
    this.perAccount = config.auth.loginMaxFailures;
    this.perAddress = config.auth.loginMaxFailuresPerAddress;
  }

  /** Counts the attempt against its account and its address; SignInThrottled when either is over its limit. */
  async reserve(attempt: SignInAttempt): Promise<void> {
    await this.take(`sign-in account ${attempt.email}`, this.perAccount);
    await this.take(`sign-in address ${attempt.clientAddress}`, this.perAddress);
  }

  /**
   * The account's slate is wiped; the address gives back only this attempt's slot, or one valid
   * account would let an address keep guessing the passwords of others.
   */
  async signedIn(attempt: SignInAttempt): Promise<void> {
    await this.counters.forget(`sign-in account ${attempt.email}`);
    await this.counters.uncount(`sign-in address ${attempt.clientAddress}`);
  }

  /** Guesses at the current password of a signed-in account (a stolen token) count like sign-ins. */
  async reservePasswordCheck(providerId: string): Promise<void> {
    await this.take(`password check ${providerId}`, this.perAccount);
  }

  async passwordChecked(providerId: string): Promise<void> {
    await this.counters.forget(`password check ${providerId}`);
  }

  private async take(key: string, limit: number): Promise<void> {
    const { count, windowEndsAt } = await this.counters.count(key, this.windowSeconds, { lockAt: limit });
    if (count > limit) throw new SignInThrottled(secondsLeftIn(windowEndsAt));
  }
}
