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
import { ActivatedRoute, Router } from '@angular/router';
import { finalize } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { EXPIRED_REASON, safeReturnUrl } from '../../../../core/auth/login-url';
import { CHANGE_PASSWORD_PATH } from '../../../../core/auth/password-change.guard';
import { LocaleService } from '../../../../core/i18n/locale.service';
import { apiErrorCode, apiErrorSummary } from '../../../../shared/http/api-error';
import { GlyphComponent } from '../../../../shared/glyph/glyph.component';
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
 * It is the first screen everyone loads, so it uses none of ng-zorro's components nor Angular's forms: two
 * fields with a required check are signals, drawn with ng-zorro's markup and classes (the global stylesheet
 * styles them like nz-form, nz-input, nz-alert and nz-button) and the icons of GLYPHS.
 */
@Component({
  selector: 'app-login',
  imports: [GlyphComponent, LocaleSwitchComponent],
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

  protected readonly username = signal('');
  protected readonly password = signal('');
  /** Edited, or submitted: a field shows its message only after that (as nz-form-control showed it). */
  protected readonly usernameChecked = signal(false);
  protected readonly passwordChecked = signal(false);
  protected readonly usernameError = computed(() => this.usernameChecked() && this.username() === '');
  protected readonly passwordError = computed(() => this.passwordChecked() && this.password() === '');
  protected readonly passwordShown = signal(false);
  /** The field with the focus, whose frame is drawn focused (nz-input-wrapper's class; :focus-within is not styled). */
  protected readonly focused = signal<'username' | 'password' | null>(null);
  protected readonly submitting = signal(false);
  protected readonly failure = signal<LoginFailure | null>(null);
  private readonly attempted = signal(false);

  /** Why the user was sent here, until their first attempt replaces it. */
  protected readonly expired = computed(
    () => !this.attempted() && this.queryParams().get('reason') === EXPIRED_REASON,
  );

  protected submit(event: Event): void {
    // No Angular forms here to keep the browser from sending the form itself.
    event.preventDefault();
    if (this.submitting()) {
      return;
    }
    const username = this.username();
    const password = this.password();
    if (username === '' || password === '') {
      this.usernameChecked.set(true);
      this.passwordChecked.set(true);
      return;
    }
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
      // The field is written only here: typing only reads it (no binding rewrites it during an IME composition).
      const field = this.passwordInput().nativeElement;
      field.value = '';
      this.password.set('');
      this.passwordChecked.set(false);
      field.focus();
    }
  }
}
