import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { EMPTY, Subject, catchError, filter, merge, of, switchMap } from 'rxjs';

import { AuthService } from '../../core/auth/auth.service';
import { type AppNotification, NotificationsApi } from './notifications.api';

/**
 * Where a notification is acted on: a reporter's month in 填报 (the department-wide goals under
 * `overall/<department code>`), a leader's flags on the month's digest.
 */
export function notificationLink(notification: AppNotification): string[] {
  const { department, period } = notification;
  if (notification.kind === 'leadership-flags') return ['/digest', department.code, period];
  const unit = notification.projectId === null ? ['overall', department.code] : [notification.projectId];
  return ['/reports', ...unit, period];
}

/**
 * The signed-in user's notifications for the header: fetched again after every navigation and after a change,
 * marked read one by one (when opened) or all at once.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly api = inject(NotificationsApi);
  private readonly auth = inject(AuthService);
  private readonly refreshes = new Subject<void>();

  private readonly list = signal<readonly AppNotification[]>([]);
  private readonly unreadCount = signal(0);
  readonly notifications = this.list.asReadonly();
  readonly unread = this.unreadCount.asReadonly();
  readonly enabled = computed(() => this.auth.user() !== null);

  constructor() {
    const router = inject(Router);
    const navigations = router.events.pipe(filter((event) => event instanceof NavigationEnd));
    const first = router.currentNavigation() === null ? of(null) : EMPTY;
    merge(first, this.refreshes, navigations)
      .pipe(
        switchMap(() => (this.enabled() ? this.api.mine().pipe(catchError(() => EMPTY)) : of(null))),
        takeUntilDestroyed(),
      )
      .subscribe((answer) => {
        this.list.set(answer?.notifications ?? []);
        this.unreadCount.set(answer?.unread ?? 0);
      });
  }

  refresh(): void {
    this.refreshes.next();
  }

  /** Marks one read at once on screen; the server's answer (or the next refresh) confirms it. */
  markRead(notification: AppNotification): void {
    if (notification.readAt) return;
    this.list.update((list) =>
      list.map((item) =>
        item.id === notification.id ? { ...item, readAt: new Date().toISOString() } : item,
      ),
    );
    this.unreadCount.update((count) => Math.max(0, count - 1));
    this.api.read(notification.id).subscribe({ error: () => this.refresh() });
  }

  markAllRead(): void {
    const now = new Date().toISOString();
    this.list.update((list) => list.map((item) => (item.readAt ? item : { ...item, readAt: now })));
    this.unreadCount.set(0);
    this.api.readAll().subscribe({ error: () => this.refresh() });
  }
}
