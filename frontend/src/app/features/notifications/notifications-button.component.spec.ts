import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { UserRole } from '../../core/auth/auth.models';
import { aSessionUser, aTokenResponse, givenStoredSession } from '../../core/auth/testing/auth-builders';
import { provideZhCnLocale } from '../../core/i18n/bundled-locale';
import { provideAppIcons } from '../../core/icons/provide-app-icons';
import { NotificationsButtonComponent } from './notifications-button.component';
import { aNotification, aNotificationList } from './testing/notification-builders';

const URL = '/api/notifications';

@Component({
  selector: 'app-test-page',
  imports: [NotificationsButtonComponent],
  template: '<app-notifications-button />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class PageWithButtonComponent {}

@Component({ selector: 'app-test-other', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class OtherPageComponent {}

describe(NotificationsButtonComponent.name, () => {
  let harness: RouterTestingHarness;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'home', component: PageWithButtonComponent },
          { path: '**', component: OtherPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideZhCnLocale(),
        provideAppIcons(),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  async function open(role: UserRole = 'lead'): Promise<void> {
    givenStoredSession(aTokenResponse({ user: aSessionUser({ role }) }));
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/home');
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  const root = (): HTMLElement => harness.fixture.nativeElement as HTMLElement;
  const button = (): HTMLButtonElement => root().querySelector('button.bell') as HTMLButtonElement;

  it('should show the unread count, and the returned month with its reason in the panel', async () => {
    await open();
    httpMock.expectOne(URL).flush(
      aNotificationList([
        aNotification(),
        aNotification({
          kind: 'report-overdue',
          period: '2025-05',
          reason: null,
          readAt: '2025-07-11T00:00:00Z',
        }),
      ]),
    );
    await settle();

    expect(root().querySelector('.count')?.textContent?.trim()).toBe('1');
    expect(button().getAttribute('aria-label')).toBe('通知，1 条未读');

    button().click();
    await settle();
    const items = Array.from(root().querySelectorAll('#notifications-panel .notification'));
    expect(items.map((item) => item.querySelector('.kind')?.textContent?.trim())).toEqual([
      '被退回',
      '已逾期',
    ]);
    expect(items[0].textContent).toContain('退回原因：请补充培训签到表');
    expect(items[0].classList).toContain('unread');
    expect(items[0].getAttribute('href')).toBe('/reports/11111111-1111-4111-8111-111111111111/2025-06');
    expect(items[1].classList).not.toContain('unread');
    expect(items[1].textContent).toContain('截止 2025-07-10，尚未提交');
  });

  it('should mark a notification read when it is opened', async () => {
    await open();
    const returned = aNotification();
    httpMock.expectOne(URL).flush(aNotificationList([returned]));
    await settle();
    button().click();
    await settle();

    (root().querySelector('#notifications-panel .notification') as HTMLAnchorElement).click();
    await settle();

    const read = httpMock.expectOne(`${URL}/${returned.id}/read`);
    expect(read.request.method).toBe('POST');
    read.flush({ ...returned, readAt: '2025-07-12T03:00:00Z' });
    // The navigation to the month refreshes the list.
    httpMock
      .match(URL)
      .forEach((request) => request.flush(aNotificationList([{ ...returned, readAt: 'x' }])));
    await settle();
    expect(root().querySelector('.count')).toBeNull();
  });

  it("should link a leader's monthly flags to the digest and mark all read at once", async () => {
    await open('leader');
    httpMock.expectOne(URL).flush(
      aNotificationList([
        aNotification({
          kind: 'leadership-flags',
          projectId: null,
          projectName: null,
          reason: null,
          dueDate: null,
          details: { red: 2, yellow: 1, projectedMiss: 3, overdue: 1 },
        }),
        aNotification({ kind: 'report-due', reason: null }),
      ]),
    );
    await settle();
    button().click();
    await settle();

    const first = root().querySelector('#notifications-panel .notification') as HTMLElement;
    expect(first.getAttribute('href')).toBe('/digest/031/2025-06');
    expect(first.textContent).toContain('武汉市东西湖区人力资源和社会保障局');
    expect(first.textContent).toContain('红灯 2 项 · 黄灯 1 项 · 预计年末未达标 3 项 · 逾期 1 份');

    (root().querySelector('button.read-all') as HTMLButtonElement).click();
    await settle();
    const all = httpMock.expectOne(`${URL}/read-all`);
    expect(all.request.method).toBe('POST');
    all.flush({ updated: 2 });
    await settle();
    expect(root().querySelector('.count')).toBeNull();
    expect(root().querySelectorAll('#notifications-panel .unread')).toHaveLength(0);
  });
});
