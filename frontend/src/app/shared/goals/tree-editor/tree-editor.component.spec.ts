import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { provideZhCnLocale } from '../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../core/icons/provide-app-icons';
import type { Goal } from '../goal.models';
import { aGoal, aTarget, anIndicator } from '../testing/goal-builders';
import {
  type EditorRow,
  TreeEditorComponent,
  liveReview,
  positionFor,
  rowsOf,
} from './tree-editor.component';

describe(TreeEditorComponent.name, () => {
  let fixture: ComponentFixture<TreeEditorComponent>;
  let http: HttpTestingController;
  let changed: number;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZhCnLocale(), provideAppIcons(), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TreeEditorComponent);
    changed = 0;
    fixture.componentInstance.changed.subscribe(() => changed++);
  });

  afterEach(() => http.verify());

  async function render(goals: Goal[]) {
    fixture.componentRef.setInput('goals', goals);
    fixture.componentRef.setInput('owner', { kind: 'project', projectId: 'p-1' });
    fixture.componentRef.setInput('year', 2025);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  /** Opens a form; its inputs listen once the form has registered them (a microtask later). */
  async function click(button: HTMLButtonElement) {
    button.click();
    fixture.detectChanges();
    await fixture.whenStable();
  }
  const button = (text: string, scope: ParentNode = root()): HTMLButtonElement =>
    Array.from(scope.querySelectorAll('button')).find((b) =>
      b.textContent?.includes(text),
    ) as HTMLButtonElement;
  async function type(id: string, value: string) {
    const input = root().querySelector(`#${id}`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  it('should list each goal’s indicators with their place, target and reading, and offer the row actions', async () => {
    const goal = aGoal([anIndicator({ name: '日常招聘活动', targetRaw: '12场', target: aTarget() })]);
    await render([goal]);
    const row = root().querySelector('tbody tr') as HTMLElement;
    expect(row.textContent).toContain('产出指标 › 数量指标');
    expect(row.textContent).toContain('日常招聘活动');
    expect(row.textContent).toContain('12场');
    expect(row.textContent).toContain('不低于 12 场');
    expect(button('修改', row)).toBeTruthy();
    expect(button('删除', row)).toBeTruthy();
    expect(row.querySelector('[aria-label="上移"]')).toBeTruthy();
  });

  it('should show the parsed reading and the review findings live as the target is typed', async () => {
    await render([aGoal([])]);
    await click(button('新增指标'));
    const live = () =>
      (root().querySelector('[data-testid="live-reading"]') as HTMLElement).textContent ?? '';
    expect(live()).toContain('输入指标值后显示系统的理解');
    await type('edit-name', '培训人数');
    await type('edit-target', '≥500人');
    expect(live()).toContain('不低于 500 人');
    expect(root().querySelector('[data-testid="live-findings"]')?.textContent).toContain('未发现问题');
    await type('edit-target', '有所提升');
    expect(root().querySelector('[data-testid="live-findings"]')?.textContent).toContain(
      '「有所提升」没有数值',
    );
  });

  it('should post a new indicator, then tell the page to reload', async () => {
    const goal = aGoal([]);
    await render([goal]);
    await click(button('新增指标'));
    await type('edit-name', '培训人数');
    await type('edit-target', '≥500人');
    (root().querySelector('form.indicator-form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    const request = http.expectOne(`/api/goals/${goal.id}/indicators`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      level1: '产出指标',
      level2: '数量指标',
      name: '培训人数',
      target: '≥500人',
      basis: null,
      prev2: null,
      prev1: null,
    });
    request.flush({});
    expect(changed).toBe(1);
  });

  it('should refuse an empty name and a duplicate under the same 二级 before asking the server (libs/domain rules)', async () => {
    await render([aGoal([anIndicator({ name: '培训人数' })])]);
    await click(button('新增指标'));
    (root().querySelector('form.indicator-form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    expect(root().querySelector('.error')?.textContent).toContain('请填写三级指标名称');
    await type('edit-name', '培训人数');
    await type('edit-target', '≥1人');
    expect(root().querySelector('.error')?.textContent).toContain('已有同名指标「培训人数」');
    http.expectNone(() => true);
  });

  it('should show the server’s field error beside its field', async () => {
    const indicator = anIndicator({ name: '培训人数', version: 3 });
    await render([aGoal([indicator])]);
    await click(button('修改', root().querySelector('tbody tr') as HTMLElement));
    await type('edit-target', '≥600人');
    (root().querySelector('form.indicator-form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    const request = http.expectOne(`/api/indicators/${indicator.id}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toMatchObject({ version: 3, target: '≥600人' });
    request.flush(
      { statusCode: 400, code: 'VALIDATION_FAILED', message: 'x', errors: { target: 'target：指标值过长' } },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    expect(root().querySelector('.error')?.textContent).toContain('指标值过长');
    expect(changed).toBe(0);
  });

  it('should add a goal of the chosen term', async () => {
    await render([]);
    expect(root().textContent).toContain('还没有绩效目标');
    await type('new-goal-title', '稳定和扩大就业');
    (root().querySelector('form.new-goal') as HTMLFormElement).dispatchEvent(new Event('submit'));
    const request = http.expectOne('/api/projects/p-1/goals');
    expect(request.request.body).toEqual({ term: 'annual', title: '稳定和扩大就业' });
    request.flush({});
    expect(changed).toBe(1);
  });
});

describe(positionFor.name, () => {
  const rows = (): EditorRow[] =>
    rowsOf(
      aGoal([
        anIndicator({ id: 'a', seq: 1 }),
        anIndicator({ id: 'b', seq: 2 }),
        anIndicator({ id: 'c', seq: 3 }),
      ]),
    );

  it('should put a row before its upper neighbour or after its lower one, in stored order', () => {
    const [a, b, c] = rows();
    expect(positionFor(rows(), a, 'up')).toBeNull();
    const all = [a, b, c];
    expect(positionFor(all, b, 'up')).toBe(1);
    expect(positionFor(all, b, 'down')).toBe(3);
    expect(positionFor(all, c, 'down')).toBeNull();
  });
});

describe(liveReview.name, () => {
  it('should read nothing for an empty target, and read a typed one as the importer would', () => {
    const draft = {
      level1: '产出指标',
      level2: '数量指标',
      name: '',
      target: '',
      prev2: '',
      prev1: '',
      basis: '',
    };
    expect(liveReview(draft, 2025)).toEqual({ reading: null, findings: [] });
    const { reading } = liveReview({ ...draft, name: '培训人数', target: '≥500人' }, 2025);
    expect(reading).toMatchObject({ operator: '>=', value: 500, unit: '人' });
  });
});
