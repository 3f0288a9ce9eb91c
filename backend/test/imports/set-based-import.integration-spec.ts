import type { BudgetDocument, Project } from '@jixiao/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../src/common/auth/access-policy';
import { AuditService } from '../../src/modules/audit/audit.service';
import { DocumentExporter } from '../../src/modules/imports/document-exporter';
import { createDocumentLoader } from '../../src/modules/imports/document-loader';
import { DocumentExporterRepository } from '../../src/modules/imports/document-exporter.repository';
import { ImportsRepository } from '../../src/modules/imports/imports.repository';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { openTestDataSource } from '../setup/test-database';

/** The normalized seed document (281 indicators), under a department code of the test's own. */
const SEED: BudgetDocument = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'seeds', '031-2025.json'), 'utf8'),
);
const RUN = String(Date.now()).slice(-6);
const documentFor = (code: string): BudgetDocument => ({
  ...structuredClone(SEED),
  department: { ...SEED.department, code },
});

interface Row {
  id: string;
  key: string;
  archived: boolean;
  seq: number;
  reports: number;
}

/** Every indicator of the department's 2025 with the key it is matched by and its reports. */
async function indicatorsOf(ds: DataSource, code: string): Promise<Row[]> {
  return ds.query(
    `SELECT i.id, concat_ws('|', COALESCE(p.name, '部门整体'), g.term, g.seq % 1000000, l1.name, l2.name, i.name) AS key,
            i.archived_at IS NOT NULL AS archived, i.seq,
            (SELECT count(*)::int FROM progress_reports r WHERE r.indicator_id = i.id) AS reports
       FROM indicators i JOIN goals g ON g.id = i.goal_id LEFT JOIN projects p ON p.id = g.project_id
       JOIN indicator_nodes l2 ON l2.id = i.node_id JOIN indicator_nodes l1 ON l1.id = l2.parent_id
       JOIN fiscal_years fy ON fy.id = g.fiscal_year_id JOIN departments d ON d.id = fy.department_id
      WHERE d.code = $1 AND fy.year = 2025
      ORDER BY key`,
    [code],
  );
}

const keyOf = (
  project: string,
  term: string,
  goalSeq: number,
  i: BudgetDocument['projects'][0]['goals'][0]['indicators'][0],
) => [project, term, goalSeq, i.level1, i.level2, i.name].join('|');

describe('Set-based imports', () => {
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

  it('should keep every report on its own indicator through a re-import that reorders, changes, removes and brings back indicators', async () => {
    const code = `8${RUN}`;
    const v1 = documentFor(code);
    const first = await service.load(v1, null, 'v1.json', `${code}-v1`);
    const created = await indicatorsOf(ds, code);
    expect(first.summary?.indicators).toEqual({
      created: created.length,
      updated: 0,
      archived: 0,
      restored: 0,
    });
    // One report on every indicator.
    await ds.query(
      `INSERT INTO progress_reports (indicator_id, period, actual_raw)
       SELECT i.id, '2025-03', '1' FROM indicators i JOIN goals g ON g.id = i.goal_id
         JOIN fiscal_years fy ON fy.id = g.fiscal_year_id JOIN departments d ON d.id = fy.department_id
        WHERE d.code = $1`,
      [code],
    );
    const keyById = new Map(created.map((r) => [r.id, r.key]));
    const idByKey = new Map(created.map((r) => [r.key, r.id]));

    // v2: project 0's first goal reversed (every seq swaps) with one target changed, two indicators of project
    // 1's annual goal gone and one new, project 2's long-term goal gone with its indicators, an overall target changed.
    const v2 = structuredClone(v1);
    const [a, b, c] = v2.projects as [Project, Project, Project];
    const aGoal = a.goals[0];
    aGoal.indicators[0] = { ...aGoal.indicators[0], target: `${aGoal.indicators[0].target}（修订）` };
    delete (aGoal.indicators[0] as { parsed?: unknown }).parsed;
    aGoal.indicators.reverse();
    const bGoal = b.goals.find((g) => g.term === 'annual') as Project['goals'][0];
    const bSeq = b.goals.filter((g) => g.term === 'annual').indexOf(bGoal) + 1;
    const removedFromB = bGoal.indicators.splice(1, 2, {
      ...bGoal.indicators[1],
      name: `${bGoal.indicators[1].name}（新增）`,
    });
    const cLong = c.goals.filter((g) => g.term === 'long');
    expect(cLong).toHaveLength(1);
    c.goals = c.goals.filter((g) => g.term !== 'long');
    const overall = v2.overall.goals[0];
    overall.indicators[0] = { ...overall.indicators[0], target: `${overall.indicators[0].target}（修订）` };
    delete (overall.indicators[0] as { parsed?: unknown }).parsed;
    const gone = [
      ...removedFromB.map((i) => keyOf(b.name, 'annual', bSeq, i)),
      ...cLong[0].indicators.map((i) => keyOf(c.name, 'long', 1, i)),
    ];

    await expect(service.load(v2, null, 'v2.json', `${code}-v2`)).rejects.toMatchObject({
      code: 'IMPORT_NEEDS_CONFIRMATION',
    });
    const second = await service.load(v2, null, 'v2.json', `${code}-v2`, { confirmArchive: true });
    expect(second.summary?.indicators).toEqual({
      created: 1,
      updated: 2,
      archived: gone.length,
      restored: 0,
    });
    expect(second.summary?.goals).toMatchObject({ created: 0, archived: 1, restored: 0 });
    const afterV2 = await indicatorsOf(ds, code);
    // No indicator row took another's place: each keeps its key, its report, and is archived only if it left.
    for (const row of afterV2.filter((r) => keyById.has(r.id))) {
      expect({ key: row.key, reports: row.reports, archived: row.archived }).toEqual({
        key: keyById.get(row.id),
        reports: 1,
        archived: gone.includes(row.key),
      });
    }
    expect(afterV2.filter((r) => keyById.has(r.id))).toHaveLength(created.length);
    const added = afterV2.filter((r) => !keyById.has(r.id));
    expect(added.map((r) => ({ reports: r.reports, archived: r.archived }))).toEqual([
      { reports: 0, archived: false },
    ]);
    // The reversed goal's indicators are numbered in the new order.
    const aSeq = aGoal.indicators.map((i) => afterV2.find((r) => r.key === keyOf(a.name, 'long', 1, i))?.seq);
    expect(aSeq).toEqual(aGoal.indicators.map((_, i) => i + 1));
    const archivedIds = gone.map((k) => idByKey.get(k) as string);
    expect(second.summary?.diff.archived.map((i) => i.id).sort()).toEqual(
      [
        ...removedFromB.map((i) => idByKey.get(keyOf(b.name, 'annual', bSeq, i)) as string),
        // The goal's indicators are listed with their goal.
        (await ds.query(`SELECT goal_id FROM indicators WHERE id = $1`, [archivedIds.at(-1)]))[0].goal_id,
      ].sort(),
    );

    // v1 again: every indicator back with the same id and its report; the one v2 added is archived.
    const third = await service.load(documentFor(code), null, 'v3.json', `${code}-v3`);
    expect(third.summary?.indicators).toEqual({
      created: 0,
      updated: 2,
      archived: 1,
      restored: gone.length,
    });
    expect(third.summary?.goals).toMatchObject({ created: 0, archived: 0, restored: 1 });
    const afterV3 = await indicatorsOf(ds, code);
    expect(
      afterV3.filter((r) => !r.archived).map((r) => ({ id: r.id, key: r.key, reports: r.reports })),
    ).toEqual(created.map((r) => ({ id: r.id, key: r.key, reports: 1 })));
    expect(afterV3.filter((r) => r.archived).map((r) => r.id)).toEqual(added.map((r) => r.id));
    const actions: { entity_id: string; action: string }[] = await ds.query(
      `SELECT entity_id, action FROM audit_log WHERE entity_id = ANY($1::text[]) ORDER BY id`,
      [archivedIds],
    );
    for (const id of archivedIds)
      expect(actions.filter((a) => a.entity_id === id).map((a) => a.action)).toEqual([
        'indicator.archive-by-import',
        'indicator.restore-by-import',
      ]);
  });

  it('should load 10,000 indicators (over 65,535 values, as many bind parameters one per value) and update them all again', async () => {
    const code = `7${RUN}`;
    const doc = documentFor(code);
    const projects: Project[] = [];
    const count = () =>
      projects.reduce((n, p) => n + p.goals.reduce((s, g) => s + g.indicators.length, 0), 0);
    for (let copy = 0; count() < 10_000; copy++)
      for (const p of SEED.projects)
        projects.push({
          ...structuredClone(p),
          code: p.code ? `${p.code}C${copy}` : null,
          name: `${p.name}（${copy + 1}）`,
        });
    doc.projects = projects;
    const total = count() + doc.overall.goals.reduce((s, g) => s + g.indicators.length, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);

    const loaded = await service.load(doc, null, 'big.json', `${code}-v1`);
    expect(loaded.summary?.indicators).toEqual({ created: total, updated: 0, archived: 0, restored: 0 });
    const rows = await indicatorsOf(ds, code);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.key)).size).toBe(total);

    // Every target revised: one update of every row, the same ids.
    const revised = structuredClone(doc);
    for (const p of [revised.overall, ...revised.projects])
      for (const g of p.goals)
        g.indicators = g.indicators.map((i) => {
          const { parsed: _parsed, ...rest } = i as typeof i & { parsed?: unknown };
          return { ...rest, target: `${i.target}（修订）` };
        });
    const again = await service.load(revised, null, 'big-2.json', `${code}-v2`);
    expect(again.summary?.indicators).toEqual({ created: 0, updated: total, archived: 0, restored: 0 });
    const after = await indicatorsOf(ds, code);
    expect(after.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    const [{ revisedTargets }] = await ds.query(
      `SELECT count(*)::int AS "revisedTargets" FROM indicators WHERE id = ANY($1::uuid[]) AND target_raw LIKE '%（修订）'`,
      [after.map((r) => r.id)],
    );
    expect(revisedTargets).toBe(total);
  }, 300_000);
});
