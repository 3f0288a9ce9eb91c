import { INestApplication } from '@nestjs/common';
import { Workbook, type Worksheet } from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TARGET_SHEET_COLUMNS } from '../../src/modules/exports/target-sheet.reader';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { assignedLead, loadSeedYear, SeededYear } from '../self-evaluation/scripted-year';
import { createTestApp } from '../setup/test-app';

type SheetRow = Array<string | number | null>;

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** A sheet in the provincial exchange format, written with exceljs as a user's spreadsheet program would. */
async function sheetOf(rows: SheetRow[], headers: readonly string[] = TARGET_SHEET_COLUMNS): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('绩效指标');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const GOOD_ROWS: SheetRow[] = [
  ['成本指标', '经济成本指标', '机房年度维护成本增加率', '≤', 8, '%', 10, '反向'],
  ['产出指标', '数量指标', '维护设备及系统数量', '≥', 13, '套', 15, '正向'],
  ['产出指标', '数量指标', '新增监控点位', '≥', '1.2', '万个', 10, '正向'],
  ['产出指标', '时效指标', '系统故障修复响应时间', '≤', 48, '小时', 15, '反向'],
  [],
  ['效益指标', '社会效益指标', '保障业务正常开展', '定性', '保障', null, 30, null],
  ['满意度指标', '服务对象满意度', '员工满意度', '≥', 90, '%', 10, '正向'],
];

interface StoredIndicator {
  id: string;
  level1: string;
  level2: string;
  name: string;
  target_raw: string;
  target_operator: string;
  target_value: string | null;
  target_unit: string | null;
  target_direction: string;
  target_confidence: string;
  unit: string | null;
  weight: number | null;
  reports: number;
}

describe('Excel import of a target table (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let seeded: SeededYear;
  let admin: string;
  let lead: string;
  const http = () => request(app.getHttpServer());
  const upload = (bearer: string, content: Buffer, projectId = seeded.projectId, name = 'targets.xlsx') =>
    http()
      .post(`/api/projects/${projectId}/targets/import`)
      .set('Authorization', bearer)
      .attach('file', content, name);
  const stored = (projectId = seeded.projectId): Promise<StoredIndicator[]> =>
    ds.query(
      `SELECT i.id, l1.name AS level1, l2.name AS level2, i.name, i.target_raw, i.target_operator, i.target_value::text AS target_value,
              i.target_unit, i.target_direction, i.target_confidence, i.unit, i.weight::float8 AS weight,
              (SELECT count(*)::int FROM progress_reports r WHERE r.indicator_id = i.id) AS reports
         FROM indicators i JOIN goals g ON g.id = i.goal_id
         JOIN indicator_nodes l2 ON l2.id = i.node_id JOIN indicator_nodes l1 ON l1.id = l2.parent_id
        WHERE g.project_id = $1 AND g.term = 'annual' AND i.archived_at IS NULL ORDER BY l1.seq, l2.seq, i.seq`,
      [projectId],
    );

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    seeded = await loadSeedYear(app, ds, uniqueCode());
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    lead = await assignedLead(app, ds, seeded.departmentId, seeded.projectId);
    for (const period of ['2025-01', '2025-02'])
      await ds.query(
        `INSERT INTO progress_reports (indicator_id, period, actual_raw) VALUES ($1, $2, '5%')`,
        [seeded.indicators['机房年度维护成本增加率'], period],
      );
  });

  afterAll(async () => {
    await app.close();
  });

  describe('the template', () => {
    let workbook: Workbook;
    let res: request.Response;

    beforeAll(async () => {
      res = await http()
        .get('/api/imports/target-template.xlsx')
        .set('Authorization', lead)
        .buffer(true)
        .parse(binary);
      workbook = new Workbook();
      await workbook.xlsx.load(res.body);
    });

    it('should be an xlsx attachment with the exchange columns in order', () => {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('绩效目标表导入模板.xlsx')}`,
      );
      const sheet = workbook.getWorksheet('绩效指标') as Worksheet;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...TARGET_SHEET_COLUMNS]);
      expect(workbook.getWorksheet('填写说明')).toBeDefined();
    });

    it('should offer the allowed 指标性质 and 指标方向性 as drop-down lists', () => {
      const sheet = workbook.getWorksheet('绩效指标') as Worksheet;
      expect(sheet.getCell('D2').dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"≥,>,=,<,≤,定性"'],
      });
      expect(sheet.getCell('H2').dataValidation).toMatchObject({ type: 'list', formulae: ['"正向,反向"'] });
    });

    it('should import once filled in', async () => {
      const [{ id: projectId }] = await ds.query(
        `SELECT id FROM projects WHERE fiscal_year_id = $1 AND name = '党建'`,
        [seeded.fiscalYearId],
      );
      const sheet = workbook.getWorksheet('绩效指标') as Worksheet;
      sheet.getRow(2).values = ['产出指标', '数量指标', '组织党员集中学习', '≥', '12', '次', '', '正向'];
      sheet.getRow(3).values = ['满意度指标', '服务对象满意度指标', '党员满意度', '≥', '95', '%', '', '正向'];
      const filled = Buffer.from(await workbook.xlsx.writeBuffer());
      const { body } = await upload(admin, filled, projectId).expect(201);
      expect(body).toMatchObject({ indicators: 2 });
      expect((await stored(projectId)).map((i) => i.target_raw)).toEqual(['≥12次', '≥95%']);
    });
  });

  describe('a good sheet', () => {
    const rows = GOOD_ROWS;
    let before: StoredIndicator[];
    let result: request.Response;

    beforeAll(async () => {
      before = await stored();
      result = await upload(admin, await sheetOf(rows)).expect(201);
    });

    it('should replace the annual indicators with the sheet rows, updating matches in place', async () => {
      expect(result.body).toMatchObject({ indicators: 6, created: 1, updated: 5, archived: 2, restored: 0 });
      const after = await stored();
      expect(after.map((i) => [i.level1, i.level2, i.name, i.target_raw])).toEqual([
        ['成本指标', '经济成本指标', '机房年度维护成本增加率', '≤8%'],
        ['产出指标', '数量指标', '维护设备及系统数量', '≥13套'],
        ['产出指标', '数量指标', '新增监控点位', '≥1.2万个'],
        ['产出指标', '时效指标', '系统故障修复响应时间', '≤48小时'],
        ['效益指标', '社会效益指标', '保障业务正常开展', '保障'],
        ['满意度指标', '服务对象满意度指标', '员工满意度', '≥90%'],
      ]);
      const kept = before.find((i) => i.name === '机房年度维护成本增加率') as StoredIndicator;
      expect(after[0]).toMatchObject({ id: kept.id, reports: 2 });
      expect(after.some((i) => i.name === '系统运维响应时间')).toBe(false);
    });

    it('should fill the structured target from the explicit columns, with confidence explicit and the weight', async () => {
      const after = await stored();
      expect(
        after.map((i) => [i.target_operator, i.target_value, i.target_unit, i.target_direction, i.weight]),
      ).toEqual([
        ['<=', '8', '%', 'lower', 10],
        ['>=', '13', '套', 'higher', 15],
        ['>=', '12000', '个', 'higher', 10],
        ['<=', '48', '小时', 'lower', 15],
        ['qualitative', null, null, 'none', 30],
        ['>=', '90', '%', 'higher', 10],
      ]);
      expect(new Set(after.map((i) => i.target_confidence))).toEqual(new Set(['explicit']));
      expect(after[2].unit).toBe('万个');
    });

    it('should give the self-evaluation the sheet weights', async () => {
      const { body } = await http()
        .get(`/api/projects/${seeded.projectId}/self-evaluation/2025`)
        .set('Authorization', lead)
        .expect(200);
      expect(body.items.map((i: { weight: number }) => i.weight)).toEqual([10, 15, 10, 15, 30, 10]);
      expect(body.items[0].weightSource).toBe('indicator');
      expect(body.weightCheck.valid).toBe(true);
    });

    it('should record the import in the audit log', async () => {
      const [entry] = await ds.query(
        `SELECT action, reason, after FROM audit_log WHERE entity = 'project' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
        [seeded.projectId],
      );
      expect(entry).toMatchObject({
        action: 'targets.import',
        reason: 'Excel 导入年度绩效指标：targets.xlsx',
      });
      expect(entry.after.indicators).toHaveLength(6);
    });
  });

  describe('a sheet without an indicator that has reports', () => {
    const withoutReported = GOOD_ROWS.slice(1);
    const uploadWith = (content: Buffer, query: string) =>
      http()
        .post(`/api/projects/${seeded.projectId}/targets/import${query}`)
        .set('Authorization', admin)
        .attach('file', content, 'targets.xlsx');
    const reportedId = () => seeded.indicators['机房年度维护成本增加率'];
    const state = async () =>
      (
        await ds.query(
          `SELECT i.archived_at, (SELECT count(*)::int FROM progress_reports r WHERE r.indicator_id = i.id) AS reports
             FROM indicators i WHERE i.id = $1`,
          [reportedId()],
        )
      )[0];

    it('should preview it as archived with its reports and write nothing', async () => {
      const before = { stored: await stored(), state: await state() };
      const res = await uploadWith(await sheetOf(withoutReported), '?mode=preview').expect(200);
      expect(res.body).toMatchObject({ preview: true, archived: 1, updated: 5 });
      expect(res.body.diff.archived).toEqual([
        expect.objectContaining({
          kind: 'indicator',
          id: reportedId(),
          name: '机房年度维护成本增加率',
          reports: 2,
        }),
      ]);
      expect({ stored: await stored(), state: await state() }).toEqual(before);
    });

    it('should answer 409 IMPORT_NEEDS_CONFIRMATION without confirmArchive, then archive it with it', async () => {
      const refused = await uploadWith(await sheetOf(withoutReported), '').expect(409);
      expect(refused.body.code).toBe('IMPORT_NEEDS_CONFIRMATION');
      expect(refused.body.details.diff.archived).toEqual([
        expect.objectContaining({ id: reportedId(), reports: 2 }),
      ]);
      expect((await state()).archived_at).toBeNull();

      const applied = await uploadWith(await sheetOf(withoutReported), '?confirmArchive=true').expect(201);
      expect(applied.body).toMatchObject({ archived: 1, restored: 0 });
      expect(await state()).toEqual({ archived_at: expect.any(Date), reports: 2 });
      expect((await stored()).map((i) => i.name)).not.toContain('机房年度维护成本增加率');
      const [audit] = await ds.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'indicator.archive-by-import' AND entity_id = $1`,
        [reportedId()],
      );
      expect(audit.n).toBe(1);
    });

    it('should restore the same indicator with its reports when a later sheet holds it again', async () => {
      const res = await upload(admin, await sheetOf(GOOD_ROWS)).expect(201);
      expect(res.body).toMatchObject({ restored: 1, created: 0, archived: 0 });
      expect(await state()).toEqual({ archived_at: null, reports: 2 });
      expect((await stored())[0]).toMatchObject({ id: reportedId(), reports: 2 });
      const [audit] = await ds.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'indicator.restore-by-import' AND entity_id = $1`,
        [reportedId()],
      );
      expect(audit.n).toBe(1);
    });
  });

  describe('a sheet with bad rows', () => {
    const rows: SheetRow[] = [
      ['效益指标', '数量指标', '培训场次', '≥', 1, '场', null, '正向'],
      ['产出指标', '数量指标', '培训人数', '≈', 1, '人', null, '正向'],
      ['产出指标', '质量指标', '合格率', '≥', '很多', '%', null, '正向'],
      ['产出指标', '时效指标', '办结时限', '≤', 48, '小时', null, '正向'],
      ['产出指标', '数量指标', null, '≥', 3, '个', null, '正向'],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥', 90, '%', 120, '正向'],
      ['成本指标', '经济成本指标', '运维成本', '≤', 10, '万元', 10, '反向'],
      ['成本指标', '经济成本指标', '运维成本', '≤', 12, '万元', 10, '反向'],
      ['其他指标', '数量指标', '其他', '≥', 1, '个', null, '正向'],
    ];

    it('should report every bad row with row, column and a Chinese message, and write nothing', async () => {
      const before = await stored();
      const auditBefore = await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [
        seeded.projectId,
      ]);
      const res = await upload(admin, await sheetOf(rows)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toBe('导入文件有 8 处错误，未导入任何内容');
      expect(res.body.errors).toEqual({
        'rows[2].二级指标': '第 2 行「二级指标」：二级指标“数量指标”属于产出指标，不能放在效益指标下',
        'rows[3].指标性质': '第 3 行「指标性质」：指标性质只能是 ≥、>、=、<、≤、定性',
        'rows[4].指标值': '第 4 行「指标值」：指标值必须是数字',
        'rows[5].指标方向性': '第 5 行「指标方向性」：指标性质为“≤”时应为反向',
        'rows[6].三级指标': '第 6 行「三级指标」：请填写三级指标',
        'rows[7].权重': '第 7 行「权重」：权重必须是 0–100 之间的数字（最多两位小数）',
        'rows[9].三级指标': '第 9 行「三级指标」：与第 8 行重复（同一二级指标下的三级指标不能重名）',
        'rows[10].一级指标': '第 10 行「一级指标」：一级指标只能是 成本指标、产出指标、效益指标、满意度指标',
      });
      expect(res.body.details.rows).toHaveLength(8);
      expect(res.body.details.rows[0]).toEqual({
        row: 2,
        column: '二级指标',
        message: '二级指标“数量指标”属于产出指标，不能放在效益指标下',
      });
      expect(await stored()).toEqual(before);
      expect(
        await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [seeded.projectId]),
      ).toEqual(auditBefore);
    });

    it.each<[string, () => Promise<Buffer>, RegExp]>([
      ['a file that is not Excel', async () => Buffer.from('一级指标,二级指标\n'), /xlsx/],
      ['a sheet without the header', async () => sheetOf([['a', 'b']], ['甲', '乙']), /表头/],
      [
        'a sheet missing a column',
        async () => sheetOf([], TARGET_SHEET_COLUMNS.slice(0, 5)),
        /缺少列：度量单位、指标方向性/,
      ],
      ['a sheet without rows', async () => sheetOf([]), /没有指标行/],
    ])('should answer 400 on the file for %s', async (_case, content, message) => {
      const res = await upload(admin, await content()).expect(400);
      expect(res.body.errors.file).toMatch(message);
    });

    it('should answer 400 when no file is sent', async () => {
      const res = await http()
        .post(`/api/projects/${seeded.projectId}/targets/import`)
        .set('Authorization', admin)
        .expect(400);
      expect(res.body.errors.file).toBeDefined();
    });
  });

  describe('who may import, and when', () => {
    it('should let only the admin import', async () => {
      const content = await sheetOf([['产出指标', '数量指标', '测试', '≥', 1, '个', null, '正向']]);
      const { bearer: leader } = await signIn(app, ds, 'leader', seeded.departmentId);
      const { bearer: auditor } = await signIn(app, ds, 'auditor');
      for (const bearer of [lead, leader, auditor]) expect((await upload(bearer, content)).status).toBe(403);
    });

    it('should refuse to replace the targets of a project whose self-evaluation is submitted (423)', async () => {
      const [{ id: projectId }] = await ds.query(
        `SELECT id FROM projects WHERE fiscal_year_id = $1 AND name = '人社局劳动维权工作经费'`,
        [seeded.fiscalYearId],
      );
      await ds.query(
        `INSERT INTO self_evaluations (fiscal_year_id, project_id, status) VALUES ($1, $2, 'approved')`,
        [seeded.fiscalYearId, projectId],
      );
      const before = await stored(projectId);
      const content = await sheetOf([['产出指标', '数量指标', '测试', '≥', 1, '个', null, '正向']]);
      const res = await upload(admin, content, projectId).expect(423);
      expect(res.body.message).toContain('不能替换');
      expect(await stored(projectId)).toEqual(before);
    });

    it('should answer 404 for an unknown project', async () => {
      const content = await sheetOf([['产出指标', '数量指标', '测试', '≥', 1, '个', null, '正向']]);
      await upload(admin, content, '00000000-0000-4000-8000-000000000000').expect(404);
    });
  });
});
