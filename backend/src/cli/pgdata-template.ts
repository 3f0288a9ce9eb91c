import { DEFAULT_TEMPLATE_FILE, isTemplateCurrent } from '../database/pgdata-template-stamp';

/**
 * `node dist/cli/pgdata-template.js [--force]`: builds the migrated embedded-database dump that a first start on a
 * new data directory loads (database/pgdata-template.ts). Run by `npm start` and the image build after compiling;
 * when the dump already holds this build's migrations it returns at once, having loaded neither TypeORM nor PGlite.
 */
async function main(): Promise<void> {
  if (!process.argv.includes('--force') && isTemplateCurrent()) return;
  const started = Date.now();
  const { buildTemplate } = await import('../database/pgdata-template');
  await buildTemplate();
  console.log(`Embedded database template built in ${Date.now() - started} ms (${DEFAULT_TEMPLATE_FILE})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
