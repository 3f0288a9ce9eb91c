import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

/** PostgreSQL allows 65,535 bind parameters per statement; stay well below. */
const MAX_PARAMS = 30000;

/**
 * Multi-row INSERT in as few statements as the parameter limit allows (one round trip per chunk instead of
 * one per row). Returns the RETURNING rows in input order.
 */
export async function insertMany<T = Record<string, unknown>>(
  manager: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  returning?: string,
): Promise<T[]> {
  const out: T[] = [];
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')}${returning ? ` RETURNING ${returning}` : ''}`;
    const result = await manager.query(sql, params);
    if (returning) out.push(...(result as T[]));
  }
  return out;
}

/**
 * Entity property values as `{ column: parameter }`, named and converted by the entity's own column metadata
 * (JSON serialized, transformers applied, as TypeORM writes them): set-based SQL writes the columns the entity
 * declares instead of spelling them again.
 */
export function columnValues<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  values: Partial<E>,
): Record<string, unknown> {
  const metadata = manager.connection.getMetadata(entity);
  return Object.fromEntries(
    Object.entries(values).map(([property, value]) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}`);
      return [column.databaseName, manager.connection.driver.preparePersistentValue(value, column)];
    }),
  );
}

/** Multi-row INSERT of entity property values (see `insertMany`); every row names the same properties. */
export async function insertEntities<E extends ObjectLiteral, T = Record<string, unknown>>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: Partial<E>[],
  returning?: string,
): Promise<T[]> {
  if (!rows.length) return [];
  const converted = rows.map((row) => columnValues(manager, entity, row));
  const columns = Object.keys(converted[0]);
  return insertMany<T>(
    manager,
    manager.connection.getMetadata(entity).tableName,
    columns,
    converted.map((row) => columns.map((column) => row[column])),
    returning,
  );
}

/** Entity values as TypeORM's update and insert take them (their deep-partial type rejects JSON columns typed as records). */
export const entityValues = <E extends ObjectLiteral>(values: Partial<E>): QueryDeepPartialEntity<E> =>
  values as QueryDeepPartialEntity<E>;
