import { AuditLogEntity } from './audit/audit.entity';
import { ApiKeyEntity } from './auth/api-key.entity';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { UnitEntity } from './identity/unit.entity';
import { AppUserEntity } from './identity/user.entity';

/**
 * The entities registered with the service's data source (gateway.module.ts). Mappings only: the migrations build
 * the tables, and tools/migrations/entities-match-schema.int-spec.ts checks this list against what they build.
 */
export const GATEWAY_ENTITIES = [AppUserEntity, UnitEntity, ApiKeyEntity, RefreshTokenEntity, AuditLogEntity];
