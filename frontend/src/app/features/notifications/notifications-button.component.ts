import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzIconModule } from 'ng-zorro-antd/icon';

import { MESSAGES } from '../../shared/i18n/messages';
import type { AppNotification } from './notifications.api';
import { NotificationsStore, notificationLink } from './notifications.store';

const PHONE_QUERY = '(max-width: 767px)';

/**
 * The header's notifications, beside the reminders (待办) and drawn the same way: a button with the unread count
 * and a panel listing the latest notifications — returned months with the reason, overdue and soon-due months,
 * a leader's monthly flags. Opening one marks it read.
 */
@Component({
  selector: 'app-notifications-button',
  imports: [RouterLink, NzIconModule, DatePipe],
  templateUrl: './notifications-button.component.html',
  // The reminders' look (bell, badge, panel), plus what is read and unread.
  styleUrls: ['../reminders/reminders-button.component.css', './notifications-button.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:click)': 'onDocumentClick($event)',
    '(keydown.escape)': 'close(true)',
  },
})
export class NotificationsButtonComponent {
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  protected readonly store = inject(NotificationsStore);
  protected readonly msg = inject(MESSAGES);
  protected readonly link = notificationLink;

  private readonly trigger = viewChild<ElementRef<HTMLButtonElement>>('trigger');
  protected readonly open = signal(false);

  /** On a phone the panel spans the screen below the header (the button is not at its right edge there). */
  protected readonly phoneTop = signal<number | null>(null);

  protected toggle(): void {
    const button = this.trigger()?.nativeElement;
    const phone = button?.ownerDocument.defaultView?.matchMedia?.(PHONE_QUERY).matches ?? false;
    this.phoneTop.set(phone && button ? button.getBoundingClientRect().bottom + 8 : null);
    this.open.update((open) => !open);
  }

  close(focusTrigger = false): void {
    if (!this.open()) return;
    this.open.set(false);
    if (focusTrigger) this.trigger()?.nativeElement.focus();
  }

  protected openNotification(notification: AppNotification): void {
    this.store.markRead(notification);
    this.close();
  }

  protected onDocumentClick(event: MouseEvent): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.close();
  }
}
