import { randomBytes, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hashPassword, passwordWeaknesses } from '@clinic/db/passwords';
import { AuditTrail } from '../audit/audit-trail.js';
import { nameKeyAfter, nameKeyOf } from '../common/cursors.js';
import { StaleWrite } from '../common/domain-error.js';
import { assertFresh } from '../common/etag.js';
import { sentFields } from '../common/fields/text.js';
import { type Page, toPage } from '../common/pagination.js';
import type { AuthenticatedProvider } from '../identity/authenticated-provider.js';
import { type ProviderDto, toProviderDto } from '../identity/dto/provider.dto.js';
import { ProviderNotFound } from '../identity/identity.errors.js';
import { ProviderAccountsRepository } from '../identity/provider-accounts.repository.js';
import type { CreateProviderDto } from './dto/create-provider.dto.js';
import type { ListProvidersQueryDto } from './dto/list-providers-query.dto.js';
import type { PasswordResetDto } from './dto/password-reset.dto.js';
import type { UpdateProviderDto } from './dto/update-provider.dto.js';
import { AccountStatusOffLimits, AdminSelfLockout, OtherProviderOffLimits, OwnPasswordReset } from './providers.errors.js';

function assertMayManage(caller: AuthenticatedProvider, providerId: string): void {
  if (caller.role !== 'admin' && caller.id !== providerId) throw new OtherProviderOffLimits();
}

/**
 * A temporary password an admin reads out to a provider: random, and meeting the same policy as
 * any other (so the letter, digit and symbol classes are drawn in, then the rest at random).
 */
function temporaryPassword(): string {
  for (;;) {
    const candidate = `Reset-${randomBytes(12).toString('base64url')}-${randomInt(10, 100)}!`;
    if (/[a-z]/.test(candidate) && passwordWeaknesses(candidate).length === 0) return candidate;
  }
}

@Injectable()
export class ProvidersService {
  constructor(
    private readonly accounts: ProviderAccountsRepository,
    private readonly audit: AuditTrail,
  ) {}

  async listProviders(query: ListProvidersQueryDto): Promise<Page<ProviderDto>> {
    const rows = await this.accounts.listProfiles({ role: query.role, isActive: query.isActive, after: nameKeyAfter(query.cursor), take: query.limit + 1 });
    return toPage(rows, query.limit, nameKeyOf, toProviderDto);
  }

  async registerProvider(body: CreateProviderDto): Promise<ProviderDto> {
    const created = await this.accounts.createProvider({
      email: body.email,
      passwordHash: await hashPassword(body.password),
      firstName: body.firstName,
      lastName: body.lastName,
      specialty: body.specialty ?? null,
      licenseNumber: body.licenseNumber ?? null,
      phone: body.phone ?? null,
      role: body.role ?? 'clinician',
    });
    await this.audit.record({ action: 'create', resourceType: 'provider', resourceId: created.id });
    return toProviderDto(created);
  }

  async readProvider(caller: AuthenticatedProvider, providerId: string): Promise<ProviderDto> {
    assertMayManage(caller, providerId);
    const provider = await this.accounts.findProfile(providerId);
    if (!provider) throw new ProviderNotFound();
    return toProviderDto(provider);
  }

  /**
   * Admins change anyone, role and isActive included; everyone else only their own profile.
   * With If-Match, a change over someone else's newer edit is refused (412). A deactivation or a
   * new role ends the provider's sessions (ProviderAccountsRepository.updateProvider).
   */
  async updateProvider(caller: AuthenticatedProvider, providerId: string, body: UpdateProviderDto, ifMatch: string | undefined): Promise<ProviderDto> {
    assertMayManage(caller, providerId);
    const changes = sentFields(body);
    const changesAccountStatus = changes.role !== undefined || changes.isActive !== undefined;
    if (changesAccountStatus && caller.role !== 'admin') throw new AccountStatusOffLimits();
    if (caller.id === providerId && ((changes.role !== undefined && changes.role !== 'admin') || changes.isActive === false)) {
      throw new AdminSelfLockout();
    }

    const current = await this.accounts.findProfile(providerId);
    if (!current) throw new ProviderNotFound();
    assertFresh(ifMatch, toProviderDto(current));
    if (Object.keys(changes).length === 0) return toProviderDto(current);

    const updated = await this.accounts.updateProvider(current, changes);
    if (!updated) throw new StaleWrite();
    await this.audit.record({ action: 'update', resourceType: 'provider', resourceId: updated.id });
    return toProviderDto(updated);
  }

  /**
   * An admin's reset of another provider's password: a temporary password, shown once in the
   * answer, that must be changed at the next sign-in; every session of the provider ends.
   */
  async resetPassword(caller: AuthenticatedProvider, providerId: string): Promise<PasswordResetDto> {
    if (caller.id === providerId) throw new OwnPasswordReset();
    if (!(await this.accounts.findProfile(providerId))) throw new ProviderNotFound();
    const password = temporaryPassword();
    if ((await this.accounts.changePassword(providerId, { passwordHash: await hashPassword(password), mustChangePassword: true })) === null) {
      throw new ProviderNotFound();
    }
    await this.audit.record({ action: 'update', resourceType: 'provider', resourceId: providerId });
    return { temporaryPassword: password, mustChangePassword: true };
  }
}
