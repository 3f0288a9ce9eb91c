import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

/** pg answers an UPDATE … RETURNING through TypeORM as [rows, count]: the rows, whichever shape came back. */
export function returnedRows<T>(result: [T[], number] | T[]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

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

/**
 * Entity rows as JSON records named by column, for `json_populate_recordset(NULL::table, $1)`: values converted
 * by the entity's column metadata as TypeORM writes them, JSON columns kept as JSON (not as a JSON string). A
 * null is left out of its record (the function reads a missing key as NULL): a smaller document to send and
 * parse. `columns`: those the rows name (the first row's properties).
 */
function columnRecords<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: Partial<E>[],
): { columns: string[]; records: Record<string, unknown>[] } {
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  // Each property's column is looked up once per call, not once per row (rows name the same properties).
  const columns = new Map<string, { name: string; convert: (value: unknown) => unknown }>();
  const columnOf = (property: string) => {
    let found = columns.get(property);
    if (found) return found;
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    const json = column.type === 'json' || column.type === 'jsonb';
    found = {
      name: column.databaseName,
      // A JSON column's value stays as it is (the array is serialized once); TypeORM would write it as
      // JSON.stringify of the (transformed) value, which is the same text.
      convert:
        json && !column.transformer
          ? (value) => value ?? null
          : (value) => {
              const prepared: unknown = driver.preparePersistentValue(value, column);
              return json && typeof prepared === 'string' ? JSON.parse(prepared) : (prepared ?? null);
            },
    };
    columns.set(property, found);
    return found;
  };
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const property in row) {
      const { name, convert } = columnOf(property);
      const value = convert(row[property]);
      if (value !== null) record[name] = value;
    }
    return record;
  });
  return { columns: Object.keys(rows[0]).map((property) => columnOf(property).name), records };
}

/**
 * Multi-row INSERT of entity rows in one statement whatever their number: the rows travel as one JSON array
 * (`INSERT … SELECT FROM json_populate_recordset`, a JSON column keeping the text TypeORM would write), so the 65,535 bind-parameter limit never applies. Every row
 * names the same properties; give ids when the caller needs them (no RETURNING order to rely on).
 */
export async function insertRecords<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: Partial<E>[],
): Promise<void> {
  if (!rows.length) return;
  const table = manager.connection.getMetadata(entity).tableName;
  const { columns: names, records } = columnRecords(manager, entity, rows);
  const columns = names.map((c) => `"${c}"`).join(', ');
  await manager.query(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
    [JSON.stringify(records)],
  );
}

/**
 * One UPDATE of many rows by id (each row `{ id, ...values }`, every row naming the same properties), in one
 * statement whatever their number. Returns the ids of the rows whose columns other than `ignored` changed: the
 * row before and after are compared as jsonb. `alsoSet` is appended to the SET list (e.g. `, updated_at = now()`).
 */
export async function updateRecordsComparing<E extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: Partial<E>[],
  ignored: string[],
  alsoSet = '',
): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const table = manager.connection.getMetadata(entity).tableName;
  const { columns, records } = columnRecords(manager, entity, rows);
  const assignments = columns
    .filter((c) => c !== 'id')
    .map((c) => `"${c}" = x."${c}"`)
    .join(', ');
  const compared = ignored.map((c) => ` - '${c}'`).join('');
  const changed: { id: string }[] = await manager.query(
    `WITH x AS (SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)),
          old AS (SELECT t.id, to_jsonb(t)${compared} AS j FROM "${table}" t JOIN x ON x.id = t.id),
          upd AS (UPDATE "${table}" t SET ${assignments}${alsoSet} FROM x WHERE t.id = x.id
                  RETURNING t.id, to_jsonb(t)${compared} AS j)
     SELECT upd.id FROM upd JOIN old ON old.id = upd.id WHERE old.j IS DISTINCT FROM upd.j`,
    [JSON.stringify(records)],
  );
  return new Set(changed.map(({ id }) => id));
}
