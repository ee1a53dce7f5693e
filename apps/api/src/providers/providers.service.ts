import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { hashPassword } from '@clinic/db/passwords';
import type { AuthenticatedProvider } from '../auth/authenticated-provider.js';
import { InvalidCursor, StaleWrite } from '../common/domain-error.js';
import { assertFresh } from '../common/etag.js';
import { decodeCursor, type Page, type PageQueryDto, toPage } from '../common/pagination.js';
import type { CreateProviderDto } from './dto/create-provider.dto.js';
import type { ListProvidersQueryDto } from './dto/list-providers-query.dto.js';
import { type ProviderDto, toProviderDto } from './dto/provider.dto.js';
import type { UpdateProviderDto } from './dto/update-provider.dto.js';
import type { ProviderChanges, ProviderListKey } from './provider-profile.js';
import { AccountStatusOffLimits, AdminSelfLockout, OtherProviderOffLimits, ProviderNotFound } from './providers.errors.js';
import { ProvidersRepository } from './providers.repository.js';

function listKeyFrom(query: PageQueryDto): ProviderListKey | undefined {
  if (query.cursor === undefined) return undefined;
  const [lastName, firstName, id] = decodeCursor(query.cursor, 3);
  // A hand-made cursor must not reach the database with a malformed uuid (that would be a 500).
  if (typeof lastName !== 'string' || typeof firstName !== 'string' || typeof id !== 'string' || !isUUID(id)) throw new InvalidCursor();
  return [lastName, firstName, id];
}

function assertMayManage(caller: AuthenticatedProvider, providerId: string): void {
  if (caller.role !== 'admin' && caller.id !== providerId) throw new OtherProviderOffLimits();
}

/** Only the fields the body names (the validation pipe let no others in): absent ones stay. */
function changesFrom(body: UpdateProviderDto): ProviderChanges {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

@Injectable()
export class ProvidersService {
  constructor(private readonly providers: ProvidersRepository) {}

  async listProviders(query: ListProvidersQueryDto): Promise<Page<ProviderDto>> {
    const rows = await this.providers.listProfiles({ role: query.role, isActive: query.isActive, after: listKeyFrom(query), take: query.limit + 1 });
    return toPage(rows, query.limit, (row) => [row.lastName, row.firstName, row.id], toProviderDto);
  }

  async registerProvider(body: CreateProviderDto): Promise<ProviderDto> {
    const created = await this.providers.createProvider({
      email: body.email,
      passwordHash: await hashPassword(body.password),
      firstName: body.firstName,
      lastName: body.lastName,
      specialty: body.specialty ?? null,
      licenseNumber: body.licenseNumber ?? null,
      phone: body.phone ?? null,
      role: body.role ?? 'clinician',
    });
    return toProviderDto(created);
  }

  async readProvider(caller: AuthenticatedProvider, providerId: string): Promise<ProviderDto> {
    assertMayManage(caller, providerId);
    const provider = await this.providers.findProfile(providerId);
    if (!provider) throw new ProviderNotFound();
    return toProviderDto(provider);
  }

  /**
   * Admins change anyone, role and isActive included; everyone else only their own profile.
   * With If-Match, a change over someone else's newer edit is refused (412).
   */
  async updateProvider(caller: AuthenticatedProvider, providerId: string, body: UpdateProviderDto, ifMatch: string | undefined): Promise<ProviderDto> {
    assertMayManage(caller, providerId);
    const changes = changesFrom(body);
    const changesAccountStatus = changes.role !== undefined || changes.isActive !== undefined;
    if (changesAccountStatus && caller.role !== 'admin') throw new AccountStatusOffLimits();
    if (caller.id === providerId && ((changes.role !== undefined && changes.role !== 'admin') || changes.isActive === false)) {
      throw new AdminSelfLockout();
    }

    const current = await this.providers.findProfile(providerId);
    if (!current) throw new ProviderNotFound();
    assertFresh(ifMatch, toProviderDto(current));
    if (Object.keys(changes).length === 0) return toProviderDto(current);

    const updated = await this.providers.updateProvider(providerId, current.updatedAt, changes);
    if (!updated) throw new StaleWrite();
    return toProviderDto(updated);
  }
}
