import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { DemoBannerComponent } from './demo-banner.component';
import { provideZhCnLocale } from '../../core/i18n/bundled-locale';

describe(DemoBannerComponent.name, () => {
  let httpMock: HttpTestingController;

  function render(answer: (request: ReturnType<HttpTestingController['expectOne']>) => void): HTMLElement {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideZhCnLocale()],
    });
    httpMock = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DemoBannerComponent);
    fixture.detectChanges();
    answer(httpMock.expectOne('/api/app-info'));
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => httpMock.verify());

  it('should mark a demo installation 演示数据', () => {
    const element = render((request) => request.flush({ demo: true }));
    expect(element.querySelector('[role=note]')?.textContent).toContain('演示数据');
  });

  it('should show nothing on a real installation', () => {
    const element = render((request) => request.flush({ demo: false }));
    expect(element.querySelector('.demo-banner')).toBeNull();
  });

  it('should show nothing when the server cannot say', () => {
    const element = render((request) => request.flush(null, { status: 500, statusText: 'Server Error' }));
    expect(element.querySelector('.demo-banner')).toBeNull();
  });
});
