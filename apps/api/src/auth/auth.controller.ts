import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiInvalidInput, ApiSignedIn, RETRY_AFTER_HEADER } from '../common/api-docs.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { Access } from '../identity/access.decorator.js';
import type { AuthenticatedProvider } from '../identity/authenticated-provider.js';
import { CurrentProvider } from '../identity/current-provider.decorator.js';
import { ProviderDto } from '../identity/dto/provider.dto.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { RefreshTokenDto } from './dto/refresh-token.dto.js';
import { SessionDto } from './dto/session.dto.js';
import { SignInDto } from './dto/sign-in.dto.js';

const THROTTLED = { type: ErrorResponseDto, headers: RETRY_AFTER_HEADER };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Access('POST /api/v1/auth/login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description: 'After an admin reset the password, the answer has provider.mustChangePassword true: choose a new password before anything else.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiInvalidInput()
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Email or password incorrect, or the account is deactivated (one answer for all)' })
  @ApiTooManyRequestsResponse({ ...THROTTLED, description: 'Too many sign-in attempts for this account or from this address' })
  signIn(@Body() body: SignInDto, @Ip() clientAddress: string): Promise<SessionDto> {
    return this.auth.signIn({ email: body.email, clientAddress }, body.password);
  }

  @Post('refresh')
  @Access('POST /api/v1/auth/refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; the one sent stops working' })
  @ApiOkResponse({ type: SessionDto })
  @ApiInvalidInput()
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Unknown, expired, idle, revoked or reused token (reuse ends the whole sign-in), or the session ended' })
  refreshSession(@Body() body: RefreshTokenDto): Promise<SessionDto> {
    return this.auth.refreshSession(body.refreshToken);
  }

  @Post('logout')
  @Access('POST /api/v1/auth/logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiSignedIn()
  @ApiOperation({ summary: 'Sign out: the refresh token, and every token of its sign-in, stop working' })
  @ApiNoContentResponse({ description: 'Signed out (also when the token was unknown or already revoked)' })
  @ApiInvalidInput()
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'The refresh token belongs to another provider' })
  signOut(@Body() body: RefreshTokenDto, @CurrentProvider() caller: AuthenticatedProvider): Promise<void> {
    return this.auth.signOut(caller, body.refreshToken);
  }

  @Post('logout-all')
  @Access('POST /api/v1/auth/logout-all')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiSignedIn()
  @ApiOperation({ summary: 'Sign out everywhere: every session of the caller ends, this one included' })
  @ApiNoContentResponse({ description: 'Every access and refresh token of the caller stops working' })
  signOutEverywhere(@CurrentProvider() caller: AuthenticatedProvider): Promise<void> {
    return this.auth.signOutEverywhere(caller);
  }

  @Post('password')
  @Access('POST /api/v1/auth/password')
  @HttpCode(HttpStatus.OK)
  @ApiSignedIn()
  @ApiOperation({
    summary: 'Change your own password',
    description: 'Needs the current password. Every other session of the caller ends; the answer is a new session to carry on with.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiInvalidInput('The new password does not meet the policy, or equals the current one')
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'The current password is incorrect' })
  @ApiTooManyRequestsResponse({ ...THROTTLED, description: 'Too many wrong current passwords' })
  changePassword(@Body() body: ChangePasswordDto, @CurrentProvider() caller: AuthenticatedProvider): Promise<SessionDto> {
    return this.auth.changePassword(caller, body.currentPassword, body.newPassword);
  }

  @Get('me')
  @Access('GET /api/v1/auth/me')
  @ApiSignedIn()
  @ApiOperation({ summary: 'The signed-in provider' })
  @ApiOkResponse({ type: ProviderDto })
  describeCaller(@CurrentProvider() caller: AuthenticatedProvider): Promise<ProviderDto> {
    return this.auth.describeCaller(caller);
  }
}
