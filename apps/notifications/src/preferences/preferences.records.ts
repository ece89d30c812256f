import { ChannelPreference, DigestMode } from '@dealgate/domain';

// What PreferencesRepository hands out and takes; its entities (notification-preference.entity.ts,
// email-setting.entity.ts) stay inside it.

/** A person's channel choices and digest mode. */
export interface UserSettings {
  prefs: ChannelPreference[];
  digest: DigestMode;
}

export interface SettingsChanges {
  prefs: ChannelPreference[];
  digest?: DigestMode;
}
