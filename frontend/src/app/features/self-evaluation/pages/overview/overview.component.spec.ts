import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { aDepartment } from '../../../../core/api/testing/department-builders';
import { AuthService } from '../../../../core/auth/auth.service';
import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import { SELF_EVALUATION_ROUTES } from '../../routes';
import { aDepartmentEvaluation } from '../../testing/self-evaluation-builders';
import { OverviewComponent } from './overview.component';

const YEAR = '/api/departments/031/years/2025';

describe(OverviewComponent.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'self-evaluation', children: SELF_EVALUATION_ROUTES }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
        { provide: AuthService, useValue: { user: () => ({ id: 'u1', role: 'leader', displayName: 'x' }) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:x'), revokeObjectURL: jest.fn() });
  });

  afterEach(() => http.verify());

  async function open(): Promise<void> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/self-evaluation', OverviewComponent);
    http.expectOne('/api/departments').flush([aDepartment({ code: '031', years: [2025] })]);
    await harness.fixture.whenStable();
    http.expectOne(`${YEAR}/self-evaluation`).flush(aDepartmentEvaluation());
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;

  it("should list the projects' totals, grades and status", async () => {
    await open();

    const row = page().querySelector('tr[data-project=project-1]');
    expect(row?.textContent).toContain('信息化建设');
    expect(row?.querySelector('[data-cell=total]')?.textContent?.trim()).toBe('97');
    expect(row?.textContent).toContain('优');
    expect(row?.textContent).toContain('已提交');
  });

  it.each([
    { kind: 'workbook', url: `${YEAR}/self-evaluation.xlsx` },
    { kind: 'report', url: `${YEAR}/self-evaluation-report.docx` },
    { kind: 'targets', url: `${YEAR}/targets.xlsx` },
    { kind: 'overall', url: `${YEAR}/self-evaluation/overall.xlsx` },
  ])('should fetch the $kind download as a blob with the token, not as a link', async ({ kind, url }) => {
    await open();
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    page().querySelector<HTMLButtonElement>(`[data-download=${kind}]`)!.click();
    const request = http.expectOne(url);
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['PK']));

    expect(clicked).toHaveBeenCalledTimes(1);
    clicked.mockRestore();
  });
});
