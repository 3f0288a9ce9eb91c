import { readFileSync } from 'node:fs';
import { AccessPolicy } from '../common/auth/access-policy';
import { basename, resolve } from 'node:path';
import { AuditService } from '../modules/audit/audit.service';
import { DocumentExporter } from '../modules/imports/document-exporter';
import { createDocumentLoader } from '../modules/imports/document-loader';
import { DocumentExporterRepository } from '../modules/imports/document-exporter.repository';
import { ImportsRepository } from '../modules/imports/imports.repository';
import { ErrorCode } from '../common/errors/error-code';
import { AppException } from '../common/errors/app.exception';
import { ImportsService, renderArchiveDiff } from '../modules/imports/imports.service';
import { withDatabase } from './database-session';

/**
 * `npm run import -- <file> [--report] [--dry-run | --preview] [--confirm-archive]`: parse a published budget
 * document (or load a normalized JSON one) into the configured database in one transaction, then print what
 * changed (the whole report with --report). --dry-run (or --preview) prints the whole import report and the diff
 * against the database — the same preview as `POST /api/imports?mode=preview` — and writes nothing, not even
 * migrations. A document that would archive projects, goals or indicators carrying monitoring data is refused
 * (the diff is printed) unless --confirm-archive is given.
 */
async function main(args: string[]): Promise<void> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file)
    throw new Error(
      'Usage: npm run import -- <budget document .txt | normalized .json> [--report] [--dry-run] [--confirm-archive]',
    );
  const preview = args.includes('--dry-run') || args.includes('--preview');
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  await withDatabase(async (dataSource) => {
    if (!preview) await dataSource.runMigrations({ transaction: 'each' });
    const audit = new AuditService();
    const service = new ImportsService(
      dataSource,
      createDocumentLoader(audit),
      new DocumentExporter(new DocumentExporterRepository()),
      audit,
      new AccessPolicy(dataSource),
      new ImportsRepository(dataSource),
    );
    const options = {
      preview,
      confirmArchive: args.includes('--confirm-archive'),
    };
    const result = await service.importFile(basename(path), readFileSync(path), options).catch((error) => {
      if (error instanceof AppException && error.code === ErrorCode.ImportNeedsConfirmation) {
        const { diff } = error.details as { diff: Parameters<typeof renderArchiveDiff>[0] };
        process.stderr.write(
          `${renderArchiveDiff(diff)}\n\n未写入任何内容：以上内容含有监控数据，确认归档请加 --confirm-archive 重新运行。\n`,
        );
        process.exit(2);
      }
      throw error;
    });
    if (preview || args.includes('--report')) {
      process.stdout.write(result.markdown);
    } else {
      const loaded = result.markdown.slice(result.markdown.search(/## 载入(结果|预览)/));
      process.stdout.write(`${result.departmentCode} ${result.year}\n${loaded}`);
    }
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const body = (error as { getResponse?: () => unknown }).getResponse?.();
  console.error(body ? JSON.stringify(body, null, 2) : error instanceof Error ? error.message : error);
  process.exit(1);
});
