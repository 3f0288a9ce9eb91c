import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { BudgetDocument } from '@jixiao/domain';
import { AuditService } from '../modules/audit/audit.service';
import { DocumentExporter } from '../modules/imports/document-exporter';
import { DocumentLoader, type LoadSummary } from '../modules/imports/document-loader';
import { ImportsService } from '../modules/imports/imports.service';
import { parseBudgetDocument } from '../modules/imports/parser/budget-document.parser';
import { renderImportReport } from '../modules/imports/parser/import-report.renderer';
import { withDatabase } from './database-session';

/** Thrown inside the dry run's transaction so that it rolls back everything the load did. */
class DryRunRollback extends Error {
  constructor(readonly summary: LoadSummary) {
    super('dry run');
  }
}

/**
 * `npm run import -- <file> [--report] [--dry-run]`: parse a published budget document (or load a normalized
 * JSON one) into the configured database in one transaction, then print what changed (the whole report with
 * --report). --dry-run prints the report and what the load would change, inside a transaction rolled back:
 * nothing is written (migrations are not run either).
 */
async function main(args: string[]): Promise<void> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file)
    throw new Error(
      'Usage: npm run import -- <budget document .txt | normalized .json> [--report] [--dry-run]',
    );
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (args.includes('--dry-run')) return dryRun(path);
  await withDatabase(async (dataSource) => {
    await dataSource.runMigrations({ transaction: 'each' });
    const audit = new AuditService();
    const service = new ImportsService(dataSource, new DocumentLoader(audit), new DocumentExporter(), audit);
    const result = await service.importFile(basename(path), readFileSync(path));
    if (args.includes('--report')) {
      process.stdout.write(result.markdown);
    } else {
      const loaded = result.markdown.slice(result.markdown.indexOf('## 载入结果'));
      process.stdout.write(`${result.departmentCode} ${result.year}\n${loaded}`);
    }
  });
}

async function dryRun(path: string): Promise<void> {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  let doc: BudgetDocument;
  if (/\.json$/i.test(path)) {
    doc = JSON.parse(text) as BudgetDocument;
  } else {
    const parsed = parseBudgetDocument(text);
    process.stdout.write(renderImportReport(parsed.report));
    doc = parsed.document;
  }
  const summary = await withDatabase(async (dataSource) => {
    try {
      await dataSource.transaction(async (manager) => {
        throw new DryRunRollback(await new DocumentLoader(new AuditService()).load(manager, doc));
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.summary;
      throw error;
    }
    throw new Error('unreachable: the dry run always rolls back');
  });
  process.stdout.write(`\n${diffText(summary)}`);
}

function diffText(summary: LoadSummary): string {
  const count = (label: string, c: LoadSummary['projects']): string =>
    `- ${label}：新增 ${c.created}，更新 ${c.updated}，移除 ${c.removed}`;
  return [
    `## 与数据库的差异（试运行，未写入）：${summary.departmentCode} ${summary.year} 年`,
    '',
    count('项目', summary.projects),
    count('目标', summary.goals),
    count('三级指标', summary.indicators),
    `- 预算表行：${summary.budgetLines}`,
    ...(summary.unmatched.length > 0
      ? [
          '',
          '### 有填报记录、导入后将被移除的指标（需人工确认）',
          '',
          ...summary.unmatched.map(
            (u) => `- ${u.project} · ${u.goal} · ${u.indicator}：${u.reports} 条填报记录`,
          ),
        ]
      : []),
    '',
  ].join('\n');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const body = (error as { getResponse?: () => unknown }).getResponse?.();
  console.error(body ? JSON.stringify(body, null, 2) : error instanceof Error ? error.message : error);
  process.exit(1);
});
