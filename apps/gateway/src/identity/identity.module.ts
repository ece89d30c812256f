import { Module } from '@nestjs/common';
import { AuditController } from '../audit/audit.controller';
import { AuditRepository } from '../audit/audit.repository';
import { ApiKeysController } from '../auth/api-keys.controller';
import { ApiKeysRepository } from '../auth/api-keys.repository';
import { ApiKeysService } from '../auth/api-keys.service';
import { AuthController } from '../auth/auth.controller';
import { AuthService } from '../auth/auth.service';
import { RefreshCookie } from '../auth/refresh-cookie';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { SessionRevocationsRepository } from '../auth/session-revocations.repository';
import { TokenIssuer } from '../auth/token-issuer';
import { DirectoryPublisher } from './directory-publisher';
import { FirstAdmin } from './first-admin';
import { PasswordHasher } from './password-hasher';
import { UnitMembersController } from './unit-members.controller';
import { UnitMembersService } from './unit-members.service';
import { UnitsController } from './units.controller';
import { UnitsRepository } from './units.repository';
import { UnitsService } from './units.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Identity: users, units, login and sessions, API keys, the audit log. Needs GatewayEnv provided by the app. */
@Module({
  controllers: [
    AuthController,
    ApiKeysController,
    AuditController,
    UsersController,
    UnitsController,
    UnitMembersController,
  ],
  providers: [
    UsersRepository,
    UnitsRepository,
    RefreshTokensRepository,
    ApiKeysRepository,
    SessionRevocationsRepository,
    AuditRepository,
    PasswordHasher,
    DirectoryPublisher,
    TokenIssuer,
    UsersService,
    UnitsService,
    UnitMembersService,
    AuthService,
    RefreshCookie,
    ApiKeysService,
    FirstAdmin,
  ],
  exports: [ApiKeysService, TokenIssuer, SessionRevocationsRepository],
})
export class IdentityModule {}
