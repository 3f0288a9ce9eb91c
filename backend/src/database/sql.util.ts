import { EntityManager } from 'typeorm';

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
