import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AccessPolicyRepository } from '../../common/auth/access-policy.repository';
import { JwtAuthGuard } from '../../common/auth/jwt-auth.guard';
import { RolesGuard } from '../../common/auth/roles.guard';
import { AuthConfig, readAuthConfig } from '../../config/auth.config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AUTH_CONFIG } from './auth.tokens';
import { LoginAddressLimiter } from './login-address-limiter';
import { SessionCache } from './session-cache';
import { SessionChangeListener } from './session-change-listener';
import { SessionsRepository } from './sessions.repository';

@Global()
@Module({
  imports: [
    UsersModule,
    // Login attempts per client address and username: slows password guessing before the lockout bites.
    ThrottlerModule.forRoot([{ name: 'login', ttl: 60_000, limit: () => readAuthConfig().loginRateLimit }]),
    JwtModule.registerAsync({
      useFactory: () => {
        // A KeyObject, not a string: jsonwebtoken otherwise first tries the string as a public key on every
        // verification (~0.75 ms of CPU per request, measured in docs/benchmarks.md).
        const key = createSecretKey(Buffer.from(readAuthConfig().jwtSecret));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [
    { provide: AUTH_CONFIG, useFactory: (): AuthConfig => readAuthConfig() },
    AuthService,
    LoginAddressLimiter,
    SessionsRepository,
    {
      provide: SessionCache,
      inject: [AUTH_CONFIG],
      useFactory: (config: AuthConfig) => new SessionCache(config.sessionCacheSeconds * 1000),
    },
    SessionChangeListener,
    AccessPolicy,
    AccessPolicyRepository,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AUTH_CONFIG, SessionsRepository, SessionCache, SessionChangeListener, AccessPolicy],
})
export class AuthModule {}
