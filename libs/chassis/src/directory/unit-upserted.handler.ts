import { JobName, UnitUpsertedPayload } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';
import { DirectoryUnitEntity } from './directory-unit.entity';

// Events may arrive out of order (retries, several relays): a row only moves forward in `changed_at`.

@HandlesJob(JobName.UnitUpserted)
export class UnitUpsertedHandler implements JobHandler<typeof JobName.UnitUpserted> {
  async handle(p: UnitUpsertedPayload, { manager }: JobContext): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(DirectoryUnitEntity)
      .values({
        unitId: p.unitId,
        name: p.name,
        headUserId: p.headUserId,
        active: p.active ?? true,
        changedAt: new Date(p.changedAt),
      })
      .orUpdate(['name', 'head_user_id', 'active', 'changed_at'], ['unit_id'], {
        overwriteCondition: { where: 'directory_unit.changed_at <= EXCLUDED.changed_at' },
      })
      .updateEntity(false)
      .execute();
  }
}
