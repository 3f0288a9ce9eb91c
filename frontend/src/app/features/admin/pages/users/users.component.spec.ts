import { AdminHarness, clearOverlays } from '../../testing/admin-harness';
import { aUserAccount } from '../../testing/admin-builders';

describe('UsersComponent', () => {
  let admin: AdminHarness;

  beforeEach(() => AdminHarness.configure());
  afterEach(() => {
    admin.http.verify();
    clearOverlays();
  });

  async function open(role: 'admin' | 'auditor' = 'admin'): Promise<void> {
    admin = await AdminHarness.open('users', role);
    admin.http.expectOne('/api/users').flush([
      aUserAccount({ username: 'admin', displayName: '管理员', role: 'admin', departmentCode: null }),
      aUserAccount({
        username: 'lead01',
        displayName: '张明',
        projects: [{ id: 'p1', name: '党建' }],
        version: 4,
      }),
    ]);
    await admin.settle();
  }

  function row(username: string): HTMLElement {
    return admin.root.querySelector(`tr[data-username="${username}"]`) as HTMLElement;
  }

  it('should list the accounts with role, department and projects', async () => {
    await open();

    expect(row('lead01').textContent).toContain('项目负责人');
    expect(row('lead01').textContent).toContain('党建');
    // The department by its name, the code beside it.
    const department = row('lead01').querySelector('td.department') as HTMLElement;
    expect(department.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '武汉市东西湖区人力资源和社会保障局 031',
    );
    expect(department.querySelector('.code')?.textContent).toBe('031');
    expect(admin.text()).toContain('共 2 个用户');
  });

  it('should show the API field message next to the field when a new account is refused', async () => {
    await open();
    await admin.click(admin.root.querySelector('button.create'));
    await admin.type('#user-username', 'lead13');
    await admin.type('#user-display-name', '李华');
    await admin.type('#user-password', 'short');
    await admin.pick('#user-role', '审计员');
    await admin.pick('#user-department', '全部（不限部门）');
    await admin.click(admin.dialogButton('保存'));

    const request = admin.http.expectOne('/api/users');
    expect(request.request.body).toEqual({
      username: 'lead13',
      displayName: '李华',
      role: 'auditor',
      password: 'short',
    });
    request.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '密码至少 10 位',
        errors: { password: 'password：密码至少 10 位' },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await admin.settle();

    const field = document.querySelector('#user-password')?.closest('label');
    expect(field?.querySelector('.field-error')?.textContent?.trim()).toBe('密码至少 10 位');
    expect(admin.dialog()).not.toBeNull();
  });

  it('should not send a new account without its required fields', async () => {
    await open();
    await admin.click(admin.root.querySelector('button.create'));
    await admin.click(admin.dialogButton('保存'));

    admin.http.expectNone((request) => request.method === 'POST');
    expect(admin.dialog()?.textContent).toContain('请填写用户名');
    expect(admin.dialog()?.textContent).toContain('请填写初始密码');
  });

  it('should save an edit with the version it was read at', async () => {
    await open();
    await admin.click(row('lead01').querySelector('button.edit'));
    await admin.pick('#user-role', '部门领导');
    await admin.click(document.querySelector('#user-active'));
    await admin.type('#user-email', ' zhangming@example.cn ');
    await admin.click(admin.dialogButton('保存'));

    const request = admin.http.expectOne((req) => req.method === 'PATCH');
    expect(request.request.body).toEqual({
      version: 4,
      displayName: '张明',
      role: 'leader',
      departmentCode: '031',
      active: false,
      email: 'zhangming@example.cn',
    });
    request.flush(aUserAccount({ version: 5 }));
    await admin.settle();
    admin.http.expectOne('/api/users').flush([]);
    await admin.settle();
  });

  it('should not send an e-mail address that is not one, and say so by the field', async () => {
    await open();
    await admin.click(row('lead01').querySelector('button.edit'));
    await admin.type('#user-email', 'zhangming at example');
    await admin.click(admin.dialogButton('保存'));

    admin.http.expectNone((request) => request.method === 'PATCH');
    const field = document.querySelector('#user-email')?.closest('label');
    expect(field?.querySelector('.field-error')?.textContent?.trim()).toBe(
      '电子邮箱格式不正确，例如 zhangsan@example.cn',
    );
  });

  it('should give an auditor the list without any action', async () => {
    await open('auditor');

    expect(admin.root.querySelector('button.create')).toBeNull();
    expect(row('lead01').querySelector('button')).toBeNull();
    expect(admin.text()).toContain('审计员只读');
    const tabs = Array.from(admin.root.querySelectorAll('[nz-menu-item] a')).map((link) =>
      link.textContent?.trim(),
    );
    expect(tabs).toEqual(['用户', '期间锁定与监控轮次', '审计日志', '目标质量审查']);
  });
});
