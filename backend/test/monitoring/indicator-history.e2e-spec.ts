import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { insertDepartmentYear, uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import { assignedLead, loadSeedYear, SeededYear } from '../self-evaluation/scripted-year';

type Month = {
  period: string;
  status: string | null;
  reported: boolean;
  actualRaw: string | null;
  light: string;
  reasons: string[];
  reasonText: string | null;
  correctiveAction: string | null;
  files: { id: string; fileName: string }[];
};

/** Issue #19, drill-down: an indicator's months with actual, light, reasons, corrective action and evidence. */
describe('GET /indicators/:id/history', () => {
  let app: INestApplication;
  let ds: DataSource;
  let seeded: SeededYear;
  let lead: string;
  let leader: string;
  let devices: string; // 维护设备及系统数量, 13 套 in the year
  const http = () => request(app.getHttpServer());
  const history = (bearer: string, id: string, query = '') =>
    http().get(`/api/indicators/${id}/history${query}`).set('Authorization', bearer);

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    seeded = await loadSeedYear(app, ds, uniqueCode());
    devices = seeded.indicators['维护设备及系统数量'];
    lead = await assignedLead(app, ds, seeded.departmentId, seeded.projectId);
    leader = (await signIn(app, ds, 'leader', seeded.departmentId)).bearer;
    const put = (period: string, body: object) =>
      http()
        .put(`/api/indicators/${devices}/reports/${period}`)
        .set('Authorization', lead)
        .send(body)
        .expect(200);
    await put('2025-01', { actual: '1套' });
    await put('2025-03', {
      actual: '1套',
      reasons: ['经费保障'],
      reasonText: '资金拨付滞后',
      correctiveAction: '加快资金拨付进度',
    });
    await http()
      .post(`/api/indicators/${devices}/reports/2025-03/evidence`)
      .set('Authorization', lead)
      .attach('file', Buffer.from('三月工作台账'), '3月工作台账.txt')
      .expect(201);
    await ds.query(
      `UPDATE report_periods SET status = 'approved' WHERE project_id = $1 AND period = '2025-03'`,
      [seeded.projectId],
    );
  });

  afterAll(async () => {
    await app.close();
  });

  it('should give the leader every month of the year with the reason, the corrective action and the files of a red month', async () => {
    const res = await history(leader, devices, '?year=2025').expect(200);
    expect(res.body.indicator).toMatchObject({
      id: devices,
      name: '维护设备及系统数量',
      projectId: seeded.projectId,
      projectName: '信息化建设',
      department: { code: seeded.code },
      year: 2025,
    });
    const months = res.body.months as Month[];
    expect(months).toHaveLength(12);
    expect(months[2]).toMatchObject({
      period: '2025-03',
      status: 'approved',
      reported: true,
      actualRaw: '1套',
      light: 'red',
      reasons: ['经费保障'],
      reasonText: '资金拨付滞后',
      correctiveAction: '加快资金拨付进度',
      files: [expect.objectContaining({ fileName: '3月工作台账.txt' })],
    });
    expect(months[0]).toMatchObject({ period: '2025-01', status: 'draft', reported: true, files: [] });
    expect(months[1]).toMatchObject({ period: '2025-02', reported: false, actualRaw: null, light: 'grey' });

    const file = await http()
      .get(`/api/evidence/${months[2].files[0].id}`)
      .set('Authorization', leader)
      .expect(200);
    expect(file.text).toBe('三月工作台账');
  });

  it('should refuse another department’s lead with 403, an unknown indicator with 404 and another year with 400 on year', async () => {
    const other = await insertDepartmentYear(ds, { year: 2025 });
    const stranger = (await signIn(app, ds, 'lead', other.departmentId)).bearer;
    await history(stranger, devices).expect(403);
    await history(lead, '00000000-0000-4000-8000-000000000000').expect(404);
    const wrong = await history(lead, devices, '?year=2024').expect(400);
    expect(wrong.body.errors).toEqual({ year: expect.stringContaining('2025') });
    const bad = await history(lead, 'not-a-uuid').expect(400);
    expect(bad.body.errors).toEqual({ id: expect.any(String) });
  });
});
