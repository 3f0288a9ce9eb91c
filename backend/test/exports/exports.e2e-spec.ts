import { INestApplication } from '@nestjs/common';
import { Workbook, type Worksheet } from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { assignedLead, loadSeedYear, scriptYear, SeededYear } from '../self-evaluation/scripted-year';
import { binary, DOCX, docxText, readWorkbook, XLSX } from '../factories/downloads';
import { createTestApp } from '../setup/test-app';

interface ItemJson {
  name: string;
  level1: string;
  level2: string;
  targetRaw: string;
  actual: string | null;
  weight: number;
  score: number | null;
  deviationAnalysis: string | null;
  explanation: string | null;
}

const value = (sheet: Worksheet, address: string) => sheet.getCell(address).value;
const masterOf = (sheet: Worksheet, address: string) => sheet.getCell(address).master.address;

describe('exports (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let seeded: SeededYear;
  let lead: string;
  let leader: string;
  let admin: string;
  let auditor: string;
  let projectView: {
    items: ItemJson[];
    overallTarget: string;
    total: number;
    version: number;
    budget: { explanation: string | null };
    indicatorExplanation: string;
    consistency: { explanation: string } | null;
  };
  const http = () => request(app.getHttpServer());
  const download = (url: string, bearer: string) =>
    http().get(url).set('Authorization', bearer).buffer(true).parse(binary);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    seeded = await loadSeedYear(app, ds, uniqueCode());
    await scriptYear(ds, seeded);
    lead = await assignedLead(app, ds, seeded.departmentId, seeded.projectId);
    ({ bearer: leader } = await signIn(app, ds, 'leader', seeded.departmentId));
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    ({ bearer: auditor } = await signIn(app, ds, 'auditor'));
    const saved = await http()
      .put(`/api/projects/${seeded.projectId}/self-evaluation/2025`)
      .set('Authorization', lead)
      .send({
        version: 0,
        overallResult: '机房运行稳定，全年无重大网络故障',
        items: [
          {
            indicatorId: seeded.indicators['保障业务正常开展'],
            score: 21,
            deviationAnalysis: '机房搬迁期间业务短时中断；已建成双链路备份',
          },
          {
            indicatorId: seeded.indicators['系统运维响应时间'],
            deviationAnalysis: '运维人员不足，下年度增加驻场人员',
          },
        ],
      })
      .expect(200);
    projectView = saved.body;
    await http()
      .put(`/api/departments/${seeded.code}/years/2025/self-evaluation`)
      .set('Authorization', admin)
      .send({ version: 0, executedYuan: 115888790 })
      .expect(200);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('项目支出绩效自评表', () => {
    let sheet: Worksheet;
    let res: request.Response;

    beforeAll(async () => {
      res = await download(`/api/projects/${seeded.projectId}/self-evaluation/2025.xlsx`, leader).expect(200);
      sheet = (await readWorkbook(res.body)).getWorksheet('项目支出绩效自评表') as Worksheet;
    });

    it('should be an xlsx attachment with a UTF-8 file name', () => {
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="self-evaluation-2025-project-1.xlsx"; filename*=UTF-8''${encodeURIComponent('2025年度项目支出绩效自评表-信息化建设.xlsx')}`,
      );
    });

    it.each([
      ['A1', '项目支出绩效自评表', 'H1'],
      ['A3', '项目名称', 'A3'],
      ['B3', '信息化建设', 'H3'],
      ['A4', '主管部门', 'A4'],
      ['B4', '区人社局', 'D4'],
      ['E4', '实施单位', 'E4'],
      ['F4', '区人社局', 'H4'],
      ['A5', '项目资金（万元）', 'A6'],
      ['B5', '年初预算数', 'B5'],
      ['C5', '全年预算数', 'C5'],
      ['D5', '全年执行数', 'D5'],
      ['E5', '分值', 'E5'],
      ['F5', '执行率', 'F5'],
      ['G5', '得分', 'H5'],
      ['A7', '年度总体目标', 'A8'],
      ['B7', '预期目标', 'E7'],
      ['F7', '实际完成情况', 'H7'],
      ['A9', '一级指标', 'A9'],
      ['H9', '偏差原因分析及改进措施', 'H9'],
    ])('should hold %s = %s, merged through %s', (address, text, lastOfMerge) => {
      expect(value(sheet, address)).toBe(text);
      expect(masterOf(sheet, lastOfMerge)).toBe(address);
    });

    it('should carry the 项目资金 numbers in 万元 and the budget score', () => {
      expect([value(sheet, 'B6'), value(sheet, 'C6'), value(sheet, 'D6'), value(sheet, 'E6')]).toEqual([
        53, 53, 47.7, 10,
      ]);
      expect(value(sheet, 'F6')).toBeCloseTo(0.9, 10);
      expect(sheet.getCell('F6').numFmt).toBe('0.00%');
      expect(value(sheet, 'G6')).toBe(9);
      expect(masterOf(sheet, 'H6')).toBe('G6');
      expect(value(sheet, 'B8')).toBe(projectView.overallTarget);
      expect(value(sheet, 'F8')).toBe('机房运行稳定，全年无重大网络故障');
    });

    it('should have one row per indicator, cell by cell as the evaluation computed it', () => {
      projectView.items.forEach((item, i) => {
        const row = 10 + i;
        expect([
          value(sheet, `A${row}`),
          value(sheet, `B${row}`),
          value(sheet, `C${row}`),
          value(sheet, `D${row}`),
          value(sheet, `E${row}`),
          value(sheet, `F${row}`),
          value(sheet, `G${row}`),
          value(sheet, `H${row}`),
        ]).toEqual([
          item.level1,
          item.level2,
          item.name,
          item.targetRaw,
          item.actual,
          item.weight,
          item.score,
          item.deviationAnalysis,
        ]);
      });
      expect(projectView.items.map((item) => item.score)).toEqual([8.75, 9.23, 10, 10, 5, 21, 10]);
    });

    it('should merge 一级 and 二级 over their runs of rows', () => {
      // 成本 (row 10); 产出 rows 11–14: 数量 11, 质量 12, 时效 13–14; 效益 15; 满意度 16.
      expect(masterOf(sheet, 'A10')).toBe('A10');
      expect(masterOf(sheet, 'A14')).toBe('A11');
      expect(masterOf(sheet, 'B14')).toBe('B13');
      expect(masterOf(sheet, 'B12')).toBe('B12');
      expect(masterOf(sheet, 'A15')).toBe('A15');
    });

    it('should end with 总分 and 等级', () => {
      expect(value(sheet, 'A17')).toBe('总分');
      expect(masterOf(sheet, 'E17')).toBe('A17');
      expect([value(sheet, 'F17'), value(sheet, 'G17')]).toEqual([100, 82.98]);
      expect(value(sheet, 'A18')).toBe('等级');
      expect(value(sheet, 'F18')).toBe('良');
      expect(masterOf(sheet, 'H18')).toBe('F18');
    });

    it('should print how every score came about below the form, and note it on each score cell', () => {
      const notes: string[] = [];
      sheet.eachRow((row, number) => {
        if (number > 18) notes.push(String(row.getCell(1).value ?? ''));
      });
      const start = notes.indexOf('计分说明：');
      expect(start).toBeGreaterThan(-1);
      expect(notes.slice(start + 1)).toEqual([
        `1. 预算执行率：${projectView.budget.explanation}`,
        ...projectView.items.map((item, i) => `${i + 2}. ${item.name}：${item.explanation}`),
        `9. ${projectView.indicatorExplanation}`,
        '10. 总分 = 预算执行率得分 9 + 指标得分 73.98 = 82.98 → 等级“良”',
        `11. 一致性预警：${projectView.consistency?.explanation}`,
      ]);
      expect(sheet.getCell('G6').note).toBe(projectView.budget.explanation);
      expect(sheet.getCell('G15').note).toBe('定性指标评定为“部分达成”，得分区间 [18, 24)，评定得分 21');
    });
  });

  describe('the department workbook', () => {
    let workbook: Workbook;
    let summary: {
      projects: Array<{ name: string; total: number | null; grade: string | null; rate: number | null }>;
    };

    beforeAll(async () => {
      const res = await download(
        `/api/departments/${seeded.code}/years/2025/self-evaluation.xlsx`,
        auditor,
      ).expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('2025年度绩效自评表-')}`,
      );
      workbook = await readWorkbook(res.body);
      summary = (
        await http()
          .get(`/api/departments/${seeded.code}/years/2025/self-evaluation`)
          .set('Authorization', auditor)
      ).body;
    });

    it('should hold the summary, the department-wide sheet and one sheet per project', () => {
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        '汇总',
        '部门整体',
        ...summary.projects.map((project, i) => `${i + 1}.${project.name}`.slice(0, 31)),
      ]);
    });

    it('should list every project in the summary with the evaluation numbers', () => {
      const sheet = workbook.getWorksheet('汇总') as Worksheet;
      expect(masterOf(sheet, 'K1')).toBe('A1');
      expect(value(sheet, 'B3')).toBe('部门整体');
      expect(value(sheet, 'C3')).toBe(12198.82);
      expect(value(sheet, 'D3')).toBe(11588.879);
      summary.projects.forEach((project, i) => {
        const row = 4 + i;
        expect(value(sheet, `B${row}`)).toBe(project.name);
        expect(value(sheet, `H${row}`)).toBe(project.total);
        expect(value(sheet, `I${row}`)).toBe(project.grade);
      });
      expect([value(sheet, 'B4'), value(sheet, 'C4'), value(sheet, 'D4'), value(sheet, 'F4')]).toEqual([
        '信息化建设',
        53,
        47.7,
        9,
      ]);
      expect([
        value(sheet, 'G4'),
        value(sheet, 'H4'),
        value(sheet, 'I4'),
        value(sheet, 'J4'),
        value(sheet, 'K4'),
      ]).toEqual([73.98, 82.98, '良', '正常', '草稿']);
      const totalRow = 4 + summary.projects.length;
      expect(value(sheet, `A${totalRow}`)).toBe('项目合计');
    });

    it('should give each project sheet the project’s own total', () => {
      const first = workbook.worksheets[2];
      expect(value(first, 'B3')).toBe('信息化建设');
      expect(value(first, 'G17')).toBe(82.98);
    });

    it('should group the department-wide indicators under their 表11 goals', () => {
      const sheet = workbook.getWorksheet('部门整体') as Worksheet;
      expect(value(sheet, 'A1')).toBe('部门整体支出绩效自评表');
      expect(value(sheet, 'A3')).toBe('部门名称');
      expect(value(sheet, 'C6')).toBe(12198.82);
      expect(value(sheet, 'D6')).toBe(11588.879);
      expect(String(value(sheet, 'A10'))).toMatch(/^年度目标 1：/);
      expect(masterOf(sheet, 'H10')).toBe('A10');
    });
  });

  it('should export the department-wide 自评表 on its own', async () => {
    const res = await download(
      `/api/departments/${seeded.code}/years/2025/self-evaluation/overall.xlsx`,
      leader,
    ).expect(200);
    const sheet = (await readWorkbook(res.body)).worksheets[0];
    expect(value(sheet, 'A1')).toBe('部门整体支出绩效自评表');
    expect([value(sheet, 'C6'), value(sheet, 'D6'), value(sheet, 'G6')]).toEqual([12198.82, 11588.879, 9.5]);
  });

  describe('the target tables (表11 / 表12)', () => {
    let workbook: Workbook;

    beforeAll(async () => {
      const res = await download(`/api/departments/${seeded.code}/years/2025/targets.xlsx`, leader).expect(
        200,
      );
      expect(res.headers['content-type']).toBe(XLSX);
      workbook = await readWorkbook(res.body);
    });

    it('should have 表11 and one 表12 per project with goals', async () => {
      const names = workbook.worksheets.map((sheet) => sheet.name);
      const [{ count }] = await ds.query(
        `SELECT count(DISTINCT project_id)::int AS count FROM goals WHERE fiscal_year_id = $1 AND project_id IS NOT NULL`,
        [seeded.fiscalYearId],
      );
      expect(names[0]).toBe('表11 部门整体支出绩效目标表');
      expect(names).toHaveLength(1 + count);
      expect(names[1]).toBe('表12(1) 信息化建设');
    });

    it('should carry the project header and every indicator with its published target', async () => {
      const sheet = workbook.getWorksheet('表12(1) 信息化建设') as Worksheet;
      expect([value(sheet, 'A1'), value(sheet, 'B3'), value(sheet, 'E3'), value(sheet, 'F3')]).toEqual([
        '项目支出绩效目标表',
        '信息化建设',
        '项目编码',
        '42011225031Y000000100',
      ]);
      expect(masterOf(sheet, 'D3')).toBe('B3');
      expect([value(sheet, 'E8'), value(sheet, 'F8')]).toEqual(['项目当年预算（万元）', 53]);
      const indicators: { name: string; target_raw: string; level1: string; term: string }[] = await ds.query(
        `SELECT i.name, i.target_raw, l1.name AS level1, g.term FROM indicators i JOIN goals g ON g.id = i.goal_id
           JOIN indicator_nodes l2 ON l2.id = i.node_id JOIN indicator_nodes l1 ON l1.id = l2.parent_id
          WHERE g.project_id = $1 ORDER BY g.term DESC, g.seq, l1.seq, l2.seq, i.seq`,
        [seeded.projectId],
      );
      const rows: Array<[unknown, unknown, unknown]> = [];
      sheet.eachRow((row, number) => {
        if (number > 11 && indicators.some((i) => i.name === row.getCell(3).value))
          rows.push([row.getCell(1).value, row.getCell(3).value, row.getCell(4).value]);
      });
      expect(rows).toEqual(indicators.map((i) => [i.level1, i.name, i.target_raw]));
    });

    it('should put the 表11 goals with their indicators on the department sheet', () => {
      const sheet = workbook.worksheets[0];
      expect(value(sheet, 'A1')).toBe('部门整体支出绩效目标表');
      const titles: string[] = [];
      sheet.eachRow((row) => {
        const text = String(row.getCell(1).value ?? '');
        if (text.includes('绩效指标 — ')) titles.push(text);
      });
      expect(titles).toHaveLength(8);
      expect(titles[0]).toMatch(/^长期绩效指标 — 长期目标 1：/);
      expect(titles[4]).toMatch(/^年度绩效指标 — 年度目标 1：/);
    });
  });

  describe('部门整体支出绩效自评报告 (Word)', () => {
    let text: string;
    let res: request.Response;

    beforeAll(async () => {
      res = await download(
        `/api/departments/${seeded.code}/years/2025/self-evaluation-report.docx`,
        leader,
      ).expect(200);
      text = await docxText(res.body);
    });

    it('should be a docx attachment with a UTF-8 file name', () => {
      expect(res.headers['content-type']).toBe(DOCX);
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('武汉市东西湖区人力资源和社会保障局2025年度部门整体支出绩效自评报告.docx')}`,
      );
    });

    it.each([
      '武汉市东西湖区人力资源和社会保障局2025年度部门整体支出绩效自评报告',
      '一、部门基本情况',
      '二、预算执行情况',
      '三、绩效目标完成情况',
      '四、存在的问题',
      '五、改进措施',
      '部门整体全年预算数 12,198.82 万元，全年执行数 11,588.879 万元，执行率 95.00%，预算执行得分 9.50 分（分值 10 分）。',
      '1. 信息化建设：全年预算数 53.00 万元，全年执行数 47.70 万元，执行率 90.00%；三级指标 7 项，达成 3 项、未达成 4 项；自评得分 82.98 分，等级为“良”。',
      '机房年度维护成本增加率（目标 ≤8%，实际 9%）',
      '系统运维响应时间（目标 ≤30分钟，实际 45分钟）',
      '信息化建设“系统运维响应时间”：运维人员不足，下年度增加驻场人员',
      '部门整体设年度绩效目标 4 个、三级指标 50 项',
    ])('should say %s', (sentence) => {
      expect(text).toContain(sentence);
    });

    it('should list the indicators of each project with target, actual, weight and score', () => {
      for (const item of projectView.items)
        expect(text).toContain(
          [item.name, item.targetRaw, item.actual, item.weight.toFixed(2), item.score?.toFixed(2)].join('\n'),
        );
    });
  });

  describe('permissions', () => {
    const urls = () => [
      `/api/projects/${seeded.projectId}/self-evaluation/2025.xlsx`,
      `/api/departments/${seeded.code}/years/2025/self-evaluation.xlsx`,
      `/api/departments/${seeded.code}/years/2025/self-evaluation/overall.xlsx`,
      `/api/departments/${seeded.code}/years/2025/targets.xlsx`,
      `/api/departments/${seeded.code}/years/2025/self-evaluation-report.docx`,
    ];

    it('should let any reader of the department download, and nobody else', async () => {
      const [other] = await ds.query(
        `INSERT INTO departments (code, name) VALUES ($1, '其他部门') RETURNING id`,
        [uniqueCode()],
      );
      const outsider = await signIn(app, ds, 'leader', other.id);
      for (const url of urls()) {
        expect((await download(url, lead)).status).toBe(200);
        expect((await download(url, outsider.bearer)).status).toBe(403);
        expect((await http().get(url)).status).toBe(401);
      }
    });

    it('should answer 404 for an unknown department-year', async () => {
      await download(`/api/departments/${seeded.code}/years/2024/self-evaluation.xlsx`, admin).expect(404);
    });
  });
});
