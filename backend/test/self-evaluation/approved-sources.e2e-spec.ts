import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueCode } from '../factories/department.factory';
import { binary, readWorkbook } from '../factories/xlsx.factory';
import { createTestApp } from '../setup/test-app';
import { assignedLead, loadSeedYear, SeededYear } from './scripted-year';

interface Origin {
  kind: 'approved' | 'submitted' | 'entered';
  period: string | null;
  label: string;
}

interface ItemBody {
  name: string;
  actual: string | null;
  actualOrigin: Origin | null;
  deviationAnalysis: string | null;
  deviationOrigin: Origin | null;
}

/**
 * Issue #19, year end: the 自评表 took an indicator's actual from an unsubmitted August draft and left
 * 偏差原因分析及改进措施 empty although July's approved report gave a reason.
 */
describe('self-evaluation sources (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let seeded: SeededYear;
  let lead: string;
  const http = () => request(app.getHttpServer());
  const url = () => `/api/projects/${seeded.projectId}/self-evaluation/2025`;
  const item = (body: { items: ItemBody[] }, name: string) =>
    body.items.find((i) => i.name === name) as ItemBody;

  const period = (month: string, status: string) =>
    ds.query(
      `INSERT INTO report_periods (fiscal_year_id, project_id, period, status) VALUES ($1, $2, $3, $4)`,
      [seeded.fiscalYearId, seeded.projectId, month, status],
    );
  const report = (name: string, month: string, actual: string, reason?: string, corrective?: string) =>
    ds.query(
      `INSERT INTO progress_reports (indicator_id, period, actual_raw, reason_text, corrective_action)
       VALUES ($1, $2, $3, $4, $5)`,
      [seeded.indicators[name], month, actual, reason ?? null, corrective ?? null],
    );

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    seeded = await loadSeedYear(app, ds, uniqueCode());
    lead = await assignedLead(app, ds, seeded.departmentId, seeded.projectId);
    await period('2025-07', 'approved');
    await period('2025-08', 'draft');
    await period('2025-09', 'submitted');
    await report('维护设备及系统数量', '2025-07', '7套', '设备采购延期', '加快采购进度');
    await report('维护设备及系统数量', '2025-08', '8套');
    await report('员工满意度', '2025-07', '92%');
    await report('员工满意度', '2025-09', '95%');
    await report('系统运维响应时间', '2025-09', '30分钟', '人手不足');
    await report('机房正常运行时长占比', '2025-08', '99.9%');
    // 全年执行数: July approved, a larger August draft, a September submitted month.
    for (const [month, yuan] of [
      ['2025-07', 1_000_000],
      ['2025-08', 2_000_000],
      ['2025-09', 3_000_000],
    ] as const)
      await ds.query(
        `INSERT INTO budget_executions (project_id, period, executed_yuan) VALUES ($1, $2, $3)`,
        [seeded.projectId, month, yuan],
      );
  });

  afterAll(async () => {
    await app.close();
  });

  it('should take the actual from the approved July report, not the August draft, with July reason prefilled', async () => {
    const { body } = await http().get(url()).set('Authorization', lead).expect(200);
    expect(item(body, '维护设备及系统数量')).toMatchObject({
      actual: '7套',
      actualOrigin: { kind: 'approved', period: '2025-07', label: '取自 2025-07 已审核填报' },
      deviationAnalysis: '偏差原因：设备采购延期；改进措施：加快采购进度',
      deviationOrigin: { kind: 'approved', period: '2025-07', label: '取自 2025-07 已审核填报' },
    });
    // An approved month wins over a later submitted one; a draft is never read.
    expect(item(body, '员工满意度')).toMatchObject({
      actual: '92%',
      actualOrigin: { kind: 'approved', period: '2025-07' },
      deviationAnalysis: null,
      deviationOrigin: null,
    });
    expect(item(body, '机房正常运行时长占比')).toMatchObject({ actual: null, actualOrigin: null });
  });

  it('should mark an actual from a submitted, not yet approved month as such', async () => {
    const { body } = await http().get(url()).set('Authorization', lead).expect(200);
    expect(item(body, '系统运维响应时间')).toMatchObject({
      actual: '30分钟',
      actualOrigin: { kind: 'submitted', period: '2025-09', label: '取自 2025-09 已提交（未审核）填报' },
      deviationAnalysis: '偏差原因：人手不足',
      deviationOrigin: { kind: 'submitted', period: '2025-09', label: '取自 2025-09 已提交（未审核）填报' },
    });
  });

  it('should take 全年执行数 from the approved July, not the later draft or submitted months, in the sheet and its export', async () => {
    const { body } = await http().get(url()).set('Authorization', lead).expect(200);
    expect(body.budget).toMatchObject({
      executedYuan: 1_000_000,
      executedSource: 'report',
      executedPeriod: '2025-07',
      executedOrigin: { kind: 'approved', period: '2025-07', label: '取自 2025-07 已审核填报' },
    });
    const res = await http()
      .get(`/api/projects/${seeded.projectId}/self-evaluation/2025.xlsx`)
      .set('Authorization', lead)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const sheet = (await readWorkbook(res.body)).getWorksheet('项目支出绩效自评表');
    // Row 6, column D: 全年执行数 in 万元.
    expect(sheet?.getCell(6, 4).value).toBe(100);
  });

  it('should fall back to the latest submitted month, marked so, once no month is approved', async () => {
    await ds.query(
      `UPDATE report_periods SET status = 'returned', return_reason = '数据有误' WHERE project_id = $1 AND period = '2025-07'`,
      [seeded.projectId],
    );
    try {
      const { body } = await http().get(url()).set('Authorization', lead).expect(200);
      expect(body.budget).toMatchObject({
        executedYuan: 3_000_000,
        executedPeriod: '2025-09',
        executedOrigin: { kind: 'submitted', period: '2025-09', label: '取自 2025-09 已提交（未审核）填报' },
      });
    } finally {
      await ds.query(
        `UPDATE report_periods SET status = 'approved', return_reason = NULL WHERE project_id = $1 AND period = '2025-07'`,
        [seeded.projectId],
      );
    }
  });

  it("should keep the user's own analysis and actual once saved, marked as entered", async () => {
    const { body } = await http()
      .put(url())
      .set('Authorization', lead)
      .send({
        version: 0,
        items: [
          {
            indicatorId: seeded.indicators['维护设备及系统数量'],
            actual: '13套',
            deviationAnalysis: '年底已补齐采购',
          },
        ],
      })
      .expect(200);
    expect(item(body, '维护设备及系统数量')).toMatchObject({
      actual: '13套',
      actualOrigin: { kind: 'entered', period: null, label: '手工填写' },
      deviationAnalysis: '年底已补齐采购',
      deviationOrigin: { kind: 'entered', period: null, label: '手工填写' },
    });
  });
});
