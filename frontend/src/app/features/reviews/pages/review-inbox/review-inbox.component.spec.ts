import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { provideZhCnLocale } from '../../../../core/i18n/provide-locale';
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
});
