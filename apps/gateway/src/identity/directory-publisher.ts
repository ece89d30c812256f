import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@dealgate/common';
import { JobName, sealPersonalData } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { GatewayEnv } from '../gateway.env';
import { UnitRecord } from './units.repository';
import { UserRecord } from './users.repository';

/**
 * Tells the other services about every user and unit change, in the caller's transaction (outbox), so their
 * directory copies follow. Contact details travel sealed with PII_KEY.
 */
@Injectable()
export class DirectoryPublisher {
  constructor(
    private readonly config: GatewayEnv,
    private readonly clock: Clock,
  ) {}

  async user(user: UserRecord, manager: EntityManager): Promise<void> {
    await emitJob(manager, JobName.UserUpserted, {
      userId: user.id,
      roles: user.roles,
      unitId: user.unitId,
      groups: user.groups,
      leadOf: user.leadOf,
      active: user.active,
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
