import { AdminHarness, clearOverlays } from '../../testing/admin-harness';
import { anAuditEntry } from '../../testing/admin-builders';

describe('AuditComponent', () => {
  let admin: AdminHarness;

  beforeEach(() => AdminHarness.configure());
  afterEach(() => {
    admin.http.verify();
    clearOverlays();
  });

  it('should query with the filters and page through the log', async () => {
    admin = await AdminHarness.open('audit', 'auditor');
    const first = admin.http.expectOne((req) => req.url === '/api/audit');
    expect(first.request.params.toString()).toBe('page=1&pageSize=20');
    first.flush({ items: [anAuditEntry()], total: 45, page: 1, pageSize: 20 });
    await admin.settle();
    expect(admin.text()).toContain('共 45 条');
    expect(admin.text()).toContain('period-lock.lock');
    expect(admin.text()).toContain('半年监控');

    await admin.type('#audit-entity', 'report-period');
    await admin.type('#audit-user', 'leader');
    await admin.type('#audit-from', '2025-07-01');
    await admin.click(admin.root.querySelector('button.search'));
    const filtered = admin.http.expectOne((req) => req.url === '/api/audit');
    expect(filtered.request.params.get('entity')).toBe('report-period');
    expect(filtered.request.params.get('user')).toBe('leader');
    expect(filtered.request.params.get('from')).toBe('2025-07-01');
    expect(filtered.request.params.has('to')).toBe(false);
    expect(filtered.request.params.get('page')).toBe('1');
    filtered.flush({ items: [anAuditEntry({ action: 'period.return' })], total: 25, page: 1, pageSize: 20 });
    await admin.settle();

    await admin.click(admin.root.querySelector('li.ant-pagination-item[title="2"]'));
    const second = admin.http.expectOne((req) => req.url === '/api/audit');
    expect(second.request.params.get('page')).toBe('2');
    expect(second.request.params.get('entity')).toBe('report-period');
    second.flush({ items: [], total: 25, page: 2, pageSize: 20 });
    await admin.settle();
  });

  it('should show what changed when an entry is opened', async () => {
    admin = await AdminHarness.open('audit');
    admin.http
      .expectOne((req) => req.url === '/api/audit')
      .flush({
        items: [anAuditEntry({ before: { status: 'submitted' }, after: { status: 'returned' } })],
        total: 1,
        page: 1,
        pageSize: 20,
      });
    await admin.settle();

    await admin.click(admin.root.querySelector('tbody button'));

    const details = admin.root.querySelector('.details')?.textContent ?? '';
    expect(details).toContain('"status": "submitted"');
    expect(details).toContain('"status": "returned"');
  });
});
