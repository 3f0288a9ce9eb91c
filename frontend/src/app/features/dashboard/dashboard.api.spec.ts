import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { DashboardApi } from './dashboard.api';
import { aCityDashboard, aDepartmentDashboard, aFlaggedPage } from './testing/dashboard-builders';

describe(DashboardApi.name, () => {
  let api: DashboardApi;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(DashboardApi);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  it.each([
    { asOf: '2025-06', url: '/api/departments/031/years/2025/dashboard?asOf=2025-06' },
    { asOf: null, url: '/api/departments/031/years/2025/dashboard' },
  ])("should ask for a department's dashboard as of $asOf at $url", async ({ asOf, url }) => {
    const answer = firstValueFrom(api.department('031', 2025, asOf));
    httpMock.expectOne(url).flush(aDepartmentDashboard());

    expect((await answer).department.code).toBe('031');
  });

  it.each([
    { asOf: '2025-06', url: '/api/dashboard?asOf=2025-06&year=2025' },
    { asOf: null, url: '/api/dashboard?year=2025' },
  ])('should ask for the city dashboard of a year as of $asOf at $url', async ({ asOf, url }) => {
    const answer = firstValueFrom(api.city(2025, asOf));
    httpMock.expectOne(url).flush(aCityDashboard());

    expect((await answer).departments).toHaveLength(1);
  });

  it('should ask for one page of the city flagged list with its filters, several lights as repeated parameters', async () => {
    const answer = firstValueFrom(
      api.flagged({
        year: 2025,
        asOf: '2025-06',
        department: '031',
        project: 'p-1',
        lights: ['red', 'grey'],
        level1: '产出指标',
        sort: 'department',
        page: 3,
        pageSize: 50,
      }),
    );
    const request = httpMock.expectOne((r) => r.url === '/api/dashboard/flagged');
    expect(request.request.params.toString()).toBe(
      'asOf=2025-06&year=2025&sort=department&page=3&pageSize=50&department=031&project=p-1&level1=%E4%BA%A7%E5%87%BA%E6%8C%87%E6%A0%87&light=red&light=grey',
    );
    request.flush(aFlaggedPage({ total: 57, page: 3, pageSize: 50 }));

    expect((await answer).total).toBe(57);
  });

  it('should leave out the filters not chosen', async () => {
    const answer = firstValueFrom(
      api.flagged({
        year: 2025,
        asOf: null,
        department: null,
        project: null,
        lights: [],
        level1: null,
        sort: 'worst',
        page: 1,
        pageSize: 20,
      }),
    );
    httpMock
      .expectOne('/api/dashboard/flagged?year=2025&sort=worst&page=1&pageSize=20')
      .flush(aFlaggedPage());

    expect((await answer).items).toHaveLength(1);
  });
});
