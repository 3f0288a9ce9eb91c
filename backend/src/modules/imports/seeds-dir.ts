import { join } from 'node:path';

/** The repository's seeds/ folder; the same four levels up from src/modules/imports and dist/modules/imports. */
export const seedsDir = (): string =>
  process.env.SEEDS_DIR || join(__dirname, '..', '..', '..', '..', 'seeds');
