import type * as ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: requiring it costs about a fifth of the server's module loading at start
 * (docs/benchmarks.md, "Cold start"), and only the routes that read or write a workbook need it.
 */
export function exceljs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy (see above)
  return require('exceljs') as typeof ExcelJS;
}
