import { AdminHarness, clearOverlays } from '../../testing/admin-harness';
import { aDepartment } from '../../testing/admin-builders';
import { projectHeaderOf } from './trees.component';

describe('TreesComponent (管理 › 年度与项目)', () => {
  let admin: AdminHarness;

  beforeEach(() => AdminHarness.configure());
  afterEach(() => {
    admin.http.verify();
    clearOverlays();
  });

  it('should create the year after the latest one, then read the departments again and choose it', async () => {
    admin = await AdminHarness.open('trees', 'admin', [aDepartment({ code: '031', years: [2025] })]);
    expect((admin.root.querySelector('#new-year') as HTMLInputElement).value).toBe('2026');
    await admin.click(admin.root.querySelector('form.year-form button[type="submit"]'));
    const request = admin.http.expectOne('/api/departments/031/years');
    expect(request.request.body).toEqual({ year: 2026 });
    request.flush({ id: 'fy', code: '031', year: 2026, version: 1 });
    await admin.settle();
    admin.http.expectOne('/api/departments').flush([aDepartment({ code: '031', years: [2025, 2026] })]);
    await admin.settle();
    expect(admin.text()).toContain('2026');
  });

  it('should show the API’s refusal of an existing year beside the year', async () => {
    admin = await AdminHarness.open('trees', 'admin', [aDepartment({ code: '031', years: [2025] })]);
    await admin.type('#new-year', '2025');
    await admin.click(admin.root.querySelector('form.year-form button[type="submit"]'));
    admin.http
      .expectOne('/api/departments/031/years')
      .flush(
        { statusCode: 409, code: 'CONFLICT', message: '已存在', errors: { year: 'year：2025 年度已存在' } },
        { status: 409, statusText: 'Conflict' },
      );
    await admin.settle();
    expect(admin.root.querySelector('form.year-form .error')?.textContent).toContain('2025 年度已存在');
  });

  it('should create a project of the chosen year with its header in 万元, and show a field error on the code', async () => {
    admin = await AdminHarness.open('trees', 'admin', [aDepartment({ code: '031', years: [2025] })]);
    await admin.type('#project-code', 'X-1');
    await admin.type('#project-name', '技能培训补贴');
    await admin.type('#project-budget', '120.5');
    await admin.click(admin.root.querySelector('form.project-form button[type="submit"]'));
    const request = admin.http.expectOne('/api/departments/031/years/2025/projects');
    expect(request.request.body).toEqual({ code: 'X-1', name: '技能培训补贴', budget: 120.5 });
    request.flush(
      {
        statusCode: 409,
        code: 'CONFLICT',
        message: '编码重复',
        errors: { code: 'code：项目编码 X-1 在本年度已被“党建”使用' },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await admin.settle();
    expect(admin.root.querySelector('form.project-form .error')?.textContent).toContain('已被“党建”使用');
  });
});

describe(projectHeaderOf.name, () => {
  it('should leave blanks out and send numbers as numbers', () => {
    expect(
      projectHeaderOf({
        code: ' ',
        name: ' 新项目 ',
        budget: '12',
        category: '',
        executingUnit: '区就业局',
        leadName: '',
        startYear: '2026',
        endYear: '',
      }),
    ).toEqual({ name: '新项目', budget: 12, executingUnit: '区就业局', startYear: 2026 });
  });
});
