import { EntityManager } from 'typeorm';
import { DirectoryUnitEntity } from '@dealgate/chassis';

/** The units `userId` heads, by the directory copy (the chassis's `directory_unit`, which DirectoryService keeps). */
export async function unitsHeadedBy(manager: EntityManager, userId: string): Promise<string[]> {
  const units = await manager.find(DirectoryUnitEntity, { select: { unitId: true }, where: { headUserId: userId } });
  return units.map((u) => u.unitId);
}
