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
  const projectInferred = anIndicator({ name: '帮扶返乡人数', targetRaw: '1.2 万人/年', version: 5 });

  async function open(): Promise<void> {
    admin = await AdminHarness.open('targets');
    admin.http.expectOne(`${BASE}/target-proposals`).flush([]);
    admin.http.expectOne(BASE).flush({
      department: { code: '031', name: '人社局' },
      year: 2025,
      goals: aProjectMonitoring({ indicators: [inferred] }).goals.slice(1),
    });
    const project = aProjectWithLeads({ name: '支农返汉帮扶' });
    admin.http.expectOne(`${BASE}/projects`).flush([project]);
    admin.http
      .expectOne(`/api/projects/${project.id}`)
      .flush(aProjectMonitoring({ indicators: [unparsed, explicit, projectInferred] }));
    await admin.settle();
  }

  function listed(): string[] {
    return Array.from(admin.root.querySelectorAll<HTMLElement>('tr[data-indicator] .indicator')).map(
      (element) => element.textContent?.trim() ?? '',
    );
  }

  function checkbox(id: string): HTMLInputElement {
    return row(id).querySelector('td.select input[type=checkbox]') as HTMLInputElement;
  }

  function confirmButton(): HTMLButtonElement {
    return admin.root.querySelector('button.confirm-selected') as HTMLButtonElement;
  }

  function row(id: string): HTMLElement {
    return admin.root.querySelector(`tr[data-indicator="${id}"]`) as HTMLElement;
  }

  it('should list only the inferred and unparsed targets, with their confidence and owner', async () => {
    await open();

    expect(admin.text()).toContain('3 项需要确认');
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
    await admin.pick('#target-operator', '≥ 不低于');
    await admin.type('#target-value', '500');
    await admin.type('#target-unit', '人');
    await admin.pick('#target-direction', '正向（越高越好）');
    await admin.pick('#target-accumulation', '按年累计');
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

  it('should send a deadline picked with the date picker as YYYY-MM-DD', async () => {
    await open();
    await admin.click(row(unparsed.id).querySelector('button.correct'));
    await admin.pick('#target-operator', '期限');
    await admin.choose('#target-deadline', new Date(2025, 11, 31));
    await admin.pick('#target-accumulation', '期限');
    await admin.click(admin.dialogButton('保存'));

    const request = admin.http.expectOne(`/api/indicators/${unparsed.id}/target`);
    expect(request.request.body).toMatchObject({ operator: 'by-date', deadline: '2025-12-31' });
    request.flush({ id: unparsed.id, version: 2, target: parseTarget('2025年底完成') });
    await admin.settle();
    admin.http.match(() => true);
  });

  it('should filter by project and by confidence', async () => {
    await open();
    expect(listed()).toEqual(['城镇新增就业人数', '给予生活困难补助', '帮扶返乡人数']);

    await admin.pick('#targets-owner', '支农返汉帮扶');
    expect(listed()).toEqual(['给予生活困难补助', '帮扶返乡人数']);
    await admin.pick('#targets-confidence', '推断');
    expect(listed()).toEqual(['帮扶返乡人数']);
    expect(admin.text()).toContain('显示 1 / 3 项');
  });

  it('should confirm the selected readings in one request with the versions they were read at', async () => {
    await open();
    // A reading that could not be parsed cannot be confirmed as it is.
    expect(checkbox(unparsed.id).disabled).toBe(true);
    expect(confirmButton().disabled).toBe(true);

    await admin.click(admin.root.querySelector('th.select-all input[type=checkbox]'));
    expect(checkbox(inferred.id).checked).toBe(true);
    expect(checkbox(projectInferred.id).checked).toBe(true);
    expect(checkbox(unparsed.id).checked).toBe(false);
    expect(confirmButton().textContent).toContain('确认无误（2）');

    await admin.click(confirmButton());
    expect(admin.dialog()?.textContent).toContain('确认 2 个指标值的理解无误？');
    await admin.click(admin.dialogButton('确认无误（2）'));

    const request = admin.http.expectOne(`${BASE}/target-readings/confirm`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      items: [
        { indicatorId: inferred.id, version: 3 },
        { indicatorId: projectInferred.id, version: 5 },
      ],
    });
    request.flush({
      confirmed: 2,
      items: [
        { id: inferred.id, version: 4 },
        { id: projectInferred.id, version: 6 },
      ],
    });
    await admin.settle();
    expect(document.body.textContent).toContain('已确认 2 个指标值');
    // The list is read again.
    admin.http.expectOne(BASE);
    admin.http.expectOne(`${BASE}/projects`);
  });

  it('should say once which indicator was stale and reload when the confirmation is refused', async () => {
    await open();
    await admin.click(checkbox(projectInferred.id));
    await admin.click(confirmButton());
    await admin.click(admin.dialogButton('确认无误（1）'));

    const message = '指标“帮扶返乡人数”已被他人修改，请刷新后再试（本次未确认任何指标）';
    admin.http
      .expectOne(`${BASE}/target-readings/confirm`)
      .flush({ statusCode: 409, code: 'VERSION_CONFLICT', message }, { status: 409, statusText: 'Conflict' });
    await admin.settle();
    const shown = Array.from(document.querySelectorAll('.ant-message-notice')).map((e) => e.textContent);
    expect(shown).toEqual([`${message}。列表已重新加载，请重新选择后再确认。`]);
    admin.http.expectOne(BASE).flush({
      department: { code: '031', name: '人社局' },
      year: 2025,
      goals: aProjectMonitoring({ indicators: [inferred] }).goals.slice(1),
    });
    admin.http.expectOne(`${BASE}/projects`).flush([]);
    await admin.settle();
    // The selection is gone with the stale list.
    expect(confirmButton().textContent).toContain('确认无误（0）');
    expect(confirmButton().disabled).toBe(true);
  });
});
