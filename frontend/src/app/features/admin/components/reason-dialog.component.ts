import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';

import { MESSAGES } from '../../../shared/i18n/messages';

/** The longest reason the API accepts. */
const MAX_REASON = 1000;

/**
 * A dialog asking for a required reason (锁定, 解除锁定, 解锁), recorded in the audit log. The caller sends it and
 * passes back the API's field message or error, which show inside the dialog.
 */
@Component({
  selector: 'app-reason-dialog',
  imports: [NzAlertModule, NzInputModule, NzModalModule],
  template: `
    <nz-modal
      [nzVisible]="open()"
      [nzTitle]="title()"
      [nzOkText]="okText()"
      [nzCancelText]="msg.admin.cancel"
      [nzOkDanger]="danger()"
      [nzOkLoading]="busy()"
      (nzOnOk)="submit()"
      (nzOnCancel)="cancelled.emit()"
    >
      <ng-container *nzModalContent>
        @if (error(); as message) {
          <nz-alert class="alert" nzType="error" nzShowIcon [nzMessage]="message" />
        }
        @if (description()) {
          <p class="description">{{ description() }}</p>
        }
        <label class="label" for="reason-input">
          <span class="required" aria-hidden="true">*</span>{{ msg.admin.periods.reasonLabel }}
        </label>
        <textarea
          nz-input
          id="reason-input"
          rows="4"
          required
          [attr.maxlength]="max"
          [placeholder]="msg.admin.periods.reasonPlaceholder"
          [value]="reason()"
          [attr.aria-invalid]="fieldError() ? true : null"
          [attr.aria-describedby]="fieldError() ? 'reason-error' : null"
          (input)="onInput($event)"
        ></textarea>
        @if (fieldError(); as message) {
          <span class="field-error" id="reason-error" role="alert">{{ message }}</span>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .alert {
      margin-bottom: 12px;
    }
    .description {
      color: rgb(0 0 0 / 65%);
    }
    .label {
      display: block;
      margin-bottom: 6px;
    }
    .required {
      margin-right: 4px;
      color: #cf1322;
    }
    textarea[aria-invalid='true'] {
      border-color: #cf1322;
    }
    .field-error {
      display: block;
      margin-top: 4px;
      color: #cf1322;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReasonDialogComponent {
  protected readonly msg = inject(MESSAGES);
  protected readonly max = MAX_REASON;

  readonly open = input.required<boolean>();
  readonly title = input.required<string>();
  readonly okText = input.required<string>();
  readonly description = input<string | null>(null);
  readonly danger = input(false);
  readonly busy = input(false);
  /** The API's message for the reason field, or the request's error. */
  readonly serverFieldError = input<string | null>(null);
  readonly error = input<string | null>(null);

  readonly confirmed = output<string>();
  readonly cancelled = output<void>();

  protected readonly reason = signal('');
  private readonly localError = signal<string | null>(null);
  protected readonly fieldError = computed(() => this.localError() ?? this.serverFieldError());

  constructor() {
    // A newly opened dialog starts empty.
    effect(() => {
      if (this.open()) {
        this.reason.set('');
        this.localError.set(null);
      }
    });
  }

  protected onInput(event: Event): void {
    this.reason.set((event.target as HTMLTextAreaElement).value);
    this.localError.set(null);
  }

  protected submit(): void {
    const reason = this.reason().trim();
    if (!reason) {
      this.localError.set(this.msg.admin.periods.reasonRequired);
      return;
    }
    this.confirmed.emit(reason);
  }
}
