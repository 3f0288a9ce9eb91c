import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { DepartmentsApi } from './departments.api';
import { aDepartment, aDepartmentYear, aProject } from './testing/department-builders';

describe(DepartmentsApi.name, () => {
  let api: DepartmentsApi;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(DepartmentsApi);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  it('should list the departments the user may read', async () => {
    const answer = firstValueFrom(api.list());
    const request = httpMock.expectOne('/api/departments');
    expect(request.request.method).toBe('GET');
    request.flush([aDepartment()]);

    expect((await answer).map((department) => department.code)).toEqual(['031']);
  });

  it.each([
    { asOf: '2025-06', url: '/api/departments/031/years/2025?asOf=2025-06' },
    { asOf: null, url: '/api/departments/031/years/2025' },
    { asOf: undefined, url: '/api/departments/031/years/2025' },
  ])('should ask for the department year as of $asOf at $url', async ({ asOf, url }) => {
    const answer = firstValueFrom(api.year('031', 2025, asOf));
    httpMock.expectOne(url).flush(aDepartmentYear({ asOf: '2025-06' }));

    expect((await answer).asOf).toBe('2025-06');
  });

  it('should ask for the enriched project list of a year as of a month', async () => {
    const answer = firstValueFrom(api.projects('031', 2025, '2025-03'));
    httpMock
      .expectOne('/api/departments/031/years/2025/projects?asOf=2025-03')
      .flush([aProject({ name: '党建' })]);

    expect((await answer).map((project) => project.name)).toEqual(['党建']);
  });

  it('should encode the department code in the path', () => {
    void firstValueFrom(api.projects('a/b', 2025));
    httpMock.expectOne('/api/departments/a%2Fb/years/2025/projects').flush([]);
  });
});
