import { AdminHarness, clearOverlays } from '../../testing/admin-harness';
import { aProjectWithLeads, aUserAccount, anAuditEntry } from '../../testing/admin-builders';

describe('AuditComponent', () => {
  let admin: AdminHarness;

  beforeEach(() => AdminHarness.configure());
  afterEach(() => {
    admin.http.verify();
    clearOverlays();
  });

  /** Answers the lists the pickers offer. */
  async function answerPickers(): Promise<void> {
    admin.http
      .match('/api/users')
      .forEach((req) => req.flush([aUserAccount({ username: 'lead04', displayName: '李四' })]));
    admin.http
      .match((req) => req.url.endsWith('/projects'))
      .forEach((req) => req.flush([aProjectWithLeads({ id: 'p-1', name: '人社局劳动维权工作经费' })]));
    await admin.settle();
  }

  it('should show each entry as a sentence with its changes, filtered by the picked project, user and action', async () => {
    admin = await AdminHarness.open('audit', 'auditor');
    await answerPickers();
    const first = admin.http.expectOne((req) => req.url === '/api/audit');
    expect(first.request.params.toString()).toBe('page=1&pageSize=20');
    first.flush({
      items: [
        anAuditEntry({
          action: 'progress-report.update',
          actionLabel: '修改填报',
          summary: 'lead04 修改填报 人社局劳动维权工作经费 · 劳动监察日常巡查次数 · 2025-07 完成值 105 → 90',
          changes: [{ field: 'actualRaw', label: '完成值', before: '105', after: '90' }],
          reason: null,
        }),
      ],
      total: 45,
      page: 1,
      pageSize: 20,
    });
    await admin.settle();
    expect(admin.text()).toContain('共 45 条');
    expect(admin.text()).toContain(
      'lead04 修改填报 人社局劳动维权工作经费 · 劳动监察日常巡查次数 · 2025-07 完成值 105 → 90',
    );
    expect(admin.root.querySelector('.changes')?.textContent?.replace(/\s+/g, ' ')).toContain(
      '完成值 105 → 90',
    );
    expect(admin.text()).not.toContain('progress-report.update');

    await admin.pick('#audit-project', '人社局劳动维权工作经费');
    await admin.pick('#audit-user', '李四（lead04）');
    await admin.pick('#audit-action', '登录');
    await admin.click(admin.root.querySelector('button.search'));
    const filtered = admin.http.expectOne((req) => req.url === '/api/audit');
    expect(filtered.request.params.get('project')).toBe('p-1');
    expect(filtered.request.params.get('user')).toBe('lead04');
    expect(filtered.request.params.getAll('action')).toEqual(['auth.login']);
    expect(filtered.request.params.has('from')).toBe(false);
    filtered.flush({ items: [anAuditEntry()], total: 25, page: 1, pageSize: 20 });
    await admin.settle();

    await admin.click(admin.root.querySelector('li.ant-pagination-item[title="2"]'));
    const second = admin.http.expectOne((req) => req.url === '/api/audit');
    expect(second.request.params.get('page')).toBe('2');
    expect(second.request.params.get('project')).toBe('p-1');
    second.flush({ items: [], total: 25, page: 2, pageSize: 20 });
    await admin.settle();
  });

  it('should show the raw JSON only when asked', async () => {
    admin = await AdminHarness.open('audit');
    await answerPickers();
    admin.http
      .expectOne((req) => req.url === '/api/audit')
      .flush({
        items: [anAuditEntry({ before: { status: 'submitted' }, after: { status: 'returned' } })],
        total: 1,
        page: 1,
        pageSize: 20,
      });
    await admin.settle();
    expect(admin.root.querySelector('.details')).toBeNull();

    await admin.click(admin.root.querySelector('tbody button'));

    const details = admin.root.querySelector('.details')?.textContent ?? '';
    expect(details).toContain('"status": "submitted"');
    expect(details).toContain('"status": "returned"');
  });
});
