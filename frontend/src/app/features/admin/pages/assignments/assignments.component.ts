import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { combineLatest, forkJoin, of, switchMap } from 'rxjs';

import { apiErrorMessage } from '../../../../shared/http/api-error';
import { apiFieldErrorMap } from '../../../../shared/http/api-field-errors';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { AdminApi, type DepartmentReporter, type ProjectWithLeads, type UserAccount } from '../../admin.api';
import { AdminScope } from '../../admin-scope';
import { ScopePickerComponent } from '../../components/scope-picker.component';

interface AssignmentData {
  readonly projects: readonly ProjectWithLeads[];
  readonly leads: readonly UserAccount[];
}

/** The reporter choice standing for "nobody designated: the admins report" (nz-select needs a value). */
const ADMINS = '';

/**
 * 项目负责人: who leads each project of a department-year; only the department's lead accounts qualify. Also
 * who reports the department-wide goals (部门整体填报人): the admins, or one of those leads.
 */
@Component({
  selector: 'app-assignments',
  imports: [SHARED_IMPORTS, NzAlertModule, NzModalModule, ScopePickerComponent],
  templateUrl: './assignments.component.html',
  styleUrl: './assignments.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssignmentsComponent {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly scope = inject(AdminScope);
  protected readonly msg = inject(MESSAGES);

  private readonly attempt = signal(0);
  protected readonly state = toSignal(
    combineLatest([toObservable(this.scope.selection), toObservable(this.attempt)]).pipe(
      switchMap(([selection]) =>
        selection
          ? toLoadState(
              forkJoin({
                projects: this.api.projects(selection.code, selection.year),
                users: this.api.users(),
                reporter: this.api.reporter(selection.code, selection.year),
              }),
            )
          : of(LOADING as LoadState<never>),
      ),
    ),
    {
      initialValue: LOADING as LoadState<{
        projects: ProjectWithLeads[];
        users: UserAccount[];
        reporter: DepartmentReporter;
      }>,
    },
  );

  protected readonly admins = ADMINS;
  /** The reporter as chosen in the select, starting from the stored one. */
  protected readonly reporter = linkedSignal(() => {
    const state = this.state();
    return state.status === 'ready' ? (state.value.reporter.reporter?.id ?? ADMINS) : ADMINS;
  });
  protected readonly reporterBusy = signal(false);
  protected readonly reporterError = signal<string | null>(null);

  protected readonly data = computed<AssignmentData | null>(() => {
    const state = this.state();
    const code = this.scope.department()?.code;
    if (state.status !== 'ready') return null;
    return {
      projects: state.value.projects,
      leads: state.value.users.filter(
        (user) =>
          user.role === 'lead' &&
          user.active &&
          (user.departmentCode === null || user.departmentCode === code),
      ),
    };
  });

  protected readonly error = computed(() => {
    const state = this.state();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });

  protected readonly editing = signal<ProjectWithLeads | null>(null);
  protected readonly chosen = signal<string[]>([]);
  protected readonly saveError = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected saveReporter(): void {
    const selection = this.scope.selection();
    if (!selection) return;
    this.reporterBusy.set(true);
    this.reporterError.set(null);
    this.api
      .assignReporter(selection.code, selection.year, this.reporter() || null)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.reporterBusy.set(false);
          this.message.success(this.msg.admin.assignments.reporter.saved);
          this.retry();
        },
        error: (error: unknown) => {
          this.reporterBusy.set(false);
          const fields = Object.values(apiFieldErrorMap(error));
          this.reporterError.set(
            fields.length > 0 ? fields.join('；') : apiErrorMessage(error, this.msg.errors),
          );
        },
      });
  }

  protected retry(): void {
    this.attempt.update((attempt) => attempt + 1);
  }

  protected edit(project: ProjectWithLeads): void {
    this.chosen.set(project.leads.map((lead) => lead.id));
    this.saveError.set(null);
    this.editing.set(project);
  }

  protected close(): void {
    if (!this.busy()) this.editing.set(null);
  }

  protected save(): void {
    const project = this.editing();
    if (!project) return;
    this.busy.set(true);
    this.api
      .assignLeads(project.id, this.chosen())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.editing.set(null);
          this.message.success(this.msg.admin.assignments.saved(project.name));
          this.retry();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const fields = Object.values(apiFieldErrorMap(error));
          this.saveError.set(fields.length > 0 ? fields.join('；') : apiErrorMessage(error, this.msg.errors));
        },
      });
  }
}
