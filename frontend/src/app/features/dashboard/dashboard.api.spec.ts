import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { DashboardApi } from './dashboard.api';
import { aCityDashboard, aDepartmentDashboard } from './testing/dashboard-builders';

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
});
