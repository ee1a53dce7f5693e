import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { AccessTokenGuard } from './access-token.guard.js';
import { AccessTokens } from './access-tokens.js';
import { AuthAudit } from './auth-audit.js';
import { AuthController } from './auth.controller.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { ListThrottleGuard } from './list-throttle.js';
import { LoginThrottle } from './login-throttle.js';
import { RolesGuard } from './roles.guard.js';
import { SessionCleanup } from './session-cleanup.js';
import { ThrottleCountersRepository } from './throttle-counters.repository.js';

/**
 * Sign-in, sessions, and the global guards every route passes: first who is calling and whether
 * their session still stands (AccessTokenGuard), then whether their current role may
 * (RolesGuard), then, on lists and searches, whether they are listing too fast
 * (ListThrottleGuard). Global guards run in the order they are registered here.
 */
@Module({
  imports: [IdentityModule, AuditModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    AuthRepository,
    AccessTokens,
    AuthAudit,
    LoginThrottle,
    ThrottleCountersRepository,
    SessionCleanup,
    { provide: APP_GUARD, useClass: AccessTokenGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: ListThrottleGuard },
  ],
})
export class AuthModule {}
