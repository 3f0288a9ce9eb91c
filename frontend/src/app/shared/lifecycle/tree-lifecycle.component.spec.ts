import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { provideZhCnLocale } from '../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../core/icons/provide-app-icons';
import { aGoal, anIndicator } from '../goals/testing/goal-builders';
import type { Adjustment, TreeLifecycle } from './lifecycle.api';
import { TreeLifecycleComponent } from './tree-lifecycle.component';

function aTree(overrides: Partial<TreeLifecycle> = {}): TreeLifecycle {
  return {
    status: 'approved',
    version: 3,
    submittedAt: null,
    reviewedAt: null,
    returnReason: null,
    role: 'writer',
    projectId: 'p-1',
    adjustments: [],
    ...overrides,
  };
}

function anAdjustment(overrides: Partial<Adjustment> = {}): Adjustment {
  return {
    id: 'a-1',
    projectId: 'p-1',
    projectName: '人社局劳动维权工作经费',
    status: 'submitted',
    reason: '上级下达任务增加',
    effectiveFrom: '2025-07',
    proposedByName: '项目负责人一',
    proposedAt: '2025-07-02T08:00:00Z',
    reviewedByName: null,
    reviewedAt: null,
    returnReason: null,
    version: 1,
    items: [
      {
        indicatorId: 'i-1',
        indicatorName: '劳动监察日常巡查次数',
        oldTargetRaw: '≥120次',
        newTargetRaw: '≥150次',
        newTarget: {
          raw: '≥150次',
          operator: '>=',
          value: 150,
          unit: '次',
          direction: 'higher',
          accumulation: 'cumulative',
          confidence: 'explicit',
        },
      },
    ],
    ...overrides,
  } as Adjustment;
}

describe(TreeLifecycleComponent.name, () => {
  let fixture: ComponentFixture<TreeLifecycleComponent>;
  let httpMock: HttpTestingController;
  let changed: number;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZhCnLocale(), provideAppIcons(), provideHttpClient(), provideHttpClientTesting()],
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TreeLifecycleComponent);
    fixture.componentRef.setInput('scope', { projectId: 'p-1' });
    fixture.componentRef.setInput('year', 2025);
    fixture.componentRef.setInput('goals', [
      aGoal([anIndicator({ id: 'i-1', name: '劳动监察日常巡查次数', targetRaw: '≥120次' })]),
    ]);
    changed = 0;
    fixture.componentInstance.changed.subscribe(() => changed++);
  });

  afterEach(() => httpMock.verify());

  async function render(tree: TreeLifecycle): Promise<HTMLElement> {
    fixture.componentRef.setInput('tree', tree);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const buttons = (root: HTMLElement): string[] =>
    Array.from(root.querySelectorAll('.actions button')).map((b) => (b.textContent ?? '').trim());

  it('should offer each role the moves of the state machine only', async () => {
    let root = await render(aTree({ status: 'draft', role: 'writer' }));
    expect(root.querySelector('[data-testid="tree-status"]')?.textContent?.trim()).toBe('草稿');
    expect(buttons(root)).toEqual(['申报']);
    root = await render(aTree({ status: 'submitted', role: 'reviewer' }));
    expect(buttons(root)).toEqual(['批复', '退回']);
    root = await render(aTree({ status: 'submitted', role: 'writer' }));
    expect(buttons(root)).toEqual([]);
    root = await render(aTree({ status: 'approved', role: 'admin' }));
    expect(buttons(root)).toEqual(['调整目标']);
    root = await render(aTree({ status: 'approved', role: 'reader' }));
    expect(buttons(root)).toEqual([]);
  });

  it('should approve with the version it read and tell the page to reload', async () => {
    const root = await render(aTree({ status: 'submitted', role: 'reviewer', version: 4 }));
    (root.querySelector('.actions button') as HTMLButtonElement).click();
    const request = httpMock.expectOne('/api/projects/p-1/tree/approve');
    expect(request.request.body).toEqual({ version: 4 });
    request.flush(aTree({ status: 'approved', version: 5 }));
    expect(changed).toBe(1);
  });

  it('should propose an adjustment with the new target read live, a reason and the effective month', async () => {
    await render(aTree());
    const component = fixture.componentInstance;
    component['openAdjust']();
    component['picked'].set(['i-1']);
    component['targets'].set({ 'i-1': '≥150次' });
    component['effectiveMonth'].set(7);
    fixture.detectChanges();
    const dialog = document.querySelector('.ant-modal-body') as HTMLElement;
    expect(dialog.textContent).toContain('现行指标值：≥120次');
    expect(dialog.querySelector('.reading')?.textContent).toContain('解读：不低于 150 次');

    component['submitAdjustment']();
    fixture.detectChanges();
    expect(dialog.querySelector('.field-error')?.textContent).toBe('请填写调整原因');
    httpMock.expectNone('/api/projects/p-1/adjustments');

    component['reason'].set('上级下达任务增加');
    component['submitAdjustment']();
    const request = httpMock.expectOne('/api/projects/p-1/adjustments');
    expect(request.request.body).toEqual({
      items: [{ indicatorId: 'i-1', target: '≥150次' }],
      reason: '上级下达任务增加',
      effectiveFrom: '2025-07',
    });
    request.flush(anAdjustment());
    expect(changed).toBe(1);
    expect(component['adjustOpen']()).toBe(false);
  });

  it('should show the API refusal inside the dialog and keep it open', async () => {
    await render(aTree());
    const component = fixture.componentInstance;
    component['openAdjust']();
    component['picked'].set(['i-1']);
    component['targets'].set({ 'i-1': '≥150次' });
    component['reason'].set('试');
    component['submitAdjustment']();
    httpMock
      .expectOne('/api/projects/p-1/adjustments')
      .flush(
        { statusCode: 409, code: 'CONFLICT', message: '指标“劳动监察日常巡查次数”已有待审批的调整申请' },
        { status: 409, statusText: 'Conflict' },
      );
    fixture.detectChanges();
    expect(component['adjustOpen']()).toBe(true);
    expect(component['adjustError']()).toBe('指标“劳动监察日常巡查次数”已有待审批的调整申请');
    expect(changed).toBe(0);
  });

  it('should list pending adjustments for the leader to approve, and ask a reason to return one', async () => {
    const root = await render(aTree({ role: 'reviewer', adjustments: [anAdjustment()] }));
    expect(root.querySelector('.adjustments summary')?.textContent).toContain('待审批 1 项');
    expect(root.querySelector('.adjustment .change')?.textContent?.trim()).toBe('≥120次 → ≥150次');
    const [approve, reject] = Array.from(
      root.querySelectorAll('.adjustment-actions button'),
    ) as HTMLButtonElement[];

    reject.click();
    fixture.detectChanges();
    const component = fixture.componentInstance;
    component['confirmReturn']();
    expect(component['returnError']()).toBe('请填写退回原因');
    component['returnReason'].set('依据不足');
    component['confirmReturn']();
    const returned = httpMock.expectOne('/api/adjustments/a-1/return');
    expect(returned.request.body).toEqual({ version: 1, reason: '依据不足' });
    returned.flush(anAdjustment({ status: 'returned' }));

    approve.click();
    const approved = httpMock.expectOne('/api/adjustments/a-1/approve');
    expect(approved.request.body).toEqual({ version: 1 });
    approved.flush(anAdjustment({ status: 'approved' }));
    expect(changed).toBe(2);
  });
});
