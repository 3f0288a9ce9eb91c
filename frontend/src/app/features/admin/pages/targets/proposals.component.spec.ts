import { AdminHarness, clearOverlays } from '../../testing/admin-harness';
import type { PendingProposal } from '../../admin.api';

const BASE = '/api/departments/031/years/2026';

function aProposal(overrides: Partial<PendingProposal> = {}): PendingProposal {
  return {
    indicatorId: 'i-rate',
    version: 1,
    projectId: 'p-1',
    projectName: '就业专项',
    goalLabel: '年度绩效目标 1',
    level1: '产出指标',
    level2: '质量指标',
    name: '就业率',
    target: '≥98%',
    prev1: '97%',
    proposal: { basis: 'raised-to-actual', from: '≥90%', actual: '97%', actualPeriod: '2025-11' },
    ...overrides,
  };
}

describe('ProposalsComponent (on the targets tab)', () => {
  let admin: AdminHarness;

  beforeEach(() => AdminHarness.configure());
  afterEach(() => {
    admin.http.verify();
    clearOverlays();
  });

  async function open(proposals: PendingProposal[]): Promise<void> {
    admin = await AdminHarness.open('targets', 'admin', [
      { code: '031', name: '人社局', parentCode: null, years: [2025, 2026], currentYear: 2026 },
    ]);
    admin.http.expectOne(`${BASE}/target-proposals`).flush(proposals);
    admin.http.expectOne(BASE).flush({ department: { code: '031', name: '人社局' }, year: 2026, goals: [] });
    admin.http.expectOne(`${BASE}/projects`).flush([]);
    await admin.settle();
  }

  const row = (id: string) => admin.root.querySelector(`app-target-proposals tr[data-indicator="${id}"]`);
  const cells = (id: string) =>
    Array.from(row(id)?.querySelectorAll('td') ?? []).map((td) =>
      td.textContent?.replace(/\s+/g, ' ').trim(),
    );

  it('should list each proposal with last year’s target and actual and why it reads so', async () => {
    await open([
      aProposal(),
      aProposal({
        indicatorId: 'i-none',
        projectName: '部门整体',
        name: '培训人次',
        target: '≥3000人次',
        proposal: { basis: 'no-actual', from: '≥3000人次', actual: null, actualPeriod: null },
      }),
    ]);

    expect(admin.text()).toContain('2 个建议指标值待确认');
    expect(cells('i-rate').slice(0, 6)).toEqual([
      '就业专项',
      '质量指标就业率',
      '≥90%',
      '97%（2025-11）',
      '≥98%',
      '上年已达标：不低于上年完成值（比率至多 100%）',
    ]);
    expect(cells('i-none')[3]).toBe('未填报');
  });

  it('should confirm a proposal as proposed and list the rest again', async () => {
    await open([aProposal()]);
    await admin.click(row('i-rate')?.querySelector('button.confirm'));

    const request = admin.http.expectOne('/api/indicators/i-rate/confirm-proposal');
    expect(request.request.body).toEqual({ version: 1 });
    request.flush({ id: 'i-rate', version: 2, target: '≥98%', reading: null });
    await admin.settle();
    admin.http.expectOne(`${BASE}/target-proposals`).flush([]);
    await admin.settle();
    expect(admin.root.querySelector('app-target-proposals section')).toBeNull();
  });

  it('should confirm a rewritten target and show the API’s field message in place', async () => {
    await open([aProposal()]);
    await admin.click(row('i-rate')?.querySelector('button.edit'));
    await admin.type('app-target-proposals input.target-input', '≥99%');
    await admin.click(row('i-rate')?.querySelector('button.confirm-edited'));

    const request = admin.http.expectOne('/api/indicators/i-rate/confirm-proposal');
    expect(request.request.body).toEqual({ version: 1, target: '≥99%' });
    request.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '指标值不能为空',
        errors: { target: 'target：指标值过长（最多 200 字）' },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await admin.settle();
    expect(row('i-rate')?.querySelector('.field-error')?.textContent).toContain('指标值过长');
  });
});
