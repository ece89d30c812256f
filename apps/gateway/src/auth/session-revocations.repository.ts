import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { KnownTokenState } from '@dealgate/domain';
import { MAX_REVOKED_SESSIONS } from '@dealgate/messages';

/**
 * The sessions an access token may be signed for: a login's refresh-token family (revoked at logout, reuse,
 * password change, deactivation) or an API key (revoked by its owner or an admin). Read by the gateway's token
 * check and by the directory job, which tells the other services the ones ended lately.
 *
 * Both reads stay SQL: they span app_user, refresh_token and api_key in one statement (EXISTS for the check every
 * request makes, a UNION ALL of the two kinds of session for the list), which the query builder only makes longer.
 */
@Injectable()
export class SessionRevocationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Active, token version, and whether `sessionId` was ended, in one query (null for an unknown user). */
  async tokenState(userId: string, sessionId: string | null): Promise<KnownTokenState | null> {
    const rows = await this.dataSource.query<{ active: boolean; token_version: number; session_revoked: boolean }[]>(
      `SELECT u.active, u.token_version,
         $2::uuid IS NOT NULL AND (
           EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NOT NULL)
           OR EXISTS (SELECT 1 FROM api_key k WHERE k.id = $2 AND k.user_id = u.id AND k.revoked_at IS NOT NULL)
         ) AS session_revoked
       FROM app_user u WHERE u.id = $1`,
      [userId, sessionId],
    );
    const r = rows[0];
    return r ? { active: r.active, tokenVersion: r.token_version, sessionRevoked: r.session_revoked } : null;
  }

  /** The user's sessions ended since `since`, newest first (at most what one directory job carries). */
  async endedSince(userId: string, since: Date, manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM (
         SELECT family_id AS id, max(revoked_at) AS at FROM refresh_token
           WHERE user_id = $1 AND revoked_at IS NOT NULL AND revoked_at >= $2 GROUP BY family_id
         UNION ALL
         SELECT id, revoked_at AS at FROM api_key WHERE user_id = $1 AND revoked_at >= $2
       ) ended ORDER BY at DESC LIMIT $3`,
      [userId, since, MAX_REVOKED_SESSIONS],
    );
    return rows.map((r) => r.id);
  }
}
