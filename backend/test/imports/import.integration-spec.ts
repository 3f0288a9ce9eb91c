import type { BudgetDocument } from '@jixiao/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../src/common/auth/access-policy';
import { runInRequestContext } from '../../src/common/context/request-context';
import { AuditService } from '../../src/modules/audit/audit.service';
import { DocumentExporter } from '../../src/modules/imports/document-exporter';
import { createDocumentLoader } from '../../src/modules/imports/document-loader';
import { DocumentExporterRepository } from '../../src/modules/imports/document-exporter.repository';
import { ImportsRepository } from '../../src/modules/imports/imports.repository';
import { ImportsService, serializeDocument } from '../../src/modules/imports/imports.service';
import { parseBudgetDocument } from '../../src/modules/imports/parser/budget-document.parser';
import { insertUser } from '../factories/user.factory';
import { openTestDataSource } from '../setup/test-database';

const PUBLISHED = readFileSync(
  join(__dirname, '..', '..', '..', 'seeds', '000_fecdbe4f42164389.txt'),
  'utf8',
);
/** The published text under a department code of this file's own, so other test files' imports of 031 never meet it. */
const CODE = `9${String(Date.now()).slice(-6)}`;
const SEED_TEXT = Buffer.from(PUBLISHED.split('[031]').join(`[${CODE}]`));

/** The seed document under another department code, so this file's data never meets another test's. */
function seedDocument(code: string, year = 2025): BudgetDocument {
  const { document } = parseBudgetDocument(PUBLISHED);
  return { ...document, department: { ...document.department, code }, year };
}

const counts = async (ds: DataSource, code: string) =>
  (
    await ds.query(
      `SELECT (SELECT count(*)::int FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id JOIN departments d ON d.id = fy.department_id WHERE d.code = $1) AS projects,
              (SELECT count(*)::int FROM goals g JOIN fiscal_years fy ON fy.id = g.fiscal_year_id JOIN departments d ON d.id = fy.department_id WHERE d.code = $1) AS goals,
              (SELECT count(*)::int FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN fiscal_years fy ON fy.id = g.fiscal_year_id JOIN departments d ON d.id = fy.department_id WHERE d.code = $1) AS indicators,
              (SELECT count(*)::int FROM budget_lines b JOIN fiscal_years fy ON fy.id = b.fiscal_year_id JOIN departments d ON d.id = fy.department_id WHERE d.code = $1) AS lines`,
      [code],
    )
  )[0];

describe(ImportsService.name, () => {
  let ds: DataSource;
  let service: ImportsService;

  beforeAll(async () => {
    ds = await openTestDataSource();
    const audit = new AuditService();
    service = new ImportsService(
      ds,
      createDocumentLoader(audit),
      new DocumentExporter(new DocumentExporterRepository()),
      audit,
      new AccessPolicy(ds),
      new ImportsRepository(ds),
    );
  });

  afterAll(async () => {
    await ds.destroy();
  });

  it('should load the published document: 12 projects of 表10, the 10 target tables and the department-wide one', async () => {
    const result = await service.importFile('000_fecdbe4f42164389.txt', SEED_TEXT);
    expect(result).toMatchObject({ departmentCode: CODE, year: 2025, unchanged: false });
    const c = await counts(ds, CODE);
    const projects = await ds.query(
      `SELECT p.name, (p.budget_yuan / 10000)::float8 AS budget, (SELECT count(*)::int FROM goals g WHERE g.project_id = p.id) AS goals
         FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id JOIN departments d ON d.id = fy.department_id
        WHERE d.code = $1 ORDER BY p.seq`,
      [CODE],
    );
    expect(c.projects).toBe(12);
    expect(projects.reduce((sum: number, p: { budget: number }) => sum + p.budget, 0)).toBeCloseTo(
      10325.73,
      2,
    );
    expect(projects.filter((p: { goals: number }) => p.goals > 0)).toHaveLength(10);
    const [overall] = await ds.query(
      `SELECT count(*)::int AS goals FROM goals g JOIN fiscal_years fy ON fy.id = g.fiscal_year_id JOIN departments d ON d.id = fy.department_id WHERE d.code = $1 AND g.project_id IS NULL`,
      [CODE],
    );
    expect(overall.goals).toBe(8); // 4 long-term and 4 annual goals of 表11
    expect(result.markdown).toContain('## 载入结果');
    // The target-quality review of the seed, as committed in seeds/031-2025.target-review.json.
    expect(result.report?.targetReview.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'goal-missing-level1', message: '目标缺少满意度指标' }),
    );
    expect(result.markdown).toContain('「保障业务正常开展」：指标值「保障」没有数值或可核验的标准');
  });

  it('should store every indicator with its structured target read by libs/domain', async () => {
    const [row] = await ds.query(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE target_operator IS NULL)::int AS unparsed_rows
         FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN fiscal_years fy ON fy.id = g.fiscal_year_id
         JOIN departments d ON d.id = fy.department_id WHERE d.code = $1`,
      [CODE],
    );
    expect(row.all).toBeGreaterThan(0);
    expect(row.unparsed_rows).toBe(0);
  });

  it('should change nothing, and say so, when the same document is imported again', async () => {
    const before = await counts(ds, CODE);
    const result = await service.importFile('again.txt', SEED_TEXT);
    expect(result.unchanged).toBe(true);
    expect(result.markdown).toContain('数据库未作任何修改');
    expect(await counts(ds, CODE)).toEqual(before);
  });

  it('should export the document field for field: export → import → export is byte-identical', async () => {
    // An export is a read of the department: it needs a caller who may read it (here an auditor).
    const { id, username } = await insertUser(ds, { role: 'auditor' });
    const actor = {
      id,
      username,
      role: 'auditor' as const,
      departmentId: null,
      sessionId: id,
      mustChangePassword: false,
    };
    const exportAsAuditor = () => runInRequestContext({ actor }, () => service.exportDocument(CODE, 2025));
    const first = await exportAsAuditor();
    const reimport = await service.importFile('031-2025.json', Buffer.from(first));
    expect(reimport.summary?.indicators.updated ?? 0).toBe(0);
    expect(await exportAsAuditor()).toBe(first);
    // The exported JSON carries what the parser read, with the structured target added where it was missing.
    const parsed = seedDocument(CODE);
    const exported = JSON.parse(first) as BudgetDocument;
    expect(exported.projects.map((p) => p.name)).toEqual(parsed.projects.map((p) => p.name));
    expect(exported.budgetTables).toEqual(parsed.budgetTables);
    expect(exported.overall.funds).toEqual(parsed.overall.funds);
  });

  it('should keep different departments and years side by side', async () => {
    await service.load(seedDocument('IMP2025'), null, 'a.json', 'a');
    await service.load(seedDocument('IMP2025', 2026), null, 'b.json', 'b');
    const years = await ds.query(
      `SELECT fy.year FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE d.code = 'IMP2025' ORDER BY fy.year`,
    );
    expect(years.map((y: { year: number }) => y.year)).toEqual([2025, 2026]);
    expect((await counts(ds, CODE)).projects).toBe(12);
  });

  it('should update a revised document in place, keep progress on matched indicators and archive, then restore, what it no longer holds', async () => {
    const code = 'REV2025';
    const original = seedDocument(code);
    await service.load(original, null, 'v1.json', 'v1');
    const project = original.projects.find(
      (p) => p.goals.length > 0 && p.goals.some((g) => g.indicators.length >= 2),
    ) as BudgetDocument['projects'][number];
    const goal = project.goals.find(
      (g) => g.indicators.length >= 2,
    ) as BudgetDocument['projects'][number]['goals'][number];
    const [kept, dropped] = goal.indicators;
    // The same indicator name stands in several goals: look only in this project's goal (term + order).
    const goalSeq = project.goals.filter(
      (g, i) => g.term === goal.term && i <= project.goals.indexOf(goal),
    ).length;
    const idOf = async (name: string) =>
      (
        await ds.query(
          `SELECT i.id FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN projects p ON p.id = g.project_id
             JOIN fiscal_years fy ON fy.id = g.fiscal_year_id JOIN departments d ON d.id = fy.department_id
            WHERE d.code = $1 AND i.name = $2 AND p.name = $3 AND g.term = $4 AND g.seq = $5 ORDER BY i.seq LIMIT 1`,
          [code, name, project.name, goal.term, goalSeq],
        )
      )[0]?.id as string | undefined;
    const keptId = (await idOf(kept.name)) as string;
    const droppedId = (await idOf(dropped.name)) as string;
    await ds.query(
      `INSERT INTO progress_reports (indicator_id, period, actual_raw) VALUES ($1, '2025-03', '10'), ($2, '2025-03', '20')`,
      [keptId, droppedId],
    );

    const revised = structuredClone(original);
    const revisedGoal =
      revised.projects[original.projects.indexOf(project)].goals[project.goals.indexOf(goal)];
    revisedGoal.indicators[0] = { ...revisedGoal.indicators[0], target: `${kept.target}（修订）` };
    revisedGoal.indicators.splice(1, 1, { ...dropped, name: `${dropped.name}（新）` });
    await expect(service.load(revised, null, 'v2.json', 'v2')).rejects.toMatchObject({
      code: 'IMPORT_NEEDS_CONFIRMATION',
      details: { diff: { archived: [expect.objectContaining({ id: droppedId, reports: 1 })] } },
    });
    const result = await service.load(revised, null, 'v2.json', 'v2', { confirmArchive: true });

    expect(result.summary?.indicators).toEqual({ created: 1, updated: 1, archived: 1, restored: 0 });
    expect(result.summary?.diff.archived).toEqual([
      expect.objectContaining({ kind: 'indicator', id: droppedId, name: dropped.name, reports: 1 }),
    ]);
    expect(result.markdown).toContain(dropped.name);
    const [archived] = await ds.query(`SELECT archived_at FROM indicators WHERE id = $1`, [droppedId]);
    expect(archived.archived_at).toEqual(expect.any(Date));
    expect(await idOf(kept.name)).toBe(keptId);
    const [report] = await ds.query(`SELECT actual_raw FROM progress_reports WHERE indicator_id = $1`, [
      keptId,
    ]);
    expect(report.actual_raw).toBe('10');
    const [audit] = await ds.query(
      `SELECT before FROM audit_log WHERE action = 'indicator.archive-by-import' AND entity_id = $1`,
      [droppedId],
    );
    expect(audit.before).toMatchObject({ name: dropped.name, reports: 1 });

    // The original again: the dropped indicator comes back with the same id and its report.
    const restored = await service.load(original, null, 'v3.json', 'v3');
    expect(restored.summary?.indicators).toMatchObject({ restored: 1, archived: 1 });
    expect(restored.summary?.diff.restored).toEqual([expect.objectContaining({ id: droppedId })]);
    const [back] = await ds.query(
      `SELECT i.archived_at, r.actual_raw FROM indicators i JOIN progress_reports r ON r.indicator_id = i.id WHERE i.id = $1`,
      [droppedId],
    );
    expect(back).toEqual({ archived_at: null, actual_raw: '20' });
    const actions = await ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      droppedId,
    ]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'indicator.archive-by-import',
      'indicator.restore-by-import',
    ]);
  });

  it('should leave the database unchanged when the load fails halfway (all or nothing)', async () => {
    const code = 'TXN2025';
    const doc = seedDocument(code);
    // Budget tables load after projects, goals and indicators; a bad side fails the CHECK there.
    const broken = structuredClone(doc);
    (broken.budgetTables.tables[0].lines[0] as { side?: string }).side = 'sideways';
    const before = await counts(ds, code);
    await expect(service.load(broken, null, 'broken.json', 'x')).rejects.toThrow(/ck_budget_lines_side/);
    expect(await counts(ds, code)).toEqual(before);
    const [dept] = await ds.query(`SELECT count(*)::int AS n FROM departments WHERE code = $1`, [code]);
    expect(dept.n).toBe(0);
    const [audit] = await ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'import.load' AND after ->> 'fileName' = 'broken.json'`,
    );
    expect(audit.n).toBe(0);
  });

  it('should refuse a JSON document that breaks the schema, naming the field', async () => {
    const doc = seedDocument('BAD2025') as unknown as Record<string, unknown>;
    delete (doc.department as Record<string, unknown>).name;
    await expect(service.importFile('bad.json', Buffer.from(JSON.stringify(doc)))).rejects.toMatchObject({
      errors: { 'department.name': 'department.name：缺少必填字段' },
    });
    expect(serializeDocument(seedDocument('X')).endsWith('\n')).toBe(true);
  });
});
