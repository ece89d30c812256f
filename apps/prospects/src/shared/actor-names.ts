import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DirectoryUserEntity } from '@dealgate/chassis';
import { openPersonalData } from '@dealgate/messages';
import { ProspectsEnv } from '../prospects.env';

/**
 * Display names of the people who acted, from the service's own directory copy. The name travels sealed with the
 * e-mail (PII_KEY); only the name is opened here, on read, and only for the users of one answer: it is never stored
 * in clear or logged.
 */
@Injectable()
export class ActorNames {
  private readonly logger = new Logger(ActorNames.name);

  constructor(private readonly config: ProspectsEnv) {}

  /** Names by user id; a user the copy does not know (yet), or whose seal cannot be opened, is left out. */
  async of(manager: EntityManager, ids: Iterable<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
    const names = new Map<string, string>();
    if (wanted.length === 0) return names;
    const users = await manager.find(DirectoryUserEntity, {
      select: { userId: true, sealedContact: true },
      where: { userId: In(wanted) },
    });
    for (const user of users) {
      try {
        const { name } = openPersonalData<{ name?: unknown }>(user.sealedContact, this.config.PII_KEY);
        if (typeof name === 'string' && name.trim()) names.set(user.userId, name);
      } catch {
        // A seal under another key (a rotation in progress): the console falls back to "a colleague".
        this.logger.warn({ userId: user.userId }, 'directory contact of a user could not be opened');
      }
    }
    return names;
  }
}
