import { JobName, UnitUpsertedPayload } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';

// Events may arrive out of order (retries, several relays): a row only moves forward in `changed_at`.

@HandlesJob(JobName.UnitUpserted)
export class UnitUpsertedHandler implements JobHandler<typeof JobName.UnitUpserted> {
  async handle(p: UnitUpsertedPayload, { manager }: JobContext): Promise<void> {
    await manager.query(
      `INSERT INTO directory_unit (unit_id, name, head_user_id, active, changed_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (unit_id) DO UPDATE SET name = EXCLUDED.name, head_user_id = EXCLUDED.head_user_id,
         active = EXCLUDED.active, changed_at = EXCLUDED.changed_at
       WHERE directory_unit.changed_at <= EXCLUDED.changed_at`,
      [p.unitId, p.name, p.headUserId, p.active ?? true, p.changedAt],
    );
  }
}
