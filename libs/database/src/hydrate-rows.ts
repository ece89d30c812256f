import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Turns the rows of a raw `SELECT t.*` into entities, column by column as the query builder would (database name to
 * property, the driver's hydration of each type). For the set-based reads a repository keeps in SQL: they still hand
 * back entities, so one mapping from entity to record serves every read.
 */
export function hydrateRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly Record<string, unknown>[],
): T[] {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const column of metadata.columns) {
      if (!(column.databaseName in row)) {
        throw new Error(`${metadata.tableName}: the row has no column ${column.databaseName}`);
      }
      column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
    }
    return entity;
  });
}
