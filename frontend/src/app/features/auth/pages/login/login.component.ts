import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
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
import { CHANGE_PASSWORD_PATH } from '../../../../core/auth/password-change.guard';
import { LocaleService } from '../../../../core/i18n/locale.service';
import { apiErrorCode, apiErrorSummary } from '../../../../shared/http/api-error';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { LocaleSwitchComponent } from '../../../../shared/locale-switch/locale-switch.component';

interface LoginFailure {
  readonly title: string;
  /** The server's sentence: one for every refused login, so it reveals nothing about the account. */
  readonly message: string;
}

/**
 * The way in. Failures are shown inline with the server's own words; a
 * session that ended elsewhere is explained by `?reason=expired`, and `?returnUrl=` is where login leads (after
 * the change-password page when an admin chose the password).
 * It imports its few ng-zorro modules directly instead of SHARED_IMPORTS: it is the first screen everyone
 * loads, and it needs none of the table and select code.
 */
@Component({
  selector: 'app-login',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    LocaleSwitchComponent,
  ],
  templateUrl: './login.component.html',
  styleUrl: './login.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly locale = inject(LocaleService);
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
        next: (user) => {
          const target = user.mustChangePassword
            ? CHANGE_PASSWORD_PATH
            : safeReturnUrl(this.queryParams().get('returnUrl'));
          // The account's language wins: the app restarts in it at the target instead of navigating there.
          if (!this.locale.adoptAccountLocale(user.locale, target)) {
            void this.router.navigateByUrl(target, { replaceUrl: true });
          }
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  private fail(error: unknown): void {
    this.failure.set({
      title: this.msg.login.failed,
      message: apiErrorSummary(error, this.msg.errors),
    });
    if (apiErrorCode(error) === 'INVALID_CREDENTIALS') {
      // Start the password over, keep the username.
      this.form.controls.password.reset();
      this.passwordInput().nativeElement.focus();
    }
  }
}
