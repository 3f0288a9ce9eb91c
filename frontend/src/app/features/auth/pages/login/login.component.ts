import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  LOCALE_ID,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { finalize } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { EXPIRED_REASON, safeReturnUrl } from '../../../../core/auth/login-url';
import { apiErrorCode, apiErrorSummary, isApiErrorBody } from '../../../../shared/http/api-error';
import { MESSAGES } from '../../../../shared/i18n/messages';

interface LoginFailure {
  readonly title: string;
  /** The server's sentence, e.g. how many attempts remain before the lockout. */
  readonly message: string;
  /** When a locked account opens again, in the user's clock time. */
  readonly unlockAt: string | null;
}

/**
 * The way in. Failures are shown inline with the server's own words (remaining attempts, lockout minutes); a
 * session that ended elsewhere is explained by `?reason=expired`, and `?returnUrl=` is where login leads.
 * It imports its few ng-zorro modules directly instead of SHARED_IMPORTS: it is the first screen everyone
 * loads, and it needs none of the table and select code.
 */
@Component({
  selector: 'app-login',
  imports: [ReactiveFormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzIconModule, NzInputModule],
  templateUrl: './login.component.html',
  styleUrl: './login.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly localeId = inject(LOCALE_ID);
  protected readonly msg = inject(MESSAGES);

  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly failure = signal<LoginFailure | null>(null);
  private readonly attempted = signal(false);

  /** Why the user was sent here, until their first attempt replaces it. */
  protected readonly expired = computed(
    () => !this.attempted() && this.queryParams().get('reason') === EXPIRED_REASON,
  );

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    const { username, password } = this.form.getRawValue();
    this.attempted.set(true);
    this.failure.set(null);
    this.submitting.set(true);
    this.auth
      .login(username.trim(), password)
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          const target = safeReturnUrl(this.queryParams().get('returnUrl'));
          void this.router.navigateByUrl(target, { replaceUrl: true });
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  private fail(error: unknown): void {
    const code = apiErrorCode(error);
    const locked = code === 'ACCOUNT_LOCKED';
    this.failure.set({
      title: locked ? this.msg.login.locked : this.msg.login.failed,
      message: apiErrorSummary(error, this.msg.errors),
      unlockAt: locked ? this.unlockTime(error) : null,
    });
    if (locked || code === 'INVALID_CREDENTIALS') {
      // The password was wrong or cannot be tried now: start it over, keep the username.
      this.form.controls.password.reset();
      this.passwordInput().nativeElement.focus();
    }
  }

  private unlockTime(error: unknown): string | null {
    const lockedUntil =
      error instanceof HttpErrorResponse && isApiErrorBody(error.error)
        ? error.error.details?.['lockedUntil']
        : undefined;
    const time = typeof lockedUntil === 'string' ? new Date(lockedUntil) : null;
    if (!time || Number.isNaN(time.getTime())) {
      return null;
    }
    // Intl rather than Angular's formatDate, whose code would land in the initial bundle.
    const clock = new Intl.DateTimeFormat(this.localeId, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    return this.msg.login.lockedUntil(clock.format(time));
  }
}
