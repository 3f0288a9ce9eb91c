import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { finalize } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { applyNzLocale } from '../../../../core/i18n/nz-locale';
import { apiErrorSummary } from '../../../../shared/http/api-error';
import { MESSAGES } from '../../../../shared/i18n/messages';

/**
 * Changes the signed-in user's password. A user whose password an admin chose lands here after login and
 * cannot leave (passwordChangeGuard) until it is changed; anyone else may come here to change theirs.
 */
@Component({
  selector: 'app-change-password',
  imports: [ReactiveFormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule],
  templateUrl: './change-password.component.html',
  styleUrl: './change-password.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly msg = inject(MESSAGES);

  protected readonly required = this.auth.mustChangePassword;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', Validators.required],
    confirmPassword: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly failure = signal<string | null>(null);

  constructor() {
    // Outside the shell: this page may be the first screen of ng-zorro's (a reload at /password).
    applyNzLocale();
  }

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
    const { currentPassword, newPassword, confirmPassword } = this.form.getRawValue();
    if (newPassword !== confirmPassword) {
      this.failure.set(this.msg.changePassword.mismatch);
      return;
    }
    this.failure.set(null);
    this.submitting.set(true);
    this.auth
      .changePassword(currentPassword, newPassword)
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => void this.router.navigateByUrl('/', { replaceUrl: true }),
        error: (error: unknown) => this.failure.set(apiErrorSummary(error, this.msg.errors)),
      });
  }

  protected logout(): void {
    this.auth.logout().subscribe(() => void this.router.navigateByUrl('/login'));
  }
}
