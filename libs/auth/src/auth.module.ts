import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenService } from './access-token.service';
import { AuthGuard } from './auth.guard';

@Module({})
export class AuthModule {
  /** Installs the global guard; every service imports this with the shared secret. */
  static forRoot(secret: string): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [JwtModule.register({ secret })],
      providers: [AccessTokenService, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [AccessTokenService],
    };
  }
}
