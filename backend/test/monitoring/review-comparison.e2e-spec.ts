import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { uniqueCode } from '../factories/department.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp } from '../setup/test-app';
import { assignedLead, loadSeedYear } from '../self-evaluation/scripted-year';

type Indicator = {
  id: string;
  previousReport: { period: string; actualRaw: string; actualValue: number | null } | null;
  change: number | null;
  latestReport: { period: string; warnings: { code: string }[] } | null;
};
type Level1 = { children: { indicators: Indicator[] }[] };

/** Issue #19, 审核: each indicator carries the previous month's actual and the change, so 105 → 90 shows. */
describe('previous month and change on the project detail (HTTP)', () => {
  let app: INestApplication;
  let ds: DataSource;
  let lead: string;
  let leader: string;
  let projectId: string;
  let staff: string; // 派驻劳动监察协管员人数, target 80 人
  let patrols: string; // 劳动监察日常巡查次数, cumulative count
  const http = () => request(app.getHttpServer());
  const put = (id: string, period: string, actual: string) =>
    http()
      .put(`/api/indicators/${id}/reports/${period}`)
      .set('Authorization', lead)
      .send({ actual })
      .expect(200);
  const indicatorsAsOf = async (period: string): Promise<Indicator[]> => {
    const res = await http()
      .get(`/api/projects/${projectId}?asOf=${period}`)
      .set('Authorization', leader)
      .expect(200);
    return (res.body.goals as { indicators: Level1[] }[]).flatMap((goal) =>
      goal.indicators.flatMap((level1) => level1.children.flatMap((level2) => level2.indicators)),
    );
  };

  beforeAll(async () => {
    ({ app, ds } = await createTestApp());
    const seeded = await loadSeedYear(app, ds, uniqueCode());
    const rows: { id: string; name: string; projectId: string }[] = await ds.query(
      `SELECT i.id, i.name, g.project_id AS "projectId" FROM indicators i JOIN goals g ON g.id = i.goal_id
        WHERE g.fiscal_year_id = $1 AND g.term = 'annual' AND g.project_id IS NOT NULL
          AND (i.name LIKE '派驻劳动监察协管员%' OR i.name LIKE '劳动监察日常巡查次数%')`,
      [seeded.fiscalYearId],
    );
    const byName = (name: string) => rows.find((row) => row.name.startsWith(name)) as (typeof rows)[number];
    staff = byName('派驻劳动监察协管员').id;
    patrols = byName('劳动监察日常巡查次数').id;
    projectId = byName('派驻劳动监察协管员').projectId;
    lead = await assignedLead(app, ds, seeded.departmentId, projectId);
    leader = (await signIn(app, ds, 'leader', seeded.departmentId)).bearer;
  });

  afterAll(async () => {
    await app.close();
  });

  it('should give June 105 as the previous actual and −15 as the change of July 90, with the warning', async () => {
    await put(patrols, '2025-05', '80');
    await put(patrols, '2025-06', '105');
    await put(patrols, '2025-07', '90');

    const row = (await indicatorsAsOf('2025-07')).find((indicator) => indicator.id === patrols);
    expect(row?.previousReport).toEqual({ period: '2025-06', actualRaw: '105', actualValue: 105 });
    expect(row?.change).toBe(-15);
    expect(row?.latestReport?.warnings.map((warning) => warning.code)).toEqual(['cumulative-decrease']);
  });

  it('should give the latest earlier report as previous and no change when the month itself is not reported', async () => {
    const row = (await indicatorsAsOf('2025-09')).find((indicator) => indicator.id === patrols);
    expect(row?.previousReport).toMatchObject({ period: '2025-07', actualValue: 90 });
    expect(row?.change).toBeNull();
  });

  it('should give no previous report and no change for an indicator reported the first time', async () => {
    await put(staff, '2025-07', '60');
    const row = (await indicatorsAsOf('2025-07')).find((indicator) => indicator.id === staff);
    expect(row?.previousReport).toBeNull();
    expect(row?.change).toBeNull();
  });
});
