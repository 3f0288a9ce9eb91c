/** A value list as SQL literals for CHECK constraints: ['a', 'b'] → `'a', 'b'` (the lists come from libs/domain). */
export const sqlList = (values: readonly string[]): string =>
  values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
