import { Module } from '@nestjs/common';
import { ProviderAccountsRepository } from './provider-accounts.repository.js';

/**
 * Who is calling and what they may do, shared by every feature: the providers table's owner
 * (ProviderAccountsRepository), the caller of a request (authenticated-provider.ts,
 * @CurrentProvider), roles and the access table (@Access). Features, auth and the audit trail
 * depend on it; it depends on nothing of theirs.
 */
@Module({
  providers: [ProviderAccountsRepository],
  exports: [ProviderAccountsRepository],
})
export class IdentityModule {}
