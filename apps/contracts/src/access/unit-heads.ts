import { EntityManager } from 'typeorm';

/**
 * The units `userId` heads, by the directory copy. `directory_unit` is the chassis's table (DirectoryService keeps
 * it and maps no entity for it), so this stays one raw read, its row shape kept in here.
 */
export async function unitsHeadedBy(manager: EntityManager, userId: string): Promise<string[]> {
  const rows = await manager.query<{ unit_id: string }[]>(
    'SELECT unit_id FROM directory_unit WHERE head_user_id = $1',
    [userId],
  );
  return rows.map((r) => r.unit_id);
}
