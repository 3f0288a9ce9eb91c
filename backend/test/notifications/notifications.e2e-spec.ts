import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MailOutboxService } from '../../src/modules/notifications/mail-outbox.service';
import { ReminderJob } from '../../src/modules/notifications/reminder-job.service';
import { insertDepartmentYear, insertProject, uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import {
  actualAt,
  annualIndicators,
  insertPeriod,
  insertReport,
  isPaced,
  loadDepartment,
} from '../read-api/read-fixtures';
import { addresses, SmtpTestServer } from '../setup/smtp-test-server';
import { createTestApp } from '../setup/test-app';

/** The application started with these settings (read at boot), the environment restored afterwards. */
async function appWith(env: Record<string, string | undefined>) {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  set(env);
  try {
    return await createTestApp();
  } finally {
    set(saved);
  }
}

/** A department-year with one project, its lead (with an e-mail address set by the admin) and a leader. */
async function reportingUnit(app: INestApplication, ds: DataSource) {
  const dept = await insertDepartmentYear(ds, { year: 2025 });
  const projectId = await insertProject(ds, dept.fiscalYearId, { seq: 1, name: '职业技能培训' });
  const lead = await signIn(app, ds, 'lead', dept.departmentId);
  const leader = await signIn(app, ds, 'leader', dept.departmentId);
  const admin = await signIn(app, ds, 'admin');
  await ds.query(`INSERT INTO project_assignments (project_id, user_id) VALUES ($1, $2)`, [
    projectId,
    lead.user.id,
  ]);
  const email = `${lead.user.username}@example.cn`;
  const [{ version }] = await ds.query(`SELECT version FROM users WHERE id = $1`, [lead.user.id]);
  await request(app.getHttpServer())
    .patch(`/api/users/${lead.user.id}`)
    .set('Authorization', admin.bearer)
    .send({ version, email })
    .expect(200);
  return { dept, projectId, lead, leader, admin, email };
}

const returnMonth = (
  app: INestApplication,
  bearer: string,
  projectId: string,
  period: string,
  reason: string,
) =>
  request(app.getHttpServer())
    .post(`/api/projects/${projectId}/periods/${period}/return`)
    .set('Authorization', bearer)
    .send({ reason });

const notificationsOf = async (app: INestApplication, bearer: string) =>
  (await request(app.getHttpServer()).get('/api/notifications').set('Authorization', bearer).expect(200))
    .body;

describe('Reminders by e-mail (a real SMTP server)', () => {
  let smtp: SmtpTestServer;
  let app: INestApplication;
  let ds: DataSource;

  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    ({ app, ds } = await appWith({ SMTP_URL: smtp.url, MAIL_FROM: '绩效监控 <jixiao@example.cn>' }));
  });

  afterAll(async () => {
    await app.close();
    await smtp.stop();
  });

  beforeEach(() => {
    smtp.failing = false;
  });

  it('should notify the lead at once when a leader returns a month, mail the reason, and mark it read', async () => {
    const { dept, projectId, lead, leader, email } = await reportingUnit(app, ds);
    await insertPeriod(ds, dept.fiscalYearId, projectId, '2025-06', 'submitted');
    const reason = '培训人数与签到表不符，请补充签到表';

    await returnMonth(app, leader.bearer, projectId, '2025-06', reason).expect(200);

    const list = await notificationsOf(app, lead.bearer);
    expect(list.unread).toBe(1);
    expect(list.notifications).toEqual([
      expect.objectContaining({
        kind: 'report-returned',
        period: '2025-06',
        projectId,
        projectName: '职业技能培训',
        reason,
        dueDate: '2025-07-10',
        department: { code: dept.code, name: dept.name },
        readAt: null,
      }),
    ]);

    const mail = await smtp.waitFor((m) => addresses(m).includes(email));
    expect(mail.subject).toBe('【绩效监控】职业技能培训 2025年6月 填报被退回');
    expect(mail.from?.text).toContain('jixiao@example.cn');
    expect(mail.text).toContain(`退回原因：${reason}`);
    expect(mail.html).toContain(reason);
    const [outbox] = await ds.query(
      `SELECT status, attempts, sent_at, message_id, last_error FROM mail_outbox WHERE notification_id = $1`,
      [list.notifications[0].id],
    );
    expect(outbox).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(outbox.sent_at).not.toBeNull();
    expect(outbox.message_id).toBe(mail.messageId);

    const id = list.notifications[0].id;
    const other = await signIn(app, ds, 'lead', dept.departmentId);
    await request(app.getHttpServer())
      .post(`/api/notifications/${id}/read`)
      .set('Authorization', other.bearer)
      .expect(404);
    const read = await request(app.getHttpServer())
      .post(`/api/notifications/${id}/read`)
      .set('Authorization', lead.bearer)
      .expect(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await notificationsOf(app, lead.bearer)).unread).toBe(0);
    const audit = await ds.query(
      `SELECT action, actor_id FROM audit_log WHERE entity = 'notification' AND entity_id = $1`,
      [id],
    );
    expect(audit).toEqual([{ action: 'notification.read', actor_id: lead.user.id }]);
  });

  it('should mail a second return of the same month again, with its own reason', async () => {
    const { dept, projectId, lead, leader, email } = await reportingUnit(app, ds);
    await insertPeriod(ds, dept.fiscalYearId, projectId, '2025-05', 'submitted');
    await returnMonth(app, leader.bearer, projectId, '2025-05', '第一次退回：缺少佐证').expect(200);
    await ds.query(
      `UPDATE report_periods SET status = 'submitted' WHERE project_id = $1 AND period = '2025-05'`,
      [projectId],
    );
    await returnMonth(app, leader.bearer, projectId, '2025-05', '第二次退回：金额有误').expect(200);

    const list = await notificationsOf(app, lead.bearer);
    expect(list.notifications.map((n: { reason: string }) => n.reason)).toEqual([
      '第二次退回：金额有误',
      '第一次退回：缺少佐证',
    ]);
    await smtp.waitFor((m) => addresses(m).includes(email) && (m.text ?? '').includes('第二次退回'));
    expect(smtp.to(email)).toHaveLength(2);

    const all = await request(app.getHttpServer())
      .post('/api/notifications/read-all')
      .set('Authorization', lead.bearer)
      .expect(200);
    expect(all.body).toEqual({ updated: 2 });
    expect((await notificationsOf(app, lead.bearer)).unread).toBe(0);
  });

  it('should keep the mail pending with the error while the SMTP server refuses it, and send it on a retry', async () => {
    const { dept, projectId, leader, email } = await reportingUnit(app, ds);
    await insertPeriod(ds, dept.fiscalYearId, projectId, '2025-04', 'submitted');
    smtp.failing = true;
    await returnMonth(app, leader.bearer, projectId, '2025-04', '预算执行数与财务数据不一致').expect(200);

    const outbox = () =>
      ds.query(
        `SELECT o.id, o.status, o.attempts, o.last_error, o.sent_at, o.next_attempt_at FROM mail_outbox o
          WHERE o.to_address = $1`,
        [email],
      );
    const until = Date.now() + 15_000;
    while ((await outbox())[0]?.attempts !== 1 || (await outbox())[0]?.last_error === null) {
      if (Date.now() > until) throw new Error('the first attempt did not fail');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [failed] = await outbox();
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
    expect(failed.last_error).toContain('邮箱暂时不可用');
    expect(new Date(failed.next_attempt_at).getTime()).toBeGreaterThan(Date.now());
    expect(smtp.to(email)).toHaveLength(0);

    // Nothing is due yet: the retry waits for its time.
    const mailer = app.get(MailOutboxService);
    await mailer.drain();
    expect((await outbox())[0].attempts).toBe(1);

    smtp.failing = false;
    await mailer.drain(new Date(Date.now() + 2 * 60_000));
    const [sent] = await outbox();
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    const mail = await smtp.waitFor((m) => addresses(m).includes(email));
    expect(mail.text).toContain('预算执行数与财务数据不一致');
  });

  it('should mail the monthly digest with the flagged indicators to the leaders once, audited, and flag them in the app', async () => {
    const code = uniqueCode();
    const dept = await loadDepartment(app, ds, code);
    const indicators = (await annualIndicators(ds, dept.fiscalYearId)).filter((i) => isPaced(i.target));
    // Three far behind (red), the rest on pace.
    const behind = indicators.slice(0, 3);
    for (const indicator of indicators)
      await insertReport(
        ds,
        indicator,
        '2025-06',
        actualAt(indicator.target, 6, behind.includes(indicator) ? 0.3 : 1),
      );
    const leader = await signIn(app, ds, 'leader', dept.departmentId);
    const quiet = await signIn(app, ds, 'leader', dept.departmentId);
    const admin = await signIn(app, ds, 'admin');
    const email = `${leader.user.username}@example.cn`;
    await ds.query(`UPDATE users SET email = $2 WHERE id = $1`, [leader.user.id, email]);

    const digest = (
      await request(app.getHttpServer())
        .get(`/api/departments/${code}/digest/2025-06`)
        .set('Authorization', leader.bearer)
        .expect(200)
    ).body;
    expect(
      digest.flagged
        .filter((row: { light: string }) => row.light === 'red')
        .map((r: { indicatorId: string }) => r.indicatorId)
        .sort(),
    ).toEqual(behind.map((i) => i.id).sort());

    const send = () =>
      request(app.getHttpServer())
        .post(`/api/departments/${code}/digest/2025-06/send`)
        .set('Authorization', admin.bearer);
    await request(app.getHttpServer())
      .post(`/api/departments/${code}/digest/2025-06/send`)
      .set('Authorization', leader.bearer)
      .expect(403);
    const sent = await send().expect(200);
    expect(sent.body.recipients).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: leader.user.id, email, status: 'queued' }),
        expect.objectContaining({ userId: quiet.user.id, email: null, status: 'no-email' }),
      ]),
    );

    const mail = await smtp.waitFor((m) => addresses(m).includes(email));
    expect(mail.subject).toBe(`【绩效监控】${digest.department.name} 2025年6月 领导月度摘要`);
    for (const indicator of behind) {
      expect(mail.text).toContain(indicator.name);
      expect(mail.html).toContain(indicator.name);
    }
    expect(mail.text).toContain('一、预警指标（红灯 3 项');
    expect(mail.text).toContain('二、预计年末未达标');
    expect(mail.text).toContain('三、逾期未提交的报告');

    // Idempotent: sending again queues nothing more.
    const again = await send().expect(200);
    expect(again.body.recipients).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: leader.user.id, status: 'already-queued' })]),
    );
    const audit = await ds.query(
      `SELECT action, after->>'period' AS period FROM audit_log WHERE action = 'digest.send' AND entity_id = $1`,
      [dept.departmentId],
    );
    expect(audit).toEqual([
      { action: 'digest.send', period: '2025-06' },
      { action: 'digest.send', period: '2025-06' },
    ]);

    // The monthly job after June's due date: the leaders see the flags in the app; the digest is not mailed twice.
    await app.get(ReminderJob).run('2025-07-12');
    await app.get(MailOutboxService).drain();
    for (const bearer of [leader.bearer, quiet.bearer]) {
      const flags = (await notificationsOf(app, bearer)).notifications.find(
        (n: { kind: string }) => n.kind === 'leadership-flags',
      );
      expect(flags).toMatchObject({
        period: '2025-06',
        projectId: null,
        projectName: null,
        details: {
          red: digest.counts.red,
          yellow: digest.counts.yellow,
          projectedMiss: digest.projectedMisses.length,
        },
      });
    }
    expect(smtp.to(email)).toHaveLength(1);
  });

  it('should refuse a lead the digest and 404 a department without that year', async () => {
    const { dept, lead, admin } = await reportingUnit(app, ds);
    await request(app.getHttpServer())
      .get(`/api/departments/${dept.code}/digest/2025-06`)
      .set('Authorization', lead.bearer)
      .expect(403);
    await request(app.getHttpServer())
      .get(`/api/departments/${dept.code}/digest/2031-06`)
      .set('Authorization', admin.bearer)
      .expect(404);
    const bad = await request(app.getHttpServer())
      .get(`/api/departments/${dept.code}/digest/2025-13`)
      .set('Authorization', admin.bearer)
      .expect(400);
    expect(bad.body.errors).toEqual({ period: expect.stringContaining('period') });
  });

  it('should refuse an invalid e-mail address, naming the field', async () => {
    const { lead, admin } = await reportingUnit(app, ds);
    const [{ version }] = await ds.query(`SELECT version FROM users WHERE id = $1`, [lead.user.id]);
    const res = await request(app.getHttpServer())
      .patch(`/api/users/${lead.user.id}`)
      .set('Authorization', admin.bearer)
      .send({ version, email: 'zhang at example' })
      .expect(400);
    expect(res.body.errors).toEqual({ email: 'email：电子邮箱格式不正确' });
    const cleared = await request(app.getHttpServer())
      .patch(`/api/users/${lead.user.id}`)
      .set('Authorization', admin.bearer)
      .send({ version, email: null })
      .expect(200);
    expect(cleared.body.email).toBeNull();
  });
});

describe('Reminders without SMTP_URL', () => {
  let app: INestApplication;
  let ds: DataSource;

  beforeAll(async () => {
    ({ app, ds } = await appWith({ SMTP_URL: undefined }));
  });

  afterAll(async () => {
    await app.close();
  });

  it('should still notify in the app, queue no mail, and refuse to send a digest', async () => {
    const { dept, projectId, lead, leader, admin } = await reportingUnit(app, ds);
    await insertPeriod(ds, dept.fiscalYearId, projectId, '2025-06', 'submitted');
    await returnMonth(app, leader.bearer, projectId, '2025-06', '请补充说明').expect(200);

    const list = await notificationsOf(app, lead.bearer);
    expect(list.notifications).toEqual([
      expect.objectContaining({ kind: 'report-returned', reason: '请补充说明' }),
    ]);
    expect(await ds.query(`SELECT 1 FROM mail_outbox WHERE user_id = $1`, [lead.user.id])).toEqual([]);

    const refused = await request(app.getHttpServer())
      .post(`/api/departments/${dept.code}/digest/2025-06/send`)
      .set('Authorization', admin.bearer)
      .expect(409);
    expect(refused.body.message).toContain('SMTP_URL');
  });

  it('should tell the designated reporter when the department-wide month is returned, and not the admins', async () => {
    const code = uniqueCode();
    const dept = await loadDepartment(app, ds, code);
    const reporter = await signIn(app, ds, 'lead', dept.departmentId);
    const admin = await signIn(app, ds, 'admin');
    const leader = await signIn(app, ds, 'leader', dept.departmentId);
    await ds.query(`INSERT INTO department_reporters (fiscal_year_id, user_id) VALUES ($1, $2)`, [
      dept.fiscalYearId,
      reporter.user.id,
    ]);
    await insertPeriod(ds, dept.fiscalYearId, null, '2025-06', 'submitted');

    await request(app.getHttpServer())
      .post(`/api/departments/${code}/years/2025/periods/2025-06/return`)
      .set('Authorization', leader.bearer)
      .send({ reason: '部门整体满意度须附问卷' })
      .expect(200);

    expect((await notificationsOf(app, reporter.bearer)).notifications).toEqual([
      expect.objectContaining({
        kind: 'report-returned',
        projectId: null,
        projectName: '部门整体',
        reason: '部门整体满意度须附问卷',
        department: expect.objectContaining({ code }),
      }),
    ]);
    const mine = (await notificationsOf(app, admin.bearer)).notifications;
    expect(mine.filter((n: { department: { code: string } }) => n.department.code === code)).toEqual([]);
  });

  it('should remind a month due soon, then overdue, once each however often the job runs', async () => {
    const { dept, projectId, lead } = await reportingUnit(app, ds);
    await insertPeriod(ds, dept.fiscalYearId, projectId, '2025-05', 'approved');
    const job = app.get(ReminderJob);
    const kinds = async () =>
      (await notificationsOf(app, lead.bearer)).notifications.map(
        (n: { kind: string; period: string }) => `${n.kind} ${n.period}`,
      );

    // 2025-07-08: June is due on the 10th; May is approved.
    await job.run('2025-07-08');
    await job.run('2025-07-08');
    expect(await kinds()).toEqual(['report-due 2025-06']);

    await job.run('2025-07-12');
    await job.run('2025-07-13');
    expect((await kinds()).sort()).toEqual(['report-due 2025-06', 'report-overdue 2025-06']);
    const [overdue] = (await notificationsOf(app, lead.bearer)).notifications;
    expect(overdue).toMatchObject({
      kind: 'report-overdue',
      dueDate: '2025-07-10',
      projectName: '职业技能培训',
    });

    // Submitted in time for July: no reminder for it.
    await insertPeriod(ds, dept.fiscalYearId, projectId, '2025-07', 'submitted');
    await job.run('2025-08-09');
    expect(await kinds()).not.toContain('report-due 2025-07');
    expect(await ds.query(`SELECT 1 FROM mail_outbox WHERE user_id = $1`, [lead.user.id])).toEqual([]);
  });
});
