import { INestApplication } from '@nestjs/common';
import { Workbook, type Worksheet } from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ImportsService } from '../../src/modules/imports/imports.service';
import { uniqueCode } from '../factories/department.factory';
import { seedDocument } from '../factories/seed-document.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  projectId: string | null;
  projectName: string;
  goalTerm: string;
  goalLabel: string;
  indicatorId: string | null;
  indicatorName: string | null;
  target: string | null;
}

/** exceljs buffers the whole response: supertest hands it over as bytes. */
const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('target-quality review (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let admin: string;
  let leader: string;
  let outsider: string;
  let importMarkdown: string;
  const code = uniqueCode();
  const base = `/api/departments/${code}/years/2025/target-review`;
  const http = () => request(app.getHttpServer());
  const review = (bearer = leader) => http().get(base).set('Authorization', bearer);
  const switchRule = (ruleId: string, body: object, bearer = admin) =>
    http().put(`${base}/rules/${ruleId}`).set('Authorization', bearer).send(body);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    ({ markdown: importMarkdown } = await app
      .get(ImportsService)
      .load(seedDocument(code), null, 'seed.json', 'seed'));
    const [{ id: departmentId }] = await ds.query(`SELECT id FROM departments WHERE code = $1`, [code]);
    ({ bearer: leader } = await signIn(app, ds, 'leader', departmentId));
    ({ bearer: admin } = await signIn(app, ds, 'admin'));
    const [other] = await ds.query(
      `INSERT INTO departments (code, name) VALUES ($1, '其他部门') RETURNING id`,
      [uniqueCode()],
    );
    ({ bearer: outsider } = await signIn(app, ds, 'leader', other.id));
  });

  afterAll(async () => {
    await app.close();
  });

  it('should answer the seed’s real findings per project, goal and indicator, counted by severity', async () => {
    const body = (await review().expect(200)).body;
    const findings = body.findings as Finding[];
    const it = (ruleId: string, projectName: string, test: (f: Finding) => boolean) =>
      findings.find((f) => f.ruleId === ruleId && f.projectName === projectName && test(f));

    const vague = it('vague-target', '信息化建设', (f) => f.goalTerm === 'long');
    expect(vague).toMatchObject({ indicatorName: '保障业务正常开展', target: '保障', severity: 'error' });
    const [{ id: indicatorId }] = await ds.query(
      `SELECT i.id FROM indicators i JOIN goals g ON g.id = i.goal_id JOIN projects p ON p.id = g.project_id
         JOIN fiscal_years fy ON fy.id = p.fiscal_year_id JOIN departments d ON d.id = fy.department_id
        WHERE d.code = $1 AND p.name = '信息化建设' AND g.term = 'long' AND i.name = '保障业务正常开展'`,
      [code],
    );
    expect(vague?.indicatorId).toBe(indicatorId);

    const unreadable = findings.filter((f) => f.ruleId === 'unreadable-target');
    expect(unreadable.map((f) => f.projectName)).toEqual(['人社局支农返汉人员帮扶资金工作经费']);
    expect(unreadable[0].target?.replace(/\s+/g, '')).toBe('给予生活困难补助，加强社会稳定。');

    const party = findings.filter((f) => f.ruleId === 'goal-missing-level1' && f.projectName === '党建');
    expect(party.map((f) => [f.goalTerm, f.indicatorId, f.message])).toEqual([
      ['annual', null, '目标缺少满意度指标'],
    ]);

    const counted = (severity: string) => findings.filter((f) => f.severity === severity).length;
    expect(body.counts).toEqual({
      error: counted('error'),
      warning: counted('warning'),
      info: counted('info'),
      total: findings.length,
    });
    const partyProject = body.projects.find((p: { name: string }) => p.name === '党建');
    expect(partyProject.counts.total).toBe(findings.filter((f) => f.projectName === '党建').length);
    expect(body.projects[0]).toMatchObject({ projectId: null, name: '部门整体' });
    expect(body.rules.find((r: { id: string }) => r.id === 'goal-missing-cost')).toMatchObject({
      enabled: false,
      defaultEnabled: false,
      findings: 0,
    });
  });

  it('should list the findings in the report of a normalized (JSON) document’s import too', () => {
    expect(importMarkdown).toContain('## 目标质量审查');
    expect(importMarkdown).toContain('| 表12 · 党建 · 年度绩效目标 1 | 目标缺少满意度指标 |');
  });

  it('should hand out the findings as a workbook that reads back the same', async () => {
    const { findings, counts } = (await review().expect(200)).body as {
      findings: Finding[];
      counts: { total: number };
    };
    const res = await http()
      .get(`${base}.xlsx`)
      .set('Authorization', leader)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审查结果') as Worksheet;
    expect(sheet.getCell('A2').value).toContain(`共 ${counts.total} 项`);
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '项目',
      '目标',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '严重程度',
      '规则',
      '问题',
      '修改建议',
    ]);
    expect(sheet.rowCount).toBe(3 + findings.length);
    const row = 4 + findings.findIndex((f) => f.ruleId === 'vague-target' && f.target === '保障');
    expect([2, 6, 7, 8, 10].map((col) => sheet.getRow(row).getCell(col).value)).toEqual([
      '信息化建设',
      '保障业务正常开展',
      '保障',
      '错误',
      '「保障业务正常开展」：指标值「保障」没有数值或可核验的标准',
    ]);
    const rules = workbook.getWorksheet('审查规则') as Worksheet;
    expect(rules.getCell('A2').value).toBe('vague-target');
  });

  it('should let an admin switch a rule off with a reason, audited, and leave its findings out', async () => {
    await switchRule('same-as-long-term', { enabled: false }).expect(400);
    const refused = await switchRule('same-as-long-term', { enabled: false, reason: '   ' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual({ reason: 'reason：停用审查规则须填写原因' });
    const [{ n: before }] = await ds.query(
      `SELECT count(*)::int AS n FROM target_review_rule_settings s JOIN departments d ON d.id = s.department_id WHERE d.code = $1`,
      [code],
    );
    expect(before).toBe(0);

    const saved = await switchRule('same-as-long-term', {
      enabled: false,
      reason: '长期目标与年度目标本年度一致编制',
    }).expect(200);
    expect(saved.body).toMatchObject({
      id: 'same-as-long-term',
      enabled: false,
      version: 1,
      reason: '长期目标与年度目标本年度一致编制',
    });
    const body = (await review().expect(200)).body;
    expect((body.findings as Finding[]).filter((f) => f.ruleId === 'same-as-long-term')).toEqual([]);
    expect(body.rules.find((r: { id: string }) => r.id === 'same-as-long-term')).toMatchObject({
      enabled: false,
      reason: '长期目标与年度目标本年度一致编制',
      findings: 0,
    });

    const [entry] = await ds.query(
      `SELECT action, reason, after FROM audit_log WHERE entity = 'target-review-rule' AND entity_id = $1 ORDER BY at DESC LIMIT 1`,
      [
        (
          await ds.query(
            `SELECT s.id FROM target_review_rule_settings s JOIN departments d ON d.id = s.department_id WHERE d.code = $1`,
            [code],
          )
        )[0].id,
      ],
    );
    expect(entry).toMatchObject({
      action: 'target-review-rule.disable',
      reason: '长期目标与年度目标本年度一致编制',
      after: { code, year: 2025, ruleId: 'same-as-long-term', enabled: false },
    });

    await switchRule('same-as-long-term', { enabled: true, version: 0 }).expect(409);
    const on = await switchRule('same-as-long-term', { enabled: true, version: 1 }).expect(200);
    expect(on.body).toMatchObject({ enabled: true, version: 2 });
    const again = (await review().expect(200)).body.findings as Finding[];
    expect(again.some((f) => f.ruleId === 'same-as-long-term')).toBe(true);
  });

  it('should switch on a rule that is off by default (成本 required this year)', async () => {
    await switchRule('goal-missing-cost', { enabled: true }).expect(200);
    const findings = (await review().expect(200)).body.findings as Finding[];
    const cost = findings.filter((f) => f.ruleId === 'goal-missing-cost');
    expect(cost.map((f) => `${f.projectName} ${f.goalLabel}`)).toContain('部门整体 长期目标 2');
  });

  it('should refuse the switch to anyone but an admin, an unknown rule and a bad body', async () => {
    expect((await switchRule('vague-target', { enabled: false, reason: '试试' }, leader)).status).toBe(403);
    const unknown = await switchRule('no-such-rule', { enabled: true });
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.errors)).toEqual(['ruleId']);
    const bad = await switchRule('vague-target', { enabled: 'no' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['enabled']);
    await http()
      .put(`/api/departments/${code}/years/2024/target-review/rules/vague-target`)
      .set('Authorization', admin)
      .send({ enabled: true })
      .expect(404);
  });

  it('should let readers of the department read it and nobody else', async () => {
    expect((await review(outsider)).status).toBe(403);
    expect((await http().get(base)).status).toBe(401);
    expect((await http().get(`${base}.xlsx`).set('Authorization', outsider)).status).toBe(403);
    await http()
      .get(`/api/departments/${code}/years/2024/target-review`)
      .set('Authorization', admin)
      .expect(404);
  });
});
