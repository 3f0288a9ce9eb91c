import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { ProjectsApi } from './projects.api';
import { aProjectDetail } from './testing/project-builders';

describe(ProjectsApi.name, () => {
  let api: ProjectsApi;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ProjectsApi);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  it.each([
    { asOf: '2025-06', url: '/api/projects/p-1?asOf=2025-06' },
    { asOf: null, url: '/api/projects/p-1' },
  ])('should ask for a project as of $asOf at $url', async ({ asOf, url }) => {
    const answer = firstValueFrom(api.project('p-1', asOf));
    const request = httpMock.expectOne(url);
    expect(request.request.method).toBe('GET');
    request.flush(aProjectDetail({ name: '党建' }));

    expect((await answer).name).toBe('党建');
  });
});
