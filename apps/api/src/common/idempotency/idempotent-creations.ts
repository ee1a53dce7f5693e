import { randomUUID } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { refusalOf } from '../database-errors.js';
import { IdempotencyKeyReused } from './idempotency.errors.js';
import { IdempotencyKeysRepository, type IdempotencyTransaction } from './idempotency-keys.repository.js';
import type { IdempotentRequest } from './idempotent-request.decorator.js';

/** How long a key answers for its creation. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * What a creation with a key must do in its transaction: claim the key first (a concurrent
 * request with the same key then waits right there, before it writes anything, until the first
 * commits or rolls back), then create its row with `id`, the id the key names.
 */
export interface CreationClaim {
  id: string;
  claimWithin(transaction: IdempotencyTransaction): Promise<void>;
}

export interface CreationSteps<T> {
  /** Creates the resource; with a claim, claims it first in its transaction and uses its id. */
  create(claim?: CreationClaim): Promise<T>;
  /** The resource an earlier request with the same key created, read as a read (audited). */
  replay(id: string): Promise<T>;
}

// The answers that are replays, for the interceptor to mark; weak, so nothing outlives its request.
const replays = new WeakSet<object>();

/**
 * Creations that an Idempotency-Key makes safe to retry. Without a key, a creation runs as it
 * always did. With one: a key this provider used on this route in the last 24 hours answers with
 * what it created (same body) or 409 (another body); otherwise the creation runs and writes the
 * key in its own transaction, so a creation that rolled back (the database went away, a
 * conflict) leaves no key and the retry creates. Two requests with one key at once: the second's
 * insert of the key, the first statement of its transaction, waits for the first's transaction,
 * fails on the primary key when that committed, and the second then answers as a retry would.
 */
@Injectable()
export class IdempotentCreations {
  constructor(private readonly keys: IdempotencyKeysRepository) {}

  async create<T extends object & { id: string }>(request: IdempotentRequest | undefined, steps: CreationSteps<T>, now = new Date()): Promise<T> {
    if (!request) return steps.create();
    const since = new Date(now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS);
    const earlier = await this.keys.findSince(request, since);
    if (earlier) return this.answerAgain(request, earlier, steps);
    const { requestHash } = request;
    const id = randomUUID();
    try {
      return await steps.create({ id, claimWithin: (transaction) => this.keys.rememberWithin(transaction, request, { requestHash, resourceId: id }, since) });
    } catch (error) {
      if (refusalOf(error) !== 'unique') throw error;
      // Another request with this key committed first (or the creation's own unique rule refused
      // it: then no key is there, and the refusal stands).
      const winner = await this.keys.findSince(request, since);
      if (!winner) throw error;
      return this.answerAgain(request, winner, steps);
    }
  }

  private async answerAgain<T extends object & { id: string }>(request: IdempotentRequest, earlier: { requestHash: string; resourceId: string }, steps: CreationSteps<T>): Promise<T> {
    if (earlier.requestHash !== request.requestHash) throw new IdempotencyKeyReused();
    const answer = await steps.replay(earlier.resourceId);
    replays.add(answer);
    return answer;
  }
}

/** Marks a replayed answer: `Idempotent-Replayed: true` (the status stays the creation's 201). */
export class IdempotentReplayHeader implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((answer: unknown) => {
        if (typeof answer === 'object' && answer !== null && replays.has(answer)) void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
        return answer;
      }),
    );
  }
}
