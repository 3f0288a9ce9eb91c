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
    await admin.type('#round-period', '7');
    await admin.type('#round-deadline', '2025-08-15');
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

    expect(document.querySelector('#round-deadline')?.closest('label')?.textContent).toContain(
      '截止日期不能早于所监控的月份',
    );
  });
});
