import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@dealgate/common';
import { revokedSessionWindowSeconds } from '@dealgate/domain';
import { JobName, sealPersonalData } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { SessionRevocationsRepository } from '../auth/session-revocations.repository';
import { API_KEY_TOKEN_TTL_SECONDS } from '../auth/token-issuer';
import { GatewayEnv } from '../gateway.env';
import { UnitRecord } from './units.repository';
import { UserRecord } from './users.repository';

/**
 * Tells the other services about every user and unit change, in the caller's transaction (outbox), so their
 * directory copies follow. Contact details travel sealed with PII_KEY; the token version and the ids of the
 * sessions ended within an access token's lifetime travel as they are (ids and numbers only), so every service
 * refuses a revoked token within seconds.
 */
@Injectable()
export class DirectoryPublisher {
  constructor(
    private readonly config: GatewayEnv,
    private readonly clock: Clock,
    private readonly sessions: SessionRevocationsRepository,
  ) {}

  async user(user: UserRecord, manager: EntityManager): Promise<void> {
    const window = revokedSessionWindowSeconds(this.config.ACCESS_TOKEN_TTL_SECONDS, API_KEY_TOKEN_TTL_SECONDS);
    const since = new Date(this.clock.now().getTime() - window * 1000);
    await emitJob(manager, JobName.UserUpserted, {
      userId: user.id,
      roles: user.roles,
      unitId: user.unitId,
      groups: user.groups,
      leadOf: user.leadOf,
      active: user.active,
      tokenVersion: user.tokenVersion,
      revokedSessions: await this.sessions.endedSince(user.id, since, manager),
      sealedContact: sealPersonalData({ email: user.email, name: user.name }, this.config.PII_KEY),
      changedAt: this.clock.now().toISOString(),
    });
  }

  async unit(unit: UnitRecord, manager: EntityManager): Promise<void> {
    await emitJob(manager, JobName.UnitUpserted, {
      unitId: unit.id,
      name: unit.name,
      headUserId: unit.headUserId,
      active: unit.active,
      changedAt: this.clock.now().toISOString(),
    });
  }
}
