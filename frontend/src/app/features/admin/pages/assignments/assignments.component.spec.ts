import { NgModel } from '@angular/forms';
import { By } from '@angular/platform-browser';

import { AdminHarness, clearOverlays } from '../../testing/admin-harness';
import { aProjectWithLeads, aUserAccount } from '../../testing/admin-builders';

const BASE = '/api/departments/031/years/2025';

describe('AssignmentsComponent', () => {
  let admin: AdminHarness;
  const lead = aUserAccount({ username: 'lead03', displayName: '项目负责人3' });

  beforeEach(() => AdminHarness.configure());
  afterEach(() => {
    admin.http.verify();
    clearOverlays();
  });

  async function open(reporter: { id: string; username: string; displayName: string } | null = null) {
    admin = await AdminHarness.open('assignments');
    admin.http.expectOne(`${BASE}/projects`).flush([aProjectWithLeads()]);
    admin.http.expectOne('/api/users').flush([lead, aUserAccount({ role: 'leader', username: 'leader' })]);
    admin.http.expectOne(`${BASE}/reporter`).flush({ departmentCode: '031', year: 2025, reporter });
    await admin.settle();
  }

  function reporterModel(): NgModel {
    const element = admin.harness.fixture.debugElement
      .queryAll(By.directive(NgModel))
      .find((candidate) => (candidate.nativeElement as HTMLElement).classList.contains('reporter-select'));
    if (!element) throw new Error('no reporter select');
    return element.injector.get(NgModel);
  }

  /** Saving answers, then the page loads again. */
  async function answerSave(): Promise<unknown> {
    const request = admin.http.expectOne(`${BASE}/reporter`);
    expect(request.request.method).toBe('PUT');
    request.flush({ departmentCode: '031', year: 2025, reporter: null });
    await admin.settle();
    admin.http.expectOne(`${BASE}/projects`).flush([]);
    admin.http.expectOne('/api/users').flush([]);
    admin.http.expectOne(`${BASE}/reporter`).flush({ departmentCode: '031', year: 2025, reporter: null });
    return request.request.body;
  }

  it('should designate a lead of the department as the 部门整体 reporter', async () => {
    await open();
    expect(admin.text()).toContain('部门整体填报人');
    expect(reporterModel().model).toBe('');

    reporterModel().viewToModelUpdate(lead.id);
    await admin.settle();
    await admin.click(admin.root.querySelector('button.reporter-save'));

    expect(await answerSave()).toEqual({ userId: lead.id });
  });

  it('should give the department-wide reports back to the admins with userId null', async () => {
    await open({ id: lead.id, username: lead.username, displayName: lead.displayName });
    expect(reporterModel().model).toBe(lead.id);

    reporterModel().viewToModelUpdate('');
    await admin.settle();
    await admin.click(admin.root.querySelector('button.reporter-save'));

    expect(await answerSave()).toEqual({ userId: null });
  });
});
