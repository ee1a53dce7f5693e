import { Global, Module } from '@nestjs/common';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';
import { IdempotentCreations } from './idempotent-creations.js';

/** Idempotency-Keys for the creations that accept one (patients, appointments). */
@Global()
@Module({
  providers: [IdempotencyKeysRepository, IdempotentCreations],
  exports: [IdempotentCreations],
})
export class IdempotencyModule {}
