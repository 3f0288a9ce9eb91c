import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { UserRole } from '../../../../core/auth/auth.models';
import {
  aSessionUser,
  aTokenResponse,
  givenStoredSession,
} from '../../../../core/auth/testing/auth-builders';
import { provideZhCnLocale } from '../../../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../../../core/icons/provide-app-icons';
import { aFlaggedIndicator } from '../../../dashboard/testing/dashboard-builders';
import { DIGEST_ROUTES } from '../../routes';
import { aDigest } from '../../testing/notification-builders';
import { DigestComponent } from './digest.component';

const URL = '/api/departments/031/digest/2025-06';

describe(DigestComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'digest', children: DIGEST_ROUTES }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  async function open(role: UserRole = 'leader'): Promise<void> {
    givenStoredSession(aTokenResponse({ user: aSessionUser({ role }) }));
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/digest/031/2025-06');
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  const root = (): HTMLElement => harness.routeNativeElement as HTMLElement;

  it('should list the flagged, the projected misses with how they are projected, and the overdue reports', async () => {
    await open();
    httpMock.expectOne(URL).flush(
      aDigest({
        flagged: [
          aFlaggedIndicator({
            indicatorName: '培训人数',
            light: 'red',
            lightReason: '进度值 30.0 低于 60（红灯）',
          }),
        ],
        projectedMisses: [
          aFlaggedIndicator({
            indicatorName: '就业率',
            targetUnit: '%',
            projection: {
              value: 72,
              low: 70,
              high: 75,
              method: 'trend',
              light: 'red',
              likelihood: '有可能',
              proposedForecast: '72%',
              explanation: '按近3月平均增量推算：年末约 72',
            },
          }),
        ],
        overdue: [
          {
            department: { code: '031', name: '人社局' },
            projectId: null,
            projectCode: null,
            projectName: '部门整体',
            period: '2025-05',
            status: 'missing',
            dueDate: '2025-06-10',
            daysOverdue: 32,
          },
        ],
      }),
    );
    await settle();

    expect(root().querySelector('.page-subtitle')?.textContent).toContain('截至 2025 年 6 月');
    expect(root().querySelector('.flagged h3')?.textContent).toContain('红灯 1 项，黄灯 0 项');
    expect(root().querySelector('.flagged tbody')?.textContent).toContain('培训人数');
    expect(root().querySelector('.projected tbody')?.textContent).toContain('72%（红灯）');
    expect(root().querySelector('.projected tbody')?.textContent).toContain('按近3月平均增量推算');
    expect(root().querySelector('.overdue tbody')?.textContent).toContain('32 天');
    expect(root().querySelector('button.send')).toBeNull();

    const print = jest.fn();
    Object.defineProperty(TestBed.inject(DOCUMENT).defaultView as Window, 'print', {
      value: print,
      configurable: true,
    });
    (root().querySelector('button.print') as HTMLButtonElement).click();
    expect(print).toHaveBeenCalled();
  });

  it('should let the admin mail the digest to the leaders', async () => {
    await open('admin');
    httpMock.expectOne(URL).flush(aDigest());
    await settle();

    (root().querySelector('button.send') as HTMLButtonElement).click();
    const send = httpMock.expectOne(`${URL}/send`);
    expect(send.request.method).toBe('POST');
    send.flush({
      period: '2025-06',
      recipients: [
        {
          userId: 'a',
          username: 'leader',
          displayName: '王局长',
          email: 'wang@example.cn',
          status: 'queued',
        },
        { userId: 'b', username: 'leader2', displayName: '李局长', email: null, status: 'no-email' },
      ],
    });
    await settle();
    expect(document.body.textContent).toContain('已加入发件箱 1 封；此前已发送 0 位；1 位领导未设置邮箱');
  });
});
