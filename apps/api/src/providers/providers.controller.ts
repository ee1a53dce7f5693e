import { Body, Controller, Get, Headers, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedProvider } from '../auth/authenticated-provider.js';
import { CurrentProvider } from '../auth/current-provider.decorator.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { Access } from '../auth/access.decorator.js';
import { ApiSignedIn, ETAG_HEADER } from '../common/api-docs.js';
import { etagOf } from '../common/etag.js';
import { UuidParam } from '../common/uuid-param.js';
import { CreateProviderDto } from './dto/create-provider.dto.js';
import { ListProvidersQueryDto } from './dto/list-providers-query.dto.js';
import { ProviderPageDto } from './dto/provider-page.dto.js';
import { ProviderDto } from './dto/provider.dto.js';
import { UpdateProviderDto } from './dto/update-provider.dto.js';
import { ProvidersService } from './providers.service.js';

const ID_PARAM = { name: 'id', format: 'uuid', description: 'The provider id' };

@ApiTags('providers')
@ApiSignedIn()
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid input: the field errors are listed' })
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get()
  @Access('GET /api/v1/providers')
  @ApiOperation({ summary: 'Providers in name order, a page at a time' })
  @ApiOkResponse({ type: ProviderPageDto })
  listProviders(@Query() query: ListProvidersQueryDto): Promise<ProviderPageDto> {
    return this.providers.listProviders(query);
  }

  @Post()
  @Access('POST /api/v1/providers')
  @ApiOperation({ summary: 'Create a provider account' })
  @ApiCreatedResponse({ type: ProviderDto, headers: ETAG_HEADER })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Another provider has this email' })
  async registerProvider(@Body() body: CreateProviderDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProviderDto> {
    const provider = await this.providers.registerProvider(body);
    reply.header('ETag', etagOf(provider)).header('Location', `/api/v1/providers/${provider.id}`);
    return provider;
  }

  @Get(':id')
  @Access('GET /api/v1/providers/{id}')
  @ApiParam(ID_PARAM)
  @ApiOperation({ summary: 'A provider (admins: anyone; others: themselves)' })
  @ApiOkResponse({ type: ProviderDto, headers: ETAG_HEADER })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an admin, and not the caller' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async readProvider(
    @UuidParam('id') id: string,
    @CurrentProvider() caller: AuthenticatedProvider,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProviderDto> {
    const provider = await this.providers.readProvider(caller, id);
    reply.header('ETag', etagOf(provider));
    return provider;
  }

  @Patch(':id')
  @Access('PATCH /api/v1/providers/{id}')
  @ApiParam(ID_PARAM)
  @ApiOperation({ summary: 'Change a provider (admins: anyone, role and isActive included; others: their own profile)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag read: the update is refused (412) if the provider changed since' })
  @ApiOkResponse({ type: ProviderDto, headers: ETAG_HEADER })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an admin, and not the caller; or a non-admin sent role or isActive' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Another provider has this email, or an admin tried to demote or deactivate themselves' })
  @ApiPreconditionFailedResponse({ type: ErrorResponseDto, description: 'If-Match does not match the current ETag' })
  async updateProvider(
    @UuidParam('id') id: string,
    @Body() body: UpdateProviderDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentProvider() caller: AuthenticatedProvider,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProviderDto> {
    const provider = await this.providers.updateProvider(caller, id, body, ifMatch);
    reply.header('ETag', etagOf(provider));
    return provider;
  }
}
