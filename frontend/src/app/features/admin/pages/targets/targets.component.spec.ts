import { parseTarget } from '@jixiao/domain';

import { aProjectMonitoring, anIndicator } from '../../../reports/testing/monitoring-builders';
import { AdminHarness, clearOverlays } from '../../testing/admin-harness';
import { aProjectWithLeads } from '../../testing/admin-builders';

const BASE = '/api/departments/031/years/2025';

describe('TargetsComponent', () => {
  let admin: AdminHarness;

  beforeEach(() => AdminHarness.configure());
  afterEach(() => {
    admin.http.verify();
    clearOverlays();
  });

  const inferred = anIndicator({ name: '城镇新增就业人数', targetRaw: '1.2 万人/年', version: 3 });
  const unparsed = anIndicator({
    name: '给予生活困难补助',
    targetRaw: '给予生 活困难 补助',
    target: { ...parseTarget('给予生 活困难 补助'), confidence: 'unparsed' },
    confidence: 'unparsed',
  });
  const explicit = anIndicator({ name: '开展主题党日活动', targetRaw: '≥12 次' });

  async function open(): Promise<void> {
    admin = await AdminHarness.open('targets');
    admin.http.expectOne(BASE).flush({
      department: { code: '031', name: '人社局' },
      year: 2025,
      goals: aProjectMonitoring({ indicators: [inferred] }).goals.slice(1),
    });
    const project = aProjectWithLeads({ name: '支农返汉帮扶' });
    admin.http.expectOne(`${BASE}/projects`).flush([project]);
    admin.http
      .expectOne(`/api/projects/${project.id}`)
      .flush(aProjectMonitoring({ indicators: [unparsed, explicit] }));
    await admin.settle();
  }

  function row(id: string): HTMLElement {
    return admin.root.querySelector(`tr[data-indicator="${id}"]`) as HTMLElement;
  }

  it('should list only the inferred and unparsed targets, with their confidence and owner', async () => {
    await open();

    expect(admin.text()).toContain('2 项需要确认');
    expect(row(inferred.id).textContent).toContain('部门整体');
    expect(row(inferred.id).textContent).toContain('推断');
    expect(row(inferred.id).textContent).toContain('不低于 12,000 人');
    expect(row(unparsed.id).textContent).toContain('支农返汉帮扶');
    expect(row(unparsed.id).textContent).toContain('未能识别');
    expect(row(explicit.id)).toBeNull();
  });

  it('should send the corrected reading with the version it was read at', async () => {
    await open();
    await admin.click(row(unparsed.id).querySelector('button.correct'));
    await admin.type('#target-operator', '>=');
    await admin.type('#target-value', '500');
    await admin.type('#target-unit', '人');
    await admin.type('#target-direction', 'higher');
    await admin.type('#target-accumulation', 'cumulative');
    await admin.type('#target-note', '按帮扶人数理解');
    await admin.click(admin.dialogButton('保存'));

    const request = admin.http.expectOne(`/api/indicators/${unparsed.id}/target`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({
      version: 1,
      operator: '>=',
      value: 500,
      unit: '人',
      direction: 'higher',
      accumulation: 'cumulative',
      note: '按帮扶人数理解',
    });
    request.flush({ id: unparsed.id, version: 2, target: parseTarget('≥500人') });
    await admin.settle();
    admin.http.match(() => true);
  });

  it('should refuse a value that is not a number before sending', async () => {
    await open();
    await admin.click(row(inferred.id).querySelector('button.correct'));
    await admin.type('#target-value', '一万二');
    await admin.click(admin.dialogButton('保存'));

    admin.http.expectNone((request) => request.method === 'PUT');
    expect(document.querySelector('#target-value')?.closest('label')?.textContent).toContain('请填写数字');
  });
});
