import { JobName, UserUpsertedPayload } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';

// Events may arrive out of order (retries, several relays): a row only moves forward in `changed_at`.

@HandlesJob(JobName.UserUpserted)
export class UserUpsertedHandler implements JobHandler<typeof JobName.UserUpserted> {
  async handle(p: UserUpsertedPayload, { manager }: JobContext): Promise<void> {
    // Raw SQL on purpose (DirectoryUserEntity maps the table): the query builder's orUpdate can only set a column to
    // EXCLUDED's value, and the token version must never go back, even under a newer event (GREATEST), or a token
    // already refused would be accepted again.
    await manager.query(
      `INSERT INTO directory_user
         (user_id, roles, unit_id, groups, lead_of, active, sealed_contact, changed_at, token_version, revoked_sessions)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (user_id) DO UPDATE SET roles = EXCLUDED.roles, unit_id = EXCLUDED.unit_id, groups = EXCLUDED.groups,
         lead_of = EXCLUDED.lead_of, active = EXCLUDED.active, sealed_contact = EXCLUDED.sealed_contact, changed_at = EXCLUDED.changed_at,
         token_version = GREATEST(directory_user.token_version, EXCLUDED.token_version), revoked_sessions = EXCLUDED.revoked_sessions
       WHERE directory_user.changed_at <= EXCLUDED.changed_at`,
      [
        p.userId,
        p.roles,
        p.unitId,
        p.groups,
        p.leadOf,
        p.active,
        p.sealedContact,
        p.changedAt,
        p.tokenVersion ?? 0,
        p.revokedSessions ?? [],
      ],
    );
  }
}
