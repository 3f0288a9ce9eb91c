import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import { aTask, aTaskList } from '../../../reminders/testing/task-builders';
import { ReviewInboxComponent } from './review-inbox.component';

describe(ReviewInboxComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'reviews', component: ReviewInboxComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  async function open(): Promise<HTMLElement> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/reviews', ReviewInboxComponent);
    await harness.fixture.whenStable();
    harness.detectChanges();
    return harness.routeNativeElement as HTMLElement;
  }

  it('should list the submitted months with a link to each', async () => {
    const page = await open();
    httpMock
      .expectOne('/api/me/tasks')
      .flush(
        aTaskList([
          aTask({ kind: 'review', projectId: 'p2', projectName: '信息化建设', period: '2025-06' }),
          aTask({ kind: 'review', projectId: 'p1', projectName: '党建', period: '2025-05' }),
        ]),
      );
    await harness.fixture.whenStable();
    harness.detectChanges();

    const rows = Array.from(page.querySelectorAll('tbody tr.ant-table-row'));
    expect(rows.map((row) => row.querySelector('td')?.textContent?.trim())).toEqual(['党建', '信息化建设']);
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('/reviews/p1/2025-05');
    expect(page.textContent).toContain('共 2 项');
  });

  it('should say so when nothing awaits approval', async () => {
    const page = await open();
    httpMock.expectOne('/api/me/tasks').flush(aTaskList([]));
    await harness.fixture.whenStable();
    harness.detectChanges();

    expect(page.querySelector('nz-table')?.textContent).toContain('暂无待审核的填报');
  });

  it('should list returned months with their reason when 已退回 is picked, and approved ones with 已审核通过', async () => {
    const page = await open();
    httpMock.expectOne('/api/me/tasks').flush(aTaskList([]));
    await harness.fixture.whenStable();
    harness.detectChanges();

    const filters = Array.from(page.querySelectorAll<HTMLButtonElement>('.filters button'));
    expect(filters.map((button) => button.textContent?.trim())).toEqual(['待审核', '已退回', '已审核通过']);
    expect(filters[0].getAttribute('aria-pressed')).toBe('true');

    filters[1].click();
    await harness.fixture.whenStable();
    httpMock.expectOne('/api/me/tasks?status=returned').flush(
      aTaskList([
        aTask({
          kind: 'review',
          projectId: 'p1',
          projectName: '党建',
          period: '2025-05',
          status: 'returned',
          returnReason: '缺少佐证材料',
        }),
      ]),
    );
    await harness.fixture.whenStable();
    harness.detectChanges();
    expect(filters[1].getAttribute('aria-pressed')).toBe('true');
    const row = page.querySelector('tbody tr.ant-table-row');
    expect(row?.textContent).toContain('缺少佐证材料');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/reviews/p1/2025-05');

    filters[2].click();
    await harness.fixture.whenStable();
    httpMock.expectOne('/api/me/tasks?status=approved').flush(aTaskList([]));
    await harness.fixture.whenStable();
    harness.detectChanges();
    expect(page.querySelector('nz-table')?.textContent).toContain('暂无已审核通过的填报');
  });
});
