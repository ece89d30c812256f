import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { EmailSettingEntity } from './email-setting.entity';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { SettingsChanges, UserSettings } from './preferences.records';
export type { UserSettings };

const DEFAULT_SETTINGS: UserSettings = { prefs: [], digest: 'off' };

/** Channel choices and digest modes. Entities stay in here: callers give and get records (preferences.records.ts). */
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
    const prefs = await manager.findBy(NotificationPreferenceEntity, { userId: In(userIds) });
    for (const p of prefs)
      result.get(p.userId)?.prefs.push({ eventType: p.eventType, channel: p.channel, enabled: p.enabled });
    const settings = await manager.findBy(EmailSettingEntity, { userId: In(userIds) });
    for (const s of settings) result.get(s.userId)!.digest = s.digest;
    return result;
  }

  async forUser(userId: string): Promise<UserSettings> {
    return (await this.forUsers([userId])).get(userId) ?? DEFAULT_SETTINGS;
  }

  /** Upserts the given choices and the digest mode in one transaction. */
  async save(userId: string, changes: SettingsChanges, now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const p of changes.prefs) {
        const row: NotificationPreferenceEntity = {
          userId,
          eventType: p.eventType,
          channel: p.channel,
          enabled: p.enabled,
          updatedAt: now,
        };
        await manager
          .createQueryBuilder()
          .insert()
          .into(NotificationPreferenceEntity)
          .values(row)
          .orUpdate(['enabled', 'updated_at'], ['user_id', 'event_type', 'channel'])
          .updateEntity(false)
          .execute();
      }
      if (changes.digest) {
        // last_digest_at is the mail sweep's: an insert leaves it to the column's default (null), an update keeps it.
        await manager
          .createQueryBuilder()
          .insert()
          .into(EmailSettingEntity)
          .values({ userId, digest: changes.digest, updatedAt: now })
          .orUpdate(['digest', 'updated_at'], ['user_id'])
          .updateEntity(false)
          .execute();
      }
    });
  }
}
