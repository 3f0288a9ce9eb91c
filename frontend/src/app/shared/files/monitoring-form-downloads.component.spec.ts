import { DownloadOutline } from '@ant-design/icons-angular/icons';
import { HttpHeaders, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';

import { provideZhCnLocale } from '../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../core/icons/provide-app-icons';
import { MonitoringFormDownloadsComponent } from './monitoring-form-downloads.component';
import { type MonitoringFormTarget, monitoringFormUrl } from './monitoring-form';

@Component({
  imports: [MonitoringFormDownloadsComponent],
  template: `<app-monitoring-form-downloads [target]="target()" [compact]="compact()" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly target = signal<MonitoringFormTarget>({ projectId: 'p-1', year: 2025, period: '2025-06' });
  readonly compact = signal(false);
}

describe('monitoring form downloads', () => {
  it('should build the project, department and round URLs', () => {
    expect(monitoringFormUrl({ projectId: 'p 1', year: 2025, period: '2025-06' }, 'docx')).toBe(
      '/api/projects/p%201/monitoring/2025-06.docx',
    );
    expect(monitoringFormUrl({ code: '031', year: 2025, period: '2025-07', round: 'r-1' }, 'xlsx')).toBe(
      '/api/departments/031/years/2025/monitoring/2025-07.xlsx?round=r-1',
    );
  });

  describe('buttons', () => {
    let httpMock: HttpTestingController;
    let saved: string[];

    beforeEach(() => {
      TestBed.configureTestingModule({
        providers: [
          provideHttpClient(),
          provideHttpClientTesting(),
          provideZhCnLocale(),
          provideAppIcons(),
          provideNzIconsPatch([DownloadOutline]),
        ],
      });
      httpMock = TestBed.inject(HttpTestingController);
      saved = [];
      URL.createObjectURL = jest.fn(() => 'blob:1');
      URL.revokeObjectURL = jest.fn();
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved.push(this.download);
      });
    });

    afterEach(() => {
      httpMock.verify();
      jest.restoreAllMocks();
    });

    it('should offer Excel and Word for a project and save the file under its Chinese name', () => {
      const fixture = TestBed.createComponent(HostComponent);
      fixture.detectChanges();
      const buttons = [...fixture.nativeElement.querySelectorAll('button')] as HTMLButtonElement[];
      expect(buttons.map((b) => b.textContent?.trim())).toEqual([
        '执行监控表（Excel）',
        '执行监控表（Word）',
      ]);
      buttons[0].click();
      const request = httpMock.expectOne('/api/projects/p-1/monitoring/2025-06.xlsx');
      expect(request.request.responseType).toBe('blob');
      request.flush(new Blob(['x']), {
        headers: new HttpHeaders({
          'Content-Disposition': `attachment; filename="m.xlsx"; filename*=UTF-8''${encodeURIComponent('执行监控表.xlsx')}`,
        }),
      });
      expect(saved).toEqual(['执行监控表.xlsx']);
    });

    it('should offer the workbook of a department or a round’s snapshot, and say when a download fails', () => {
      const fixture = TestBed.createComponent(HostComponent);
      fixture.componentInstance.target.set({ code: '031', year: 2025, period: '2025-07', round: 'r-1' });
      fixture.detectChanges();
      const buttons = [...fixture.nativeElement.querySelectorAll('button')] as HTMLButtonElement[];
      expect(buttons.map((b) => b.textContent?.trim())).toEqual(['快照执行监控表']);
      buttons[0].click();
      httpMock
        .expectOne('/api/departments/031/years/2025/monitoring/2025-07.xlsx?round=r-1')
        .flush(new Blob(['{}']), { status: 409, statusText: 'Conflict' });
      fixture.detectChanges();
      expect(fixture.nativeElement.querySelector('[role="alert"]').textContent).toContain(
        '执行监控表下载失败',
      );
      fixture.componentInstance.target.set({ code: '031', year: 2025, period: '2025-01' });
      fixture.detectChanges();
      expect(fixture.nativeElement.querySelector('button').textContent.trim()).toBe(
        '全部执行监控表（Excel）',
      );
    });
  });
});
