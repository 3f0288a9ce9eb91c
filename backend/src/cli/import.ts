import { readFileSync } from 'node:fs';
import { AccessPolicy } from '../common/auth/access-policy';
import { basename, resolve } from 'node:path';
import { AuditService } from '../modules/audit/audit.service';
import { DocumentExporter } from '../modules/imports/document-exporter';
import { DocumentLoader } from '../modules/imports/document-loader';
import { ImportsService } from '../modules/imports/imports.service';
import { withDatabase } from './database-session';

/**
 * `npm run import -- <file> [--report]`: parse a published budget document (or load a normalized JSON one)
 * into the configured database in one transaction, then print what changed (the whole report with --report).
 */
async function main(args: string[]): Promise<void> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('Usage: npm run import -- <budget document .txt | normalized .json> [--report]');
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  await withDatabase(async (dataSource) => {
    await dataSource.runMigrations({ transaction: 'each' });
    const audit = new AuditService();
    const service = new ImportsService(
      dataSource,
      new DocumentLoader(audit),
      new DocumentExporter(),
      audit,
      new AccessPolicy(dataSource),
    );
    const result = await service.importFile(basename(path), readFileSync(path));
    if (args.includes('--report')) {
      process.stdout.write(result.markdown);
    } else {
      const loaded = result.markdown.slice(result.markdown.indexOf('## 载入结果'));
      process.stdout.write(`${result.departmentCode} ${result.year}\n${loaded}`);
    }
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const body = (error as { getResponse?: () => unknown }).getResponse?.();
  console.error(body ? JSON.stringify(body, null, 2) : error instanceof Error ? error.message : error);
  process.exit(1);
});
