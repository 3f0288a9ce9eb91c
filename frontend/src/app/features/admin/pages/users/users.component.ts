import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { type Observable, switchMap } from 'rxjs';

import type { UserRole } from '../../../../core/auth/auth.models';
import { AuthService } from '../../../../core/auth/auth.service';
import { apiErrorCode, apiErrorMessage } from '../../../../shared/http/api-error';
import { apiFieldErrorMap } from '../../../../shared/http/api-field-errors';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { AdminApi, type UserAccount } from '../../admin.api';
import { AdminScope } from '../../admin-scope';

export const ROLES: readonly UserRole[] = ['admin', 'leader', 'lead', 'auditor'];

/** A plausible address; the server checks it properly (a 400 naming the field). */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

interface UserForm {
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly role: UserRole;
  readonly departmentCode: string;
  readonly active: boolean;
  readonly password: string;
}

type Dialog =
  | { readonly kind: 'create' }
  | { readonly kind: 'edit'; readonly user: UserAccount }
  | { readonly kind: 'password'; readonly user: UserAccount };

const EMPTY_FORM: UserForm = {
  username: '',
  displayName: '',
  email: '',
  role: 'lead',
  departmentCode: '',
  active: true,
  password: '',
};

/** 用户: accounts with their role, department and projects; the admin creates, edits and resets them. */
@Component({
  selector: 'app-users',
  imports: [SHARED_IMPORTS, DatePipe, NzAlertModule, NzInputModule, NzModalModule],
  templateUrl: './users.component.html',
  styleUrl: './users.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersComponent {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly scope = inject(AdminScope);
  protected readonly msg = inject(MESSAGES);
  protected readonly roles = ROLES;
  private readonly auth = inject(AuthService);
  protected readonly canEdit = computed(() => this.auth.user()?.role === 'admin');

  private readonly attempt = signal(0);
  protected readonly state = toSignal(
    toObservable(this.attempt).pipe(switchMap(() => toLoadState(this.api.users()))),
    { initialValue: LOADING as LoadState<UserAccount[]> },
  );
  protected readonly users = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.value : [];
  });
  protected readonly error = computed(() => {
    const state = this.state();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  protected readonly dialog = signal<Dialog | null>(null);
  protected readonly form = signal<UserForm>(EMPTY_FORM);
  protected readonly fieldErrors = signal<Record<string, string>>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected readonly dialogTitle = computed(() => {
    const dialog = this.dialog();
    if (!dialog) return '';
    if (dialog.kind === 'create') return this.msg.admin.users.createTitle;
    return dialog.kind === 'edit'
      ? this.msg.admin.users.editTitle(dialog.user.displayName)
      : this.msg.admin.users.resetTitle(dialog.user.displayName);
  });

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }

  protected departmentName(code: string | null): string {
    if (!code) return this.msg.admin.users.noDepartment;
    return this.scope.departmentList().find((department) => department.code === code)?.name ?? code;
  }

  protected openCreate(): void {
    this.open({ kind: 'create' }, { ...EMPTY_FORM, departmentCode: this.scope.department()?.code ?? '' });
  }

  protected openEdit(user: UserAccount): void {
    this.open(
      { kind: 'edit', user },
      {
        ...EMPTY_FORM,
        displayName: user.displayName,
        email: user.email ?? '',
        role: user.role,
        departmentCode: user.departmentCode ?? '',
        active: user.active,
      },
    );
  }

  protected openPassword(user: UserAccount): void {
    this.open({ kind: 'password', user }, EMPTY_FORM);
  }

  protected close(): void {
    if (!this.busy()) this.dialog.set(null);
  }

  protected set(field: keyof UserForm, event: Event): void {
    const target = event.target as HTMLInputElement;
    this.setValue(field, target.type === 'checkbox' ? target.checked : target.value);
  }

  protected setValue(field: keyof UserForm, value: string | boolean): void {
    this.form.update((form) => ({ ...form, [field]: value }));
    this.fieldErrors.update((errors) => {
      const { [field]: _removed, ...rest } = errors;
      return rest;
    });
  }

  protected submit(): void {
    const dialog = this.dialog();
    if (!dialog || this.busy()) return;
    const form = this.form();
    const missing = this.missingFields(dialog, form);
    if (Object.keys(missing).length > 0) {
      this.fieldErrors.set(missing);
      return;
    }
    this.busy.set(true);
    this.formError.set(null);
    const request: Observable<unknown> =
      dialog.kind === 'create'
        ? this.api.createUser({
            username: form.username.trim(),
            displayName: form.displayName.trim(),
            role: form.role,
            ...(form.departmentCode ? { departmentCode: form.departmentCode } : {}),
            ...(form.email.trim() ? { email: form.email.trim() } : {}),
            password: form.password,
          })
        : dialog.kind === 'edit'
          ? this.api.updateUser(dialog.user.id, {
              version: dialog.user.version,
              displayName: form.displayName.trim(),
              role: form.role,
              departmentCode: form.departmentCode || null,
              active: form.active,
              email: form.email.trim() || null,
            })
          : this.api.resetPassword(dialog.user.id, form.password);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.busy.set(false);
        this.dialog.set(null);
        const name = dialog.kind === 'create' ? form.displayName.trim() : dialog.user.displayName;
        this.message.success(
          dialog.kind === 'create'
            ? this.msg.admin.users.created(name)
            : dialog.kind === 'edit'
              ? this.msg.admin.users.updated(name)
              : this.msg.admin.users.reset(name),
        );
        this.retry();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (apiErrorCode(error) === 'VERSION_CONFLICT') {
          this.dialog.set(null);
          this.message.warning(this.msg.admin.users.conflict);
          this.retry();
          return;
        }
        const fields = apiFieldErrorMap(error);
        this.fieldErrors.set(fields);
        if (Object.keys(fields).length === 0) this.formError.set(apiErrorMessage(error, this.msg.errors));
      },
    });
  }

  private open(dialog: Dialog, form: UserForm): void {
    this.form.set(form);
    this.fieldErrors.set({});
    this.formError.set(null);
    this.dialog.set(dialog);
  }

  private missingFields(dialog: Dialog, form: UserForm): Record<string, string> {
    const text = this.msg.admin.users;
    const missing: Record<string, string> = {};
    if (dialog.kind === 'create' && !form.username.trim())
      missing['username'] = text.required(text.fields.username);
    if (dialog.kind !== 'password' && !form.displayName.trim())
      missing['displayName'] = text.required(text.fields.displayName);
    if (dialog.kind !== 'edit' && !form.password) missing['password'] = text.required(text.fields.password);
    if (dialog.kind !== 'password' && form.email.trim() && !EMAIL.test(form.email.trim()))
      missing['email'] = text.invalidEmail;
    return missing;
  }
}
