import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Channel, ChannelPreference, DigestMode, NotifiableEvent } from '@dealgate/domain';

export interface UserSettings {
  prefs: ChannelPreference[];
  digest: DigestMode;
}

const DEFAULT_SETTINGS: UserSettings = { prefs: [], digest: 'off' };

@Injectable()
export class PreferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Settings of several people at once (the recipients of one event); defaults for those who set nothing. */
  async forUsers(
    userIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, UserSettings>> {
    const result = new Map<string, UserSettings>(
      userIds.map((id) => [id, { prefs: [], digest: DEFAULT_SETTINGS.digest }]),
    );
    if (userIds.length === 0) return result;
    const prefs = await manager.query<
      { user_id: string; event_type: NotifiableEvent; channel: Channel; enabled: boolean }[]
    >('SELECT user_id, event_type, channel, enabled FROM notification_preference WHERE user_id = ANY($1::uuid[])', [
      userIds,
    ]);
    for (const p of prefs)
      result.get(p.user_id)?.prefs.push({ eventType: p.event_type, channel: p.channel, enabled: p.enabled });
    const digests = await manager.query<{ user_id: string; digest: DigestMode }[]>(
      'SELECT user_id, digest FROM email_setting WHERE user_id = ANY($1::uuid[])',
      [userIds],
    );
    for (const d of digests) result.get(d.user_id)!.digest = d.digest;
    return result;
  }

  async forUser(userId: string): Promise<UserSettings> {
    return (await this.forUsers([userId])).get(userId) ?? DEFAULT_SETTINGS;
  }

  /** Upserts the given choices and the digest mode in one transaction. */
  async save(userId: string, changes: { prefs: ChannelPreference[]; digest?: DigestMode }, now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const p of changes.prefs) {
        await manager.query(
          `INSERT INTO notification_preference (user_id, event_type, channel, enabled, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (user_id, event_type, channel) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at`,
          [userId, p.eventType, p.channel, p.enabled, now],
        );
      }
      if (changes.digest) {
        await manager.query(
          `INSERT INTO email_setting (user_id, digest, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (user_id) DO UPDATE SET digest = EXCLUDED.digest, updated_at = EXCLUDED.updated_at`,
          [userId, changes.digest, now],
        );
      }
    });
  }
}
