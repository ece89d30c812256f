import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
    const rows = await manager.query<{ user_id: string; sealed_contact: string }[]>(
      'SELECT user_id, sealed_contact FROM directory_user WHERE user_id = ANY($1::uuid[])',
      [wanted],
    );
    for (const row of rows) {
      try {
        const { name } = openPersonalData<{ name?: unknown }>(row.sealed_contact, this.config.PII_KEY);
        if (typeof name === 'string' && name.trim()) names.set(row.user_id, name);
      } catch {
        // A seal under another key (a rotation in progress): the console falls back to "a colleague".
        this.logger.warn({ userId: row.user_id }, 'directory contact of a user could not be opened');
      }
    }
    return names;
  }
}
