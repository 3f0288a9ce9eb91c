import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import * as domain from '@jixiao/domain';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { UserRole } from '../../../../core/auth/auth.models';
import { AuthService } from '../../../../core/auth/auth.service';
import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import { SELF_EVALUATION_ROUTES } from '../../routes';
import type { SelfEvaluation } from '../../self-evaluation.models';
import { anEvaluation } from '../../testing/self-evaluation-builders';
import { SheetComponent } from './sheet.component';

const URL_BASE = '/api/projects/project-1/self-evaluation/2025';

// The page's preview must be the API's own function, not a copy of its rules.
jest.mock('@jixiao/domain', () => {
  const actual = jest.requireActual('@jixiao/domain');
  return { ...actual, evaluateSheet: jest.fn(actual.evaluateSheet) };
});

describe(SheetComponent.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const role = signal<UserRole>('lead');

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'self-evaluation', children: SELF_EVALUATION_ROUTES }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
        { provide: AuthService, useValue: { user: () => ({ id: 'u1', role: role(), displayName: 'x' }) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(evaluation: SelfEvaluation = anEvaluation(), as: UserRole = 'lead'): Promise<void> {
    role.set(as);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/self-evaluation/project-1/2025', SheetComponent);
    http.expectOne(URL_BASE).flush(evaluation);
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const inputs = (field: string): HTMLInputElement[] =>
    Array.from(page().querySelectorAll<HTMLInputElement>(`[data-field=${field}]`));
  const cell = (name: string): string =>
    page().querySelector(`[data-cell=${name}]`)?.textContent?.trim() ?? '';
  const scores = (): string[] =>
    Array.from(
      page().querySelectorAll(
        'tr.indicator [data-cell=score] .score-value, tr.indicator [data-cell=score] input',
      ),
    ).map((element) =>
      element instanceof HTMLInputElement ? `input:${element.value}` : (element.textContent ?? '').trim(),
    );

  async function type(element: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
    element.value = value;
    element.dispatchEvent(new Event('input'));
    await settle();
  }

  function click(action: string): void {
    page().querySelector<HTMLButtonElement>(`[data-action=${action}]`)!.click();
  }

  it('should say under each actual and analysis where it came from, and keep the prefilled analysis', async () => {
    const approved = { kind: 'approved' as const, period: '2025-07', label: '取自 2025-07 已审核填报' };
    const base = anEvaluation();
    await open({
      ...base,
      items: [
        {
          ...base.items[0],
          actual: '99%',
          actualSource: 'report',
          actualPeriod: '2025-07',
          actualOrigin: approved,
        },
        {
          ...base.items[1],
          actual: '达成',
          actualSource: 'report',
          actualPeriod: '2025-08',
          actualOrigin: { kind: 'submitted', period: '2025-08', label: '取自 2025-08 已提交（未审核）填报' },
          deviationAnalysis: '偏差原因：人手不足；改进措施：增派人员',
          deviationOrigin: approved,
        },
        {
          ...base.items[2],
          actual: '95%',
          actualOrigin: { kind: 'entered', period: null, label: '手工填写' },
          deviationAnalysis: '自己写的',
          deviationOrigin: { kind: 'entered', period: null, label: '手工填写' },
        },
      ],
    });
    const origins = (field: string): string[] =>
      Array.from(page().querySelectorAll(`[data-origin=${field}]`)).map((e) => e.textContent?.trim() ?? '');

    expect(origins('actual')).toEqual([
      '取自 2025-07 已审核填报',
      '取自 2025-08 已提交（未审核）填报',
      '手工填写',
    ]);
    expect(page().querySelectorAll('[data-origin=actual].unapproved')).toHaveLength(1);
    expect(inputs('deviation').map((e) => e.value)).toEqual([
      '',
      '偏差原因：人手不足；改进措施：增派人员',
      '自己写的',
    ]);
    expect(origins('deviation')).toEqual(['取自 2025-07 已审核填报', '手工填写']);

    // Once typed over, the cell no longer claims to come from the report.
    await type(inputs('actual')[0], '98%');
    await type(inputs('deviation')[1], '改写');
    expect(origins('actual')).toEqual(['取自 2025-08 已提交（未审核）填报', '手工填写']);
    expect(origins('deviation')).toEqual(['手工填写']);
  });

  it('should say where 全年执行数 came from, marking a submitted (not approved) month', async () => {
    const base = anEvaluation();
    await open({
      ...base,
      budget: {
        ...base.budget,
        executedYuan: 3_000_000,
        executedSource: 'report',
        executedPeriod: '2025-09',
        executedOrigin: { kind: 'submitted', period: '2025-09', label: '取自 2025-09 已提交（未审核）填报' },
      },
    });
    const hint = page().querySelector('[data-origin=executed]');
    expect(hint?.textContent?.trim()).toBe('取自 2025-09 已提交（未审核）填报');
    expect(hint?.classList).toContain('unapproved');
  });

  it('should preview scores, total and grade with libs/domain while the lead types', async () => {
    await open();

    await type(inputs('actual')[0], '90%');
    expect(scores()[0]).toBe('45');

    await type(inputs('actual')[1], '达成');
    await type(inputs('score')[0], '27');
    await type(inputs('actual')[2], '95%');
    await type(inputs('executed')[0], '500000');

    expect(scores()).toEqual(['45', 'input:27', '10']);
    expect(cell('budget-score')).toBe('10');
    expect(cell('total')).toBe('92');
    expect(cell('grade')).toBe('优');
  });

  it('should preview with evaluateSheet itself and explain every score on its cell', async () => {
    const evaluateSheet = jest.mocked(domain.evaluateSheet);
    await open();
    evaluateSheet.mockClear();

    await type(inputs('actual')[0], '90%');
    await type(inputs('executed')[0], '450000');

    expect(evaluateSheet).toHaveBeenCalled();
    const input = evaluateSheet.mock.lastCall?.[0];
    expect(input?.executedYuan).toBe(450000);
    expect(input?.indicators[0]).toMatchObject({ actual: '90%', weight: 50 });
    const [first] = Array.from(page().querySelectorAll('tr.indicator [data-cell=score]'));
    expect(first.getAttribute('title')).toBe('得分 = 50 × 90 ÷ 100 = 45');
    expect(page().querySelector('[data-cell=budget-score]')?.getAttribute('title')).toBe(
      '执行率 = 450000 ÷ 500000 × 100% = 90.00%；得分 = 10 × 450000 ÷ 500000 = 9',
    );
    expect(page().querySelector('[data-scoring-notes]')?.textContent).toContain(
      '机房正常运行时长占比：得分 = 50 × 90 ÷ 100 = 45',
    );
  });

  it('should constrain a 定性 score to its band', async () => {
    await open();
    await type(inputs('actual')[1], '部分达成');
    const pick = inputs('score')[0];

    expect(pick.min).toBe('18');
    expect(pick.max).toBe('24');
    await type(pick, '24');
    const row = page().querySelectorAll('tr.indicator')[1];
    expect(row.querySelector('[data-problem]')?.textContent).toContain('[18, 24)');
    expect(pick.getAttribute('aria-invalid')).toBe('true');
    await type(pick, '20');
    expect(pick.getAttribute('aria-invalid')).toBeNull();
  });

  it('should check live that the admin weights add up to 100', async () => {
    await open(anEvaluation(), 'admin');
    const weights = inputs('weight');
    expect(inputs('actual')).toHaveLength(0);

    await type(weights[0], '55');
    expect(cell('weight-total')).toBe('105');
    expect(page().querySelector('[data-weight-problem]')?.textContent).toContain('105');

    await type(weights[1], '25');
    expect(cell('weight-total')).toBe('100');
    expect(page().querySelector('[data-weight-problem]')).toBeNull();
    click('save');
    const request = http.expectOne({ method: 'PUT', url: URL_BASE });
    expect(request.request.body).toEqual({
      version: 3,
      items: [
        { indicatorId: anEvaluation().items[0].indicatorId, weight: 55 },
        { indicatorId: anEvaluation().items[1].indicatorId, weight: 25 },
      ],
    });
    request.flush(anEvaluation({ version: 4 }));
  });

  it('should show the stored state and keep the typed values on a 409', async () => {
    await open();
    await type(inputs('actual')[0], '98%');
    click('save');
    const stored = anEvaluation({
      version: 5,
      items: anEvaluation().items.map((item, index) => (index === 0 ? { ...item, actual: '97%' } : item)),
    });
    http
      .expectOne({ method: 'PUT', url: URL_BASE })
      .flush(
        { statusCode: 409, code: 'VERSION_CONFLICT', message: '已被他人修改', details: { current: stored } },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    expect(inputs('actual')[0].value).toBe('98%');
    expect(page().querySelector('[data-alert=error]')?.textContent).toContain('您填写的内容已保留');
    expect(page().querySelector('[data-stored]')?.textContent).toContain('最新保存：97%');

    click('save');
    const retry = http.expectOne({ method: 'PUT', url: URL_BASE });
    expect(retry.request.body).toEqual({
      version: 5,
      items: [{ indicatorId: stored.items[0].indicatorId, actual: '98%' }],
    });
    retry.flush(anEvaluation({ version: 6 }));
  });

  it('should turn read-only when a save meets a lock (423)', async () => {
    await open();
    await type(inputs('actual')[0], '98%');
    click('save');
    http
      .expectOne({ method: 'PUT', url: URL_BASE })
      .flush(
        { statusCode: 423, code: 'LOCKED', message: '自评已提交，已锁定，不能修改' },
        { status: 423, statusText: 'Locked' },
      );
    await settle();

    expect(inputs('actual')).toHaveLength(0);
    expect(page().querySelector('[data-action=save]')).toBeNull();
    expect(page().querySelector('[data-alert=locked]')?.textContent).toContain('已锁定');
  });

  it('should download the project workbook as a blob', async () => {
    await open(anEvaluation({ status: 'approved' }), 'leader');
    const created = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    click('download');
    const request = http.expectOne(`${URL_BASE}.xlsx`);
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['PK']), {
      headers: {
        'Content-Disposition': 'attachment; filename="x.xlsx"; filename*=UTF-8\'\'%E8%87%AA%E8%AF%84.xlsx',
      },
    });

    expect(created).toHaveBeenCalled();
    expect(clicked).toHaveBeenCalled();
    clicked.mockRestore();
  });
});
