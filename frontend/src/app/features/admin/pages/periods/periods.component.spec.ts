import { aDepartmentYear } from '../../../../core/api/testing/department-builders';
import { aPeriodState, aProjectMonitoring } from '../../../reports/testing/monitoring-builders';
import { AdminHarness, clearOverlays } from '../../testing/admin-harness';
import { aProjectWithLeads } from '../../testing/admin-builders';

const BASE = '/api/departments/031/years/2025';

describe('PeriodsComponent', () => {
  let admin: AdminHarness;

  beforeEach(() => AdminHarness.configure());
  afterEach(() => {
    admin.http.verify();
    clearOverlays();
  });

  async function open(): Promise<void> {
    admin = await AdminHarness.open('periods');
    admin.http
      .expectOne(`${BASE}/locks`)
      .flush([
        { period: '2025-06', reason: '半年监控', lockedAt: '2025-07-11T02:00:00Z', lockedBy: 'admin' },
      ]);
    admin.http.expectOne(`${BASE}/rounds`).flush([
      {
        id: 'r1',
        name: '2025年1–6月 绩效监控',
        period: '2025-06',
        deadline: '2025-07-15',
        status: 'open',
        closedAt: null,
        version: 1,
      },
    ]);
    admin.http.expectOne(`${BASE}/projects`).flush([aProjectWithLeads()]);
    await admin.settle();
  }

  function month(period: string): HTMLElement {
    return admin.root.querySelector(`tr[data-period="${period}"]`) as HTMLElement;
  }

  it('should show which months are locked and why', async () => {
    await open();

    expect(month('2025-06').textContent).toContain('已锁定');
    expect(month('2025-06').textContent).toContain('半年监控');
    expect(month('2025-07').textContent).toContain('未锁定');
    expect(admin.text()).toContain('2025年1–6月 绩效监控');
  });

  it('should lock a month only with a reason', async () => {
    await open();
    await admin.click(month('2025-07').querySelector('button.lock'));

    await admin.click(admin.dialogButton('锁定'));
    admin.http.expectNone(`${BASE}/locks/2025-07`);
    expect(document.querySelector('#reason-error')?.textContent).toContain('请填写原因');

    await admin.type('#reason-input', '7 月监控轮次');
    await admin.click(admin.dialogButton('锁定'));
    const request = admin.http.expectOne(`${BASE}/locks/2025-07`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ reason: '7 月监控轮次' });
    request.flush({ period: '2025-07', reason: '7 月监控轮次', lockedAt: '2025-08-01T00:00:00Z' });
    await admin.settle();

    // The lists load again.
    admin.http.expectOne(`${BASE}/locks`).flush([]);
    admin.http.expectOne(`${BASE}/rounds`).flush([]);
    admin.http.expectOne(`${BASE}/projects`).flush([]);
  });

  it('should release a lock with a reason sent in the DELETE body', async () => {
    await open();
    await admin.click(month('2025-06').querySelector('button.release'));
    await admin.type('#reason-input', '补报');
    await admin.click(admin.dialogButton('解除锁定'));

    const request = admin.http.expectOne(`${BASE}/locks/2025-06`);
    expect(request.request.method).toBe('DELETE');
    expect(request.request.body).toEqual({ reason: '补报' });
    request.flush({ period: '2025-06', locked: false });
    await admin.settle();
    admin.http.match(() => true);
  });

  it('should open a named round for a month with its deadline', async () => {
    await open();
    await admin.type('#round-name', '2025年1–7月 绩效监控');
    await admin.pick('#round-period', '7 月');
    await admin.choose('#round-deadline', new Date(2025, 7, 15));
    await admin.click(admin.root.querySelector('button.open-round'));

    const request = admin.http.expectOne((req) => req.method === 'POST' && req.url === `${BASE}/rounds`);
    expect(request.request.body).toEqual({
      name: '2025年1–7月 绩效监控',
      period: '2025-07',
      deadline: '2025-08-15',
    });
    request.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '截止日期早于监控期间',
        errors: { deadline: 'deadline：截止日期不能早于所监控的月份' },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await admin.settle();

    expect(document.querySelector('#round-deadline')?.closest('.form-field')?.textContent).toContain(
      '截止日期不能早于所监控的月份',
    );
  });

  /** Picks the project in the unlock panel and answers its months. */
  async function unlockPanelFor(statuses: (string | null)[]): Promise<void> {
    await admin.pick('#unlock-project', aProjectWithLeads().name);
    admin.http
      .expectOne((req) => req.url.startsWith('/api/projects/'))
      .flush(
        aProjectMonitoring({
          reportPeriods: statuses.map((status, index) =>
            aPeriodState({
              period: `2025-0${index + 1}`,
              status: status as 'draft' | null,
              version: status ? 2 : null,
            }),
          ),
        }),
      );
    await admin.settle();
  }

  function unlockPanel(): string {
    return document.querySelector('[aria-labelledby=unlock-title]')?.textContent?.replace(/\s+/g, ' ') ?? '';
  }

  it('should not say a project has no reports when its eight reported months are all drafts or returned', async () => {
    await open();
    await unlockPanelFor([
      'returned',
      'draft',
      'draft',
      'draft',
      'returned',
      'draft',
      'draft',
      'draft',
      null,
    ]);

    expect(unlockPanel()).not.toContain('尚无填报');
    expect(unlockPanel()).toContain('该项目本年度 8 个月已有填报，但没有已提交或已审核的月份可解锁');
    expect(document.querySelectorAll('.unlockable li')).toHaveLength(8);
    expect(document.querySelector('.unlockable li[data-period="2025-01"]')?.textContent).toContain('已退回');
    expect(document.querySelectorAll('.unlockable button')).toHaveLength(0);
  });

  it('should offer to unlock the submitted and approved months and send the version read', async () => {
    await open();
    await unlockPanelFor(['approved', 'approved', 'submitted', 'draft']);

    expect(unlockPanel()).not.toContain('没有已提交或已审核的月份');
    expect(document.querySelectorAll('.unlockable button')).toHaveLength(3);
    await admin.click(document.querySelector('.unlockable li[data-period="2025-02"] button'));
    await admin.type('#reason-input', '数据录入错误');
    await admin.click(admin.dialogButton('解锁'));
    const request = admin.http.expectOne((req) => req.url.endsWith('/periods/2025-02/unlock'));
    expect(request.request.body).toEqual({ reason: '数据录入错误', version: 2 });
    request.flush({});
    await admin.settle();
    admin.http.match(() => true);
  });

  it('should say so when the project has no report at all this year', async () => {
    await open();
    await unlockPanelFor([null, null]);
    expect(unlockPanel()).toContain('该项目本年度尚无填报');
  });

  it('should unlock a department-wide month (部门整体) through the department route', async () => {
    await open();
    await admin.pick('#unlock-project', '部门整体（部门整体绩效目标）');
    admin.http
      .expectOne((req) => req.url === BASE)
      .flush(
        aDepartmentYear({
          reportPeriods: [
            aPeriodState({ period: '2025-01', status: 'approved', version: 3 }),
            aPeriodState({ period: '2025-02', status: 'draft', version: 1 }),
          ],
        }),
      );
    await admin.settle();

    expect(document.querySelectorAll('.unlockable li')).toHaveLength(2);
    expect(document.querySelectorAll('.unlockable button')).toHaveLength(1);
    await admin.click(document.querySelector('.unlockable li[data-period="2025-01"] button'));
    expect(document.body.textContent).toContain('解锁 部门整体（部门整体绩效目标） · ');
    await admin.type('#reason-input', '部门整体数据需更正');
    await admin.click(admin.dialogButton('解锁'));
    const request = admin.http.expectOne(`${BASE}/periods/2025-01/unlock`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ reason: '部门整体数据需更正', version: 3 });
    request.flush({});
    await admin.settle();
    admin.http.match(() => true);
  });
});

describe('CarryForwardComponent (on the periods tab)', () => {
  let admin: AdminHarness;

  beforeEach(() => AdminHarness.configure());
  afterEach(() => {
    admin.http.verify();
    clearOverlays();
  });

  async function open(role: 'admin' | 'auditor' = 'admin', years = [2025]): Promise<void> {
    admin = await AdminHarness.open('periods', role, [
      { code: '031', name: '人社局', parentCode: null, years, currentYear: Math.max(...years) },
    ]);
    const base = `/api/departments/031/years/${Math.max(...years)}`;
    admin.http.expectOne(`${base}/locks`).flush([]);
    admin.http.expectOne(`${base}/rounds`).flush([]);
    admin.http.expectOne(`${base}/projects`).flush([]);
    await admin.settle();
  }

  const button = () => admin.root.querySelector('app-carry-forward button.carry') as HTMLButtonElement | null;

  it('should create next year after a confirmation and say what was created', async () => {
    await open();
    expect(admin.text()).toContain('以 2025 年度为基础生成 2026 年度');
    await admin.click(button());
    expect(admin.dialog()?.textContent).toContain('由 2025 年度生成 2026 年度？');
    admin.http.expectNone(`${BASE}/carry-forward`);

    await admin.click(admin.dialogButton('由本年度生成下一年度'));
    const request = admin.http.expectOne(`${BASE}/carry-forward`);
    expect(request.request.method).toBe('POST');
    request.flush({
      departmentCode: '031',
      fromYear: 2025,
      year: 2026,
      fiscalYearId: 'fy-2026',
      projects: 27,
      fundingSources: 30,
      assignments: 27,
      goals: 60,
      indicators: 512,
      proposals: { total: 300, changed: 120, byBasis: {} },
    });
    await admin.settle();
    // The year picker learns of 2026.
    admin.http
      .expectOne('/api/departments')
      .flush([{ code: '031', name: '人社局', parentCode: null, years: [2025, 2026] }]);
    await admin.settle();

    const summary = admin.root.querySelector('app-carry-forward .summary')?.textContent ?? '';
    expect(summary).toContain('已生成 2026 年度');
    expect(summary).toContain(
      '项目 27 个（资金来源 30 条，负责人指派 27 个），绩效目标 60 个，三级指标 512 个',
    );
    expect(summary).toContain('建议指标值 300 个待负责人确认，其中 120 个与本年度不同');
  });

  it('should say 2026 exists and not offer it again', async () => {
    await open('admin', [2025, 2026]);
    await admin.pick('#scope-year', '2025 年');
    admin.http.expectOne(`${BASE}/locks`).flush([]);
    admin.http.expectOne(`${BASE}/rounds`).flush([]);
    admin.http.expectOne(`${BASE}/projects`).flush([]);
    await admin.settle();
    expect(button()?.disabled).toBe(true);
    expect(admin.text()).toContain('2026 年度已存在');
  });

  it('should show the API’s refusal', async () => {
    await open();
    await admin.click(button());
    await admin.click(admin.dialogButton('由本年度生成下一年度'));
    admin.http
      .expectOne(`${BASE}/carry-forward`)
      .flush(
        { statusCode: 409, code: 'CONFLICT', message: '部门 031 的 2026 年度已存在，不能重复结转' },
        { status: 409, statusText: 'Conflict' },
      );
    await admin.settle();
    admin.http
      .expectOne('/api/departments')
      .flush([{ code: '031', name: '人社局', parentCode: null, years: [2025, 2026] }]);
    await admin.settle();
    expect(admin.text()).toContain('部门 031 的 2026 年度已存在，不能重复结转');
  });

  it('should not offer it to an auditor', async () => {
    await open('auditor');
    expect(admin.root.querySelector('app-carry-forward')).toBeNull();
  });
});
