import { Injectable } from '@nestjs/common';
import { Clock } from '@dealgate/common';
import { ChannelPreference, preferenceMatrix } from '@dealgate/domain';
import { PreferencesRepository } from './preferences.repository';
import { PreferencesView, UpdatePreferencesDto } from './preferences.dto';

@Injectable()
export class PreferencesService {
  constructor(
    private readonly preferences: PreferencesRepository,
    private readonly clock: Clock,
  ) {}

  async get(userId: string): Promise<PreferencesView> {
    const settings = await this.preferences.forUser(userId);
    return { digest: settings.digest, events: preferenceMatrix(settings.prefs) };
  }

  /** Applies only what the body names; everything else keeps its value. */
  async update(userId: string, dto: UpdatePreferencesDto): Promise<PreferencesView> {
    const prefs: ChannelPreference[] = (dto.events ?? []).flatMap((e) => [
      ...(e.inApp !== undefined ? [{ eventType: e.eventType, channel: 'in_app' as const, enabled: e.inApp }] : []),
      ...(e.email !== undefined ? [{ eventType: e.eventType, channel: 'email' as const, enabled: e.email }] : []),
    ]);
    await this.preferences.save(userId, { prefs, digest: dto.digest }, this.clock.now());
    return this.get(userId);
  }
}
