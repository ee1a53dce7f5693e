import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAbsent, ApiIfMatch, ApiInvalidInput, ApiSignedIn, ETAG_HEADER, LOCATION_HEADER } from '../common/api-docs.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { EtagHeader } from '../common/etag-header.interceptor.js';
import { CreatedAt } from '../common/location-header.interceptor.js';
import { UuidParam } from '../common/uuid-param.js';
import { Access } from '../identity/access.decorator.js';
import type { AuthenticatedProvider } from '../identity/authenticated-provider.js';
import { CurrentProvider } from '../identity/current-provider.decorator.js';
import { ProviderDto } from '../identity/dto/provider.dto.js';
import { CreateProviderDto } from './dto/create-provider.dto.js';
import { ListProvidersQueryDto } from './dto/list-providers-query.dto.js';
import { PasswordResetDto } from './dto/password-reset.dto.js';
import { ProviderPageDto } from './dto/provider-page.dto.js';
import { UpdateProviderDto } from './dto/update-provider.dto.js';
import { ProvidersService } from './providers.service.js';

@ApiTags('providers')
@ApiSignedIn()
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  @Access('GET /api/v1/providers')
  @ApiOperation({ summary: 'Providers in name order, a page at a time' })
  @ApiOkResponse({ type: ProviderPageDto })
  @ApiInvalidInput('Invalid role, isActive, limit or cursor')
  listProviders(@Query() query: ListProvidersQueryDto): Promise<ProviderPageDto> {
    return this.providers.listProviders(query);
  }

  @Post()
  @Access('POST /api/v1/providers')
  @UseInterceptors(EtagHeader, CreatedAt('/api/v1/providers'))
  @ApiOperation({ summary: 'Create a provider account' })
  @ApiCreatedResponse({ type: ProviderDto, headers: { ...ETAG_HEADER, ...LOCATION_HEADER } })
  @ApiInvalidInput()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Another provider has this email' })
  registerProvider(@Body() body: CreateProviderDto): Promise<ProviderDto> {
    return this.providers.registerProvider(body);
  }

  @Get(':id')
  @Access('GET /api/v1/providers/{id}')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: 'A provider (admins: anyone; others: themselves)' })
  @ApiOkResponse({ type: ProviderDto, headers: ETAG_HEADER })
  @ApiInvalidInput('id is not a UUID')
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an admin, and not the caller' })
  @ApiAbsent('No such provider')
  readProvider(@UuidParam('id') id: string, @CurrentProvider() caller: AuthenticatedProvider): Promise<ProviderDto> {
    return this.providers.readProvider(caller, id);
  }

  @Patch(':id')
  @Access('PATCH /api/v1/providers/{id}')
  @UseInterceptors(EtagHeader)
  @ApiOperation({
    summary: 'Change a provider (admins: anyone, role and isActive included; others: their own profile)',
    description: "Deactivating a provider or changing their role ends every one of their sessions: their next request answers 401.",
  })
  @ApiOkResponse({ type: ProviderDto, headers: ETAG_HEADER })
  @ApiInvalidInput()
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an admin, and not the caller; or a non-admin sent role or isActive' })
  @ApiAbsent('No such provider')
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Another provider has this email, or an admin tried to demote or deactivate themselves' })
  @ApiIfMatch()
  updateProvider(
    @UuidParam('id') id: string,
    @Body() body: UpdateProviderDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentProvider() caller: AuthenticatedProvider,
  ): Promise<ProviderDto> {
    return this.providers.updateProvider(caller, id, body, ifMatch);
  }

  @Post(':id/password-reset')
  @Access('POST /api/v1/providers/{id}/password-reset')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Reset another provider's password",
    description: 'Answers a temporary password, once. Every session of the provider ends; at their next sign-in they must choose a new password before anything else.',
  })
  @ApiOkResponse({ type: PasswordResetDto })
  @ApiInvalidInput('id is not a UUID')
  @ApiAbsent('No such provider')
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The admin named themselves: change your own password at POST /api/v1/auth/password' })
  resetPassword(@UuidParam('id') id: string, @CurrentProvider() caller: AuthenticatedProvider): Promise<PasswordResetDto> {
    return this.providers.resetPassword(caller, id);
  }
}
