import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { seedDocument } from '../factories/seed-document.factory';
import { signIn } from '../factories/user.factory';

export interface SeededYear {
  code: string;
  departmentId: string;
  fiscalYearId: string;
  /** 信息化建设, the seed's first project: 53 万元, seven annual indicators. */
  projectId: string;
  /** Annual indicator ids of the project by 三级指标 name. */
  indicators: Record<string, string>;
}

/**
 * The year 2025 of 信息化建设 month by month (年度指标值 in brackets); the last report of each indicator is what
 * the self-evaluation starts from. 系统故障修复响应时间 was last reported in November.
 */
export const SCRIPTED_YEAR: Record<string, string[]> = {
  机房年度维护成本增加率: ['3%', '4%', '4%', '5%', '5%', '6%', '6%', '7%', '7%', '8%', '8%', '9%'], // ≤8%
  维护设备及系统数量: ['1套', '2套', '3套', '4套', '5套', '6套', '7套', '8套', '9套', '10套', '11套', '12套'], // 13 套
  机房正常运行时长占比: Array.from({ length: 12 }, (_, m) => (m === 11 ? '99.8%' : '99.9%')), // ≥ 99.5%
  系统故障修复响应时间: [
    '24小时',
    '24小时',
    '1天',
    '1天',
    '1天',
    '30小时',
    '30小时',
    '1天',
    '1天',
    '2天',
    '2天',
  ], // ≤48 小时
  系统运维响应时间: [
    '20分钟',
    '20分钟',
    '25分钟',
    '25分钟',
    '30分钟',
    '30分钟',
    '35分钟',
    '35分钟',
    '40分钟',
    '40分钟',
    '45分钟',
    '45分钟',
  ], // ≤30分钟
  保障业务正常开展: [
    '达成',
    '达成',
    '达成',
    '达成',
    '达成',
    '部分达成',
    '部分达成',
    '部分达成',
    '部分达成',
    '部分达成',
    '部分达成',
    '部分达成',
  ], // 保障 (定性)
  员工满意度: ['92%', '92%', '93%', '93%', '94%', '94%', '94%', '95%', '95%', '95%', '95%', '95%'], // ≥90%
};

/** 执行数 year to date, 元, per month; December is 90 % of the 53 万元 budget. */
export const SCRIPTED_EXECUTION = [
  20000, 60000, 90000, 130000, 170000, 210000, 250000, 290000, 330000, 380000, 430000, 477000,
];

export async function loadSeedYear(app: INestApplication, ds: DataSource, code: string): Promise<SeededYear> {
  await app.get(ImportsService).load(seedDocument(code), null, `${code}.json`, code);
  const [{ departmentId, fiscalYearId }] = await ds.query(
    `SELECT d.id AS "departmentId", fy.id AS "fiscalYearId" FROM departments d JOIN fiscal_years fy ON fy.department_id = d.id
      WHERE d.code = $1 AND fy.year = 2025`,
    [code],
  );
  const [{ id: projectId }] = await ds.query(
    `SELECT id FROM projects WHERE fiscal_year_id = $1 AND name = '信息化建设'`,
    [fiscalYearId],
  );
  const rows: { id: string; name: string }[] = await ds.query(
    `SELECT i.id, i.name FROM indicators i JOIN goals g ON g.id = i.goal_id WHERE g.project_id = $1 AND g.term = 'annual'`,
    [projectId],
  );
  return {
    code,
    departmentId,
    fiscalYearId,
    projectId,
    indicators: Object.fromEntries(rows.map((row) => [row.name, row.id])),
  };
}

/** Inserts the scripted months as monitoring would have stored them, every month approved. */
export async function scriptYear(ds: DataSource, seeded: SeededYear): Promise<void> {
  for (let month = 1; month <= 12; month++) {
    await ds.query(
      `INSERT INTO report_periods (fiscal_year_id, project_id, period, status) VALUES ($1, $2, $3, 'approved')`,
      [seeded.fiscalYearId, seeded.projectId, `2025-${String(month).padStart(2, '0')}`],
    );
  }
  for (const [name, months] of Object.entries(SCRIPTED_YEAR)) {
    for (const [index, actual] of months.entries()) {
      await ds.query(`INSERT INTO progress_reports (indicator_id, period, actual_raw) VALUES ($1, $2, $3)`, [
        seeded.indicators[name],
        `2025-${String(index + 1).padStart(2, '0')}`,
        actual,
      ]);
    }
  }
  for (const [index, executed] of SCRIPTED_EXECUTION.entries()) {
    await ds.query(`INSERT INTO budget_executions (project_id, period, executed_yuan) VALUES ($1, $2, $3)`, [
      seeded.projectId,
      `2025-${String(index + 1).padStart(2, '0')}`,
      executed,
    ]);
  }
}

/** A signed-in lead assigned to the project. */
export async function assignedLead(
  app: INestApplication,
  ds: DataSource,
  departmentId: string,
  projectId: string,
): Promise<string> {
  const lead = await signIn(app, ds, 'lead', departmentId);
  await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
    projectId,
    lead.user.id,
  ]);
  return lead.bearer;
}
