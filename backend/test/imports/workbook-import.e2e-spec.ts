import { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TARGET_SHEET_COLUMNS } from '../../src/modules/exports/target-sheet.reader';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { uniqueCode } from '../factories/department.factory';
import { seedDocument } from '../factories/seed-document.factory';
import { signIn } from '../factories/user.factory';
import { binary, readWorkbook, workbookBuffer } from '../factories/xlsx.factory';
import { createTestApp } from '../setup/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Issue #19, admin at scale: the document import refused the product's own xlsx ("未能识别部门编码与名称"). */
describe('document import of Excel workbooks (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let admin: string;
  let fiscalYearId: string;
  const code = uniqueCode();
  const http = () => request(app.getHttpServer());
  const upload = (content: Buffer, query = '') =>
    http()
      .post(`/api/imports${query}`)
      .set('Authorization', admin)
      .attach('file', content, { filename: 'targets.xlsx', contentType: XLSX });
  const download = async (url: string): Promise<Buffer> =>
    (await http().get(url).set('Authorization', admin).buffer(true).parse(binary).expect(200)).body;
  /** Every current indicator of the department-year with what an import could change. */
  const indicators = (): Promise<{ id: string; name: string; target_raw: string; version: number }[]> =>
    ds.query(
      `SELECT i.id, i.name, i.target_raw, i.version FROM indicators i JOIN goals g ON g.id = i.goal_id
        WHERE g.fiscal_year_id = $1 AND i.archived_at IS NULL ORDER BY i.id`,
      [fiscalYearId],
    );

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    await app.get(ImportsService).load(seedDocument(code), null, 'seed.json', 'seed');
    [{ id: fiscalYearId }] = await ds.query(
      `SELECT fy.id FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE d.code = $1`,
      [code],
    );
  });

  afterAll(async () => {
    await app.close();
  });

  it('should import the downloaded 表11 / 表12 workbook back with nothing changed', async () => {
    const before = await indicators();
    const content = await download(`/api/departments/${code}/years/2025/targets.xlsx`);
    const res = await upload(content).expect(201);
    expect(res.body).toMatchObject({ departmentCode: code, year: 2025, preview: false });
    if (!res.body.unchanged)
      for (const kind of ['projects', 'goals', 'indicators'])
        expect(res.body.summary[kind]).toMatchObject({ created: 0, updated: 0, archived: 0 });
    expect(await indicators()).toEqual(before);
  });

  it('should preview, then apply, a target edited in the downloaded workbook', async () => {
    const workbook = await readWorkbook(await download(`/api/departments/${code}/years/2025/targets.xlsx`));
    const sheet = workbook.worksheets[1];
    let edited: { name: string; row: number } | undefined;
    sheet.eachRow((row, number) => {
      if (!edited && number > 11 && row.getCell(4).value === '≥90%' && row.getCell(3).value)
        edited = { name: String(row.getCell(3).value), row: number };
    });
    if (!edited) throw new Error('no ≥90% target on the first project sheet');
    sheet.getCell(edited.row, 4).value = '≥95%';
    const content = await workbookBuffer(workbook);

    const before = await indicators();
    const preview = await upload(content, '?mode=preview').expect(200);
    expect(preview.body.preview).toBe(true);
    expect(preview.body.summary.indicators).toMatchObject({ created: 0, updated: 1, archived: 0 });
    expect(await indicators()).toEqual(before);

    await upload(content).expect(201);
    const changed = (await indicators()).filter(
      (row, i) => row.target_raw !== before[i].target_raw || row.name !== before[i].name,
    );
    expect(changed.map((row) => [row.name, row.target_raw])).toEqual([[edited.name, '≥95%']]);
  });

  it('should replace a project’s annual indicators from a provincial sheet named after the project', async () => {
    const name = `省格式项目 ${code}`;
    const [project] = await ds.query(
      `UPDATE projects SET name = $2 WHERE id = (SELECT id FROM projects WHERE fiscal_year_id = $1 ORDER BY seq LIMIT 1)
       RETURNING id`,
      [fiscalYearId, name],
    );
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([...TARGET_SHEET_COLUMNS]);
    sheet.addRow(['产出指标', '数量指标', '举办招聘会场次', '≥', '12', '场', '10', '正向']);
    sheet.addRow(['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥', '90', '%', '10', '正向']);
    const res = await upload(await workbookBuffer(workbook)).expect(201);
    expect(res.body.departmentCode).toBe(code);
    const annual: { name: string; target_raw: string; confidence: string }[] = await ds.query(
      `SELECT i.name, i.target_raw, i.target_confidence AS confidence FROM indicators i JOIN goals g ON g.id = i.goal_id
        WHERE g.project_id = $1 AND g.term = 'annual' AND i.archived_at IS NULL ORDER BY i.name`,
      [project[0].id],
    );
    expect(annual).toEqual([
      { name: '举办招聘会场次', target_raw: '≥12场', confidence: 'explicit' },
      { name: '服务对象满意度', target_raw: '≥90%', confidence: 'explicit' },
    ]);
  });

  it.each([
    ['a workbook of neither layout', 'notes', '应为本系统导出的绩效目标表'],
    ['the import template as downloaded', 'template', '（工作表“绩效指标”没有指标行）'],
    [
      'the template filled in without naming its sheet after a project',
      'filled',
      '应以项目名称或项目编码命名',
    ],
  ])(
    'should answer 400 saying what was expected for %s, and write nothing',
    async (_case, kind, expected) => {
      let content: Buffer;
      if (kind === 'notes') {
        const workbook = new Workbook();
        workbook.addWorksheet('notes').addRow(['会议纪要', '2025-01-05']);
        content = await workbookBuffer(workbook);
      } else {
        content = await download('/api/imports/target-template.xlsx');
        if (kind === 'filled') {
          const workbook = await readWorkbook(content);
          const row = workbook.getWorksheet('绩效指标')?.getRow(2);
          ['产出指标', '数量指标', '举办招聘会场次', '≥', '12', '场', '10', '正向'].forEach((value, i) => {
            if (row) row.getCell(i + 1).value = value;
          });
          content = await workbookBuffer(workbook);
        }
      }
      const before = await indicators();
      const res = await upload(content).expect(400);
      expect(res.body.errors.file).toContain(expected);
      // Said once: the message and the field do not repeat the parser's "未能识别部门编码".
      expect(res.body.message).not.toContain('未能识别部门编码');
      expect(await indicators()).toEqual(before);
    },
  );
});
