import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzIconModule } from 'ng-zorro-antd/icon';

import { MESSAGES } from '../../shared/i18n/messages';
import { RemindersStore, taskLink } from './reminders.store';

/** How many tasks the dropdown lists; the rest are one click away on 填报 / 审核. */
const SHOWN = 8;

/**
 * The header's reminders: a bell with the number of tasks (reports due, overdue or returned; months awaiting
 * approval) and a dropdown linking to each. It lives in the eager shell, so it draws its own small badge and
 * panel instead of pulling in ng-zorro's badge and dropdown styles.
 */
@Component({
  selector: 'app-reminders-button',
  imports: [RouterLink, NzIconModule],
  templateUrl: './reminders-button.component.html',
  styleUrl: './reminders-button.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:click)': 'onDocumentClick($event)',
    '(keydown.escape)': 'close(true)',
  },
})
export class RemindersButtonComponent {
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  protected readonly store = inject(RemindersStore);
  protected readonly msg = inject(MESSAGES);
  protected readonly taskLink = taskLink;

  private readonly trigger = viewChild<ElementRef<HTMLButtonElement>>('trigger');
  protected readonly open = signal(false);

  protected readonly shown = computed(() => this.store.tasks().slice(0, SHOWN));
  protected readonly hidden = computed(() => Math.max(0, this.store.count() - SHOWN));
  protected readonly reviewsOnly = computed(() => this.store.tasks().every((task) => task.kind === 'review'));

  protected toggle(): void {
    this.open.update((open) => !open);
  }

  close(focusTrigger = false): void {
    if (!this.open()) return;
    this.open.set(false);
    if (focusTrigger) this.trigger()?.nativeElement.focus();
  }

  protected onDocumentClick(event: MouseEvent): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) {
      this.close();
    }
  }
}
