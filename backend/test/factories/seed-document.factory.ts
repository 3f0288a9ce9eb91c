import type { BudgetDocument } from '@jixiao/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBudgetDocument } from '../../src/modules/imports/parser/budget-document.parser';

let parsed: BudgetDocument | undefined;

/** The real seed document (parsed once per test file) under a department code of the test's own. */
export function seedDocument(code: string, year = 2025): BudgetDocument {
  parsed ??= parseBudgetDocument(
    readFileSync(join(__dirname, '..', '..', '..', 'seeds', '000_fecdbe4f42164389.txt'), 'utf8'),
  ).document;
  return { ...structuredClone(parsed), department: { ...parsed.department, code }, year };
}
