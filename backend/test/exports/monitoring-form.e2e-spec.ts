import { INestApplication } from '@nestjs/common';
import { Workbook, type Worksheet } from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { insertDepartmentYear, uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { assignedLead, loadSeedYear, SeededYear } from '../self-evaluation/scripted-year';
import { binary, DOCX, docxText, readWorkbook, XLSX } from '../factories/downloads';
import { createTestApp } from '../setup/test-app';

/** An error answer of a download route (parsed as bytes). */
const json = (res: request.Response) => JSON.parse((res.body as Buffer).toString('utf8'));
const value = (sheet: Worksheet, address: string) => sheet.getCell(address).value;
const masterOf = (sheet: Worksheet, address: string) => sheet.getCell(address).master.address;
/** The row whose 三级指标 (column C) is the name. */
function rowOf(sheet: Worksheet, name: string): number {
  let found = 0;
  sheet.eachRow((row, number) => {
    if (row.getCell(3).value === name && !found) found = number;
  });
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}
/** Columns G–K: 经费保障 制度保障 人员保障 硬件条件保障 其他; L–N: 确定能 有可能 完全不可能. */
const ticks = (sheet: Worksheet, row: number, from: string, to: string) => {
  const out: unknown[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++)
    out.push(value(sheet, `${String.fromCharCode(c)}${row}`));
  return out.join('');
};

describe('the official monitoring form (执行监控表)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let seeded: SeededYear;
  let lead: string;
  let leader: string;
  let admin: string;
  let roundId: string;
  const http = () => request(app.getHttpServer());
  const download = (url: string, bearer: string) =>
    http().get(url).set('Authorization', bearer).buffer(true).parse(binary);
  const report = (name: string, period: string, body: Record<string, unknown>) =>
    http()
      .put(`/api/indicators/${seeded.indicators[name]}/reports/${period}`)
      .set('Authorization', lead)
      .send(body)
      .expect(200);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    seeded = await loadSeedYear(app, ds, uniqueCode());
    lead = await assignedLead(app, ds, seeded.departmentId, seeded.projectId);
    ({ bearer: leader } = await signIn(app, ds, 'leader', seeded.departmentId));
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    for (const [period, actual] of [
      ['2025-04', '20分钟'],
      ['2025-05', '25分钟'],
      ['2025-06', '35分钟'],
    ])
      await report('系统运维响应时间', period, { actual });
    await report('维护设备及系统数量', '2025-06', {
      actual: '6套',
      forecast: '12套',
      likelihood: '有可能',
      reasons: ['经费保障', '硬件条件保障'],
      reasonText: '设备采购资金下达晚',
      correctiveAction: '加快采购进度',
    });
    await report('机房正常运行时长占比', '2025-05', { actual: '99.9%', likelihood: '确定能' });
    // From January at 3.5 万元 a month: 21 万元 by June, 42 万元 by December at that pace.
    for (const [period, executed] of [
      ['2025-01', 35000],
      ['2025-06', 210000],
    ])
      await http()
        .put(`/api/projects/${seeded.projectId}/budget-execution/${period}`)
        .set('Authorization', lead)
        .send({ executed })
        .expect(200);
    const round = await http()
      .post(`/api/departments/${seeded.code}/years/2025/rounds`)
      .set('Authorization', admin)
      .send({ name: '2025年1–6月 绩效监控', period: '2025-06', deadline: '2025-07-15' })
      .expect(201);
    roundId = round.body.id;
    await http().post(`/api/rounds/${roundId}/close`).set('Authorization', admin).send({}).expect(200);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('a project’s form (xlsx)', () => {
    let sheet: Worksheet;
    let res: request.Response;

    beforeAll(async () => {
      res = await download(`/api/projects/${seeded.projectId}/monitoring/2025-06.xlsx`, leader).expect(200);
      sheet = (await readWorkbook(res.body)).getWorksheet('执行监控表') as Worksheet;
    });

    it('should be an xlsx attachment named after the span and the project', () => {
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="monitoring-2025-06-project-1.xlsx"; filename*=UTF-8''${encodeURIComponent('2025年1–6月项目支出绩效目标执行监控表-信息化建设.xlsx')}`,
      );
    });

    it.each([
      ['A1', '项目支出绩效目标执行监控表', 'A1'],
      ['Q1', '项目支出绩效目标执行监控表', 'A1'],
      ['A2', '（2025年1–6月）', 'A2'],
      ['A4', '项目名称', 'A4'],
      ['K4', '信息化建设', 'B4'],
      ['L4', '项目负责人', 'L4'],
      ['A5', '主管部门', 'A5'],
      ['L5', '实施单位', 'L5'],
      ['A6', '项目资金（万元）', 'A6'],
      ['A8', '项目资金（万元）', 'A6'],
      ['F6', '1–6月执行数', 'F6'],
      ['H6', '执行率', 'G6'],
      ['K6', '全年预计执行数', 'I6'],
      ['N6', '预计结余', 'L6'],
    ])('should hold %s = %s (merged from %s)', (address, text, master) => {
      expect(value(sheet, master)).toBe(text);
      expect(masterOf(sheet, address)).toBe(master);
    });

    it('should give the header’s values: 项目负责人 from 表12, the units, the month', () => {
      expect(value(sheet, 'A3')).toBe('填报单位：区人社局');
      expect(value(sheet, 'L3')).toBe('金额单位：万元');
      expect(masterOf(sheet, 'Q3')).toBe('L3');
      expect(value(sheet, 'O4')).toBe('沈涛');
      expect(masterOf(sheet, 'Q4')).toBe('O4');
      expect(value(sheet, 'B5')).toBe('区人社局');
      expect(value(sheet, 'O5')).toBe('区人社局');
    });

    it('should rate budget execution: 21 of 53 万元 is 39.62 %, projected at the pace to 42 万元', () => {
      expect([value(sheet, 'B7'), value(sheet, 'D7'), value(sheet, 'E7'), value(sheet, 'F7')]).toEqual([
        '合计',
        53,
        53,
        21,
      ]);
      expect(value(sheet, 'G7')).toBe(0.3962);
      expect(sheet.getCell('G7').numFmt).toBe('0.00%');
      expect(value(sheet, 'I7')).toBe(42);
      expect(value(sheet, 'L7')).toBe(11);
      expect(value(sheet, 'O7')).toBe(
        '全年预计执行数为系统预测（全年平均进度）；执行数按项目合计填报，未分资金来源',
      );
      expect([value(sheet, 'B8'), value(sheet, 'D8'), value(sheet, 'F8')]).toEqual([
        '一般公共预算财政拨款',
        53,
        null,
      ]);
    });

    it('should head the indicator block over two rows with the tick groups merged across', () => {
      expect(value(sheet, 'A9')).toBe('一级指标');
      expect(masterOf(sheet, 'A10')).toBe('A9');
      expect(value(sheet, 'E9')).toBe('1–6月执行情况');
      expect(value(sheet, 'G9')).toBe('偏差原因分析');
      expect(masterOf(sheet, 'K9')).toBe('G9');
      expect([value(sheet, 'G10'), value(sheet, 'J10'), value(sheet, 'K10')]).toEqual([
        '经费保障',
        '硬件条件保障',
        '其他',
      ]);
      expect(value(sheet, 'L9')).toBe('完成目标可能性');
      expect(masterOf(sheet, 'N9')).toBe('L9');
      expect([value(sheet, 'L10'), value(sheet, 'M10'), value(sheet, 'N10')]).toEqual([
        '确定能',
        '有可能',
        '完全不可能',
      ]);
      expect([value(sheet, 'O9'), value(sheet, 'P9'), value(sheet, 'Q9')]).toEqual([
        '原因说明',
        '纠偏措施',
        '备注',
      ]);
      expect(sheet.pageSetup).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        fitToWidth: 1,
        printTitlesRow: '9:10',
      });
    });

    it('should tick the reported reasons and likelihood and take the lead’s 全年预计', () => {
      const row = rowOf(sheet, '维护设备及系统数量');
      expect(row).toBeGreaterThanOrEqual(11);
      expect([
        value(sheet, `A${row}`),
        value(sheet, `D${row}`),
        value(sheet, `E${row}`),
        value(sheet, `F${row}`),
      ]).toEqual(['产出指标', '13 套', '6套', '12套']);
      expect(ticks(sheet, row, 'G', 'K')).toBe('☑☐☐☑☐');
      expect(ticks(sheet, row, 'L', 'N')).toBe('☐☑☐');
      expect(sheet.getCell(`G${row}`).border?.top?.style).toBe('thin');
      expect(sheet.getColumn(3).width).toBe(20);
      expect([value(sheet, `O${row}`), value(sheet, `P${row}`), value(sheet, `Q${row}`)]).toEqual([
        '设备采购资金下达晚',
        '加快采购进度',
        '全年预计取填报人填写值',
      ]);
    });

    it('should fall back to the projection where the lead gave no 全年预计, and say so in 备注', () => {
      const row = rowOf(sheet, '系统运维响应时间');
      expect(value(sheet, `E${row}`)).toBe('35分钟');
      expect(value(sheet, `F${row}`)).toMatch(/分钟$/);
      expect(String(value(sheet, `Q${row}`))).toMatch(/^全年预计为系统预测（.+）；完成可能性按预测提出$/);
      expect(ticks(sheet, row, 'L', 'N')).toMatch(/^[☐☑]{3}$/);
      expect(ticks(sheet, row, 'L', 'N').split('☑')).toHaveLength(2);
    });

    it('should show an earlier month’s report, and an unreported indicator as such', () => {
      const earlier = rowOf(sheet, '机房正常运行时长占比');
      expect(value(sheet, `E${earlier}`)).toBe('99.9%');
      expect(ticks(sheet, earlier, 'L', 'N')).toBe('☑☐☐');
      expect(String(value(sheet, `Q${earlier}`))).toContain('执行情况取 5 月填报（本期未填报）');
      const none = rowOf(sheet, '员工满意度');
      expect(value(sheet, `E${none}`)).toBeNull();
      expect(value(sheet, `Q${none}`)).toBe('1–6月未填报');
      expect(ticks(sheet, none, 'G', 'N')).toBe('☐☐☐☐☐☐☐☐');
    });
  });

  it('should write the same form as a Word document with ☑ / ☐', async () => {
    const res = await download(`/api/projects/${seeded.projectId}/monitoring/2025-06.docx`, lead).expect(200);
    expect(res.headers['content-type']).toBe(DOCX);
    const text = await docxText(res.body);
    expect(text).toContain('项目支出绩效目标执行监控表');
    expect(text).toContain('（2025年1–6月）');
    expect(text).toContain('金额单位：万元');
    expect(text).toContain('信息化建设');
    expect(text).toContain('39.62%');
    expect(text).toContain('☑经费保障 ☐制度保障 ☐人员保障 ☑硬件条件保障 ☐其他');
    expect(text).toContain('☐确定能 ☑有可能 ☐完全不可能');
    expect(text).toContain('设备采购资金下达晚');
    const xml = await (
      (await JSZip.loadAsync(res.body)).file('word/document.xml') as JSZip.JSZipObject
    ).async('string');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
  });

  describe('the department workbook', () => {
    let workbook: Workbook;

    beforeAll(async () => {
      const res = await download(
        `/api/departments/${seeded.code}/years/2025/monitoring/2025-06.xlsx`,
        leader,
      ).expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      workbook = await readWorkbook(res.body);
    });

    it('should hold the summary, 部门整体 and one sheet per project', () => {
      const names = workbook.worksheets.map((sheet) => sheet.name);
      expect(names.slice(0, 3)).toEqual(['汇总', '部门整体', '1.信息化建设']);
      expect(names.length).toBeGreaterThan(3);
    });

    it('should sum in the summary and count the likelihoods per project', () => {
      const sheet = workbook.getWorksheet('汇总') as Worksheet;
      expect(masterOf(sheet, 'M1')).toBe('A1');
      expect(value(sheet, 'D3')).toBe('1–6月执行数（万元）');
      expect(value(sheet, 'B4')).toBe('部门整体');
      expect([value(sheet, 'B5'), value(sheet, 'C5'), value(sheet, 'D5'), value(sheet, 'E5')]).toEqual([
        '信息化建设',
        53,
        21,
        0.3962,
      ]);
      expect([
        value(sheet, 'H5'),
        value(sheet, 'I5'),
        value(sheet, 'J5'),
        value(sheet, 'K5'),
        value(sheet, 'M5'),
      ]).toEqual([7, 3, 1, expect.any(Number), 1]);
    });

    it('should give every project the same sheet as its own form (read for all projects at once)', async () => {
      const projects: { id: string }[] = await ds.query(
        `SELECT p.id FROM projects p JOIN fiscal_years fy ON fy.id = p.fiscal_year_id
          WHERE fy.department_id = $1 AND fy.year = 2025 AND p.archived_at IS NULL ORDER BY p.seq`,
        [seeded.departmentId],
      );
      const sheets = workbook.worksheets.slice(2);
      expect(sheets).toHaveLength(projects.length);
      const cells = (sheet: Worksheet): Record<string, unknown> => {
        const all: Record<string, unknown> = {};
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            all[cell.address] = cell.value;
          }),
        );
        return all;
      };
      for (const [index, project] of projects.entries()) {
        const own = await readWorkbook(
          (await download(`/api/projects/${project.id}/monitoring/2025-06.xlsx`, leader).expect(200)).body,
        );
        expect(cells(sheets[index])).toEqual(cells(own.worksheets[0]));
      }
    });

    it('should give 部门整体 its 表11 goals and its projects’ money', () => {
      const sheet = workbook.getWorksheet('部门整体') as Worksheet;
      expect(value(sheet, 'A1')).toBe('部门整体支出绩效目标执行监控表');
      expect(value(sheet, 'A4')).toBe('部门名称');
      expect(value(sheet, 'B7')).toBe('各项目合计');
      expect(value(sheet, 'O7')).toMatch(/^部门整体资金为 \d+ 个项目资金之和$/);
      expect(value(sheet, 'A8')).toBe('一级指标');
      expect(String(value(sheet, 'A10'))).toMatch(/^年度目标 ?1：/);
      expect(masterOf(sheet, 'Q10')).toBe('A10');
    });
  });

  describe('a round’s snapshot', () => {
    beforeAll(async () => {
      // Edited after the round closed: the live form changes, the round's does not.
      const [{ version }] = await ds.query(
        `SELECT version FROM progress_reports WHERE indicator_id = $1 AND period = '2025-06'`,
        [seeded.indicators['维护设备及系统数量']],
      );
      await report('维护设备及系统数量', '2025-06', {
        version,
        actual: '7套',
        likelihood: '确定能',
        reasons: ['人员保障'],
      });
    });

    it('should export what was reported when the round closed, even after a later edit', async () => {
      const live = (
        await readWorkbook(
          (await download(`/api/projects/${seeded.projectId}/monitoring/2025-06.xlsx`, leader).expect(200))
            .body,
        )
      ).worksheets[0];
      const liveRow = rowOf(live, '维护设备及系统数量');
      expect(value(live, `E${liveRow}`)).toBe('7套');
      expect(ticks(live, liveRow, 'G', 'N')).toBe('☐☐☑☐☐☑☐☐');

      const res = await download(
        `/api/projects/${seeded.projectId}/monitoring/2025-06.xlsx?round=${roundId}`,
        leader,
      ).expect(200);
      const sheet = (await readWorkbook(res.body)).worksheets[0];
      const row = rowOf(sheet, '维护设备及系统数量');
      expect(value(sheet, `E${row}`)).toBe('6套');
      expect(ticks(sheet, row, 'G', 'K')).toBe('☑☐☐☑☐');
      expect(ticks(sheet, row, 'L', 'N')).toBe('☐☑☐');
      expect(value(sheet, 'A2')).toBe('（2025年1–6月，监控轮次：2025年1–6月 绩效监控（快照））');
      expect(value(sheet, 'G7')).toBe(0.3962);
    });

    it('should export the round’s department workbook and its Word form', async () => {
      const workbook = await readWorkbook(
        (
          await download(
            `/api/departments/${seeded.code}/years/2025/monitoring/2025-06.xlsx?round=${roundId}`,
            admin,
          ).expect(200)
        ).body,
      );
      const sheet = workbook.getWorksheet('1.信息化建设') as Worksheet;
      expect(value(sheet, `E${rowOf(sheet, '维护设备及系统数量')}`)).toBe('6套');
      const text = await docxText(
        (
          await download(
            `/api/projects/${seeded.projectId}/monitoring/2025-06.docx?round=${roundId}`,
            lead,
          ).expect(200)
        ).body,
      );
      expect(text).toContain('监控轮次：2025年1–6月 绩效监控');
      expect(text).toContain('☑经费保障 ☐制度保障 ☐人员保障 ☑硬件条件保障 ☐其他');
    });

    it('should still read a round closed before the snapshot kept the forms', async () => {
      const [{ snapshot }] = await ds.query(`SELECT snapshot FROM monitoring_rounds WHERE id = $1`, [
        roundId,
      ]);
      const { forms: _f, formVersion: _v, ...legacy } = snapshot;
      const [{ id: oldId }] = await ds.query(
        `INSERT INTO monitoring_rounds (fiscal_year_id, name, period, deadline, status, closed_at, snapshot)
         VALUES ($1, '旧轮次', '2025-06', '2025-07-15', 'closed', now(), $2) RETURNING id`,
        [seeded.fiscalYearId, JSON.stringify(legacy)],
      );
      const res = await download(
        `/api/projects/${seeded.projectId}/monitoring/2025-06.xlsx?round=${oldId}`,
        leader,
      ).expect(200);
      const sheet = (await readWorkbook(res.body)).worksheets[0];
      const row = rowOf(sheet, '维护设备及系统数量');
      expect([value(sheet, `E${row}`), value(sheet, `F${row}`)]).toEqual(['6套', '12套']);
      expect(ticks(sheet, row, 'L', 'N')).toBe('☐☑☐');
      expect(value(sheet, 'F7')).toBe(21);
    });

    it('should refuse a round of another month (400 period), an open round (409) and an unknown one (404)', async () => {
      const wrong = await download(
        `/api/projects/${seeded.projectId}/monitoring/2025-05.xlsx?round=${roundId}`,
        leader,
      ).expect(400);
      expect(json(wrong).errors).toHaveProperty('period');
      const open = await http()
        .post(`/api/departments/${seeded.code}/years/2025/rounds`)
        .set('Authorization', admin)
        .send({ name: '2025年1–7月 绩效监控', period: '2025-07', deadline: '2025-08-15' })
        .expect(201);
      await download(
        `/api/projects/${seeded.projectId}/monitoring/2025-07.xlsx?round=${open.body.id}`,
        leader,
      ).expect(409);
      await download(
        `/api/projects/${seeded.projectId}/monitoring/2025-06.xlsx?round=00000000-0000-4000-8000-000000000000`,
        leader,
      ).expect(404);
      const bad = await download(
        `/api/projects/${seeded.projectId}/monitoring/2025-06.xlsx?round=abc`,
        leader,
      ).expect(400);
      expect(json(bad).errors).toHaveProperty('round');
    });
  });

  describe('refusals', () => {
    it.each(['2025-13', 'abc', '2024-06'])('should answer 400 naming period for %s', async (period) => {
      for (const ext of ['xlsx', 'docx']) {
        const res = await download(
          `/api/projects/${seeded.projectId}/monitoring/${period}.${ext}`,
          leader,
        ).expect(400);
        expect(json(res).errors).toHaveProperty('period');
        expect(res.body.toString()).toContain('period');
      }
      const dept = await download(
        `/api/departments/${seeded.code}/years/2025/monitoring/${period}.xlsx`,
        leader,
      ).expect(400);
      expect(json(dept).errors).toHaveProperty('period');
    });

    it('should answer 403 to another department and 404 to an unknown project', async () => {
      const other = await insertDepartmentYear(ds);
      const { bearer: outsider } = await signIn(app, ds, 'leader', other.departmentId);
      await download(`/api/projects/${seeded.projectId}/monitoring/2025-06.xlsx`, outsider).expect(403);
      await download(`/api/projects/${seeded.projectId}/monitoring/2025-06.docx`, outsider).expect(403);
      await download(`/api/departments/${seeded.code}/years/2025/monitoring/2025-06.xlsx`, outsider).expect(
        403,
      );
      await download(
        '/api/projects/00000000-0000-4000-8000-000000000000/monitoring/2025-06.xlsx',
        leader,
      ).expect(404);
      await download('/api/departments/NOPE1/years/2025/monitoring/2025-06.xlsx', admin).expect(404);
    });

    it('should audit every download', async () => {
      const [{ count }] = await ds.query(
        `SELECT count(*)::int AS count FROM audit_log WHERE action = 'export.download' AND entity_id = $1 AND after->>'fileName' LIKE '%执行监控表%'`,
        [seeded.projectId],
      );
      expect(count).toBeGreaterThanOrEqual(4);
    });
  });
});
