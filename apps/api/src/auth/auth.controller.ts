import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProviderDto } from '../providers/dto/provider.dto.js';
import { AuthService } from './auth.service.js';
import type { AuthenticatedProvider } from './authenticated-provider.js';
import { CurrentProvider } from './current-provider.decorator.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { RefreshTokenDto } from './dto/refresh-token.dto.js';
import { SessionDto } from './dto/session.dto.js';
import { SignInDto } from './dto/sign-in.dto.js';
import { Access } from './access.decorator.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Access('POST /api/v1/auth/login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiOkResponse({ type: SessionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid input: the field errors are listed' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Email or password incorrect, or the account is deactivated (one answer for all)' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'Too many failed sign-ins for this account or from this address',
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  })
  signIn(@Body() body: SignInDto, @Ip() clientAddress: string): Promise<SessionDto> {
    return this.auth.signIn({ email: body.email, clientAddress }, body.password);
  }

  @Post('refresh')
  @Access('POST /api/v1/auth/refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; the one sent stops working' })
  @ApiOkResponse({ type: SessionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid input: the field errors are listed' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Unknown, expired, idle, revoked or reused token (reuse ends the whole sign-in)' })
  refreshSession(@Body() body: RefreshTokenDto): Promise<SessionDto> {
    return this.auth.refreshSession(body.refreshToken);
  }

  @Post('logout')
  @Access('POST /api/v1/auth/logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: the refresh token, and every token of its sign-in, stop working' })
  @ApiNoContentResponse({ description: 'Signed out (also when the token was unknown or already revoked)' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid input: the field errors are listed' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'No valid access token' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'The refresh token belongs to another provider' })
  signOut(@Body() body: RefreshTokenDto, @CurrentProvider() caller: AuthenticatedProvider): Promise<void> {
    return this.auth.signOut(caller, body.refreshToken);
  }

  @Get('me')
  @Access('GET /api/v1/auth/me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in provider' })
  @ApiOkResponse({ type: ProviderDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'No valid access token, or the account was deactivated' })
  describeCaller(@CurrentProvider() caller: AuthenticatedProvider): Promise<ProviderDto> {
    return this.auth.describeCaller(caller);
  }
}
