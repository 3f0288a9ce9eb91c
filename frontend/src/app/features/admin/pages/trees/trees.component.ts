import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';

import { apiErrorMessage } from '../../../../shared/http/api-error';
import { apiFieldErrorMap } from '../../../../shared/http/api-field-errors';
import {
  type ProjectHeader,
  type ProjectHeaderSaved,
  TreeEditApi,
} from '../../../../shared/goals/tree-editor/tree-edit.api';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { AdminScope } from '../../admin-scope';
import { ScopePickerComponent } from '../../components/scope-picker.component';

/** The header fields this tab asks for; the rest of 表12 is edited on the project's page. */
export interface ProjectForm {
  readonly code: string;
  readonly name: string;
  readonly budget: string;
  readonly category: string;
  readonly executingUnit: string;
  readonly leadName: string;
  readonly startYear: string;
  readonly endYear: string;
}

const EMPTY: ProjectForm = {
  code: '',
  name: '',
  budget: '',
  category: '',
  executingUnit: '',
  leadName: '',
  startYear: '',
  endYear: '',
};

/** The typed header as the API takes it: blanks left out, numbers as numbers (budget in 万元). */
export function projectHeaderOf(form: ProjectForm): ProjectHeader {
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  const number = (value: string) => (value.trim() ? Number(value.trim()) : undefined);
  return {
    code: text(form.code),
    name: form.name.trim(),
    budget: number(form.budget) as number,
    category: text(form.category),
    executingUnit: text(form.executingUnit),
    leadName: text(form.leadName),
    startYear: number(form.startYear),
    endYear: number(form.endYear),
  };
}

/**
 * 年度与项目 (admin): a new budget year of the chosen department, and a new project of the chosen year with its
 * 表12 header (docs/domain.md, "Editing the trees"); the project's trees are then edited on its page.
 */
@Component({
  selector: 'app-admin-trees',
  imports: [SHARED_IMPORTS, NzInputModule, ScopePickerComponent],
  templateUrl: './trees.component.html',
  styleUrl: './trees.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TreesComponent {
  private readonly api = inject(TreeEditApi);
  private readonly notice = inject(NzMessageService);
  protected readonly scope = inject(AdminScope);
  protected readonly msg = inject(MESSAGES);

  /** The year after the latest one, unless the admin typed another. */
  private readonly typedYear = signal<number | null>(null);
  protected readonly newYear = computed(
    () => this.typedYear() ?? (this.scope.years()[0] ?? new Date().getFullYear()) + 1,
  );
  protected readonly yearError = signal('');

  protected readonly project = signal<ProjectForm>(EMPTY);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly created = signal<ProjectHeaderSaved | null>(null);
  protected readonly saving = signal(false);

  protected readonly fields: readonly (keyof ProjectForm)[] = [
    'code',
    'name',
    'budget',
    'category',
    'executingUnit',
    'leadName',
    'startYear',
    'endYear',
  ];

  protected label(field: keyof ProjectForm): string {
    return this.msg.treeEditor.admin[field];
  }

  protected typeYear(value: string): void {
    this.typedYear.set(value.trim() ? Number(value) : null);
    this.yearError.set('');
  }

  protected update(field: keyof ProjectForm, value: string): void {
    this.project.update((form) => ({ ...form, [field]: value }));
    this.errors.update(({ [field]: _, ...rest }) => rest);
  }

  protected createYear(): void {
    const department = this.scope.department();
    if (!department || this.saving()) return;
    const year = this.newYear();
    this.saving.set(true);
    this.api.createYear(department.code, year).subscribe({
      next: () => {
        this.saving.set(false);
        this.notice.success(this.msg.treeEditor.admin.yearCreated(year));
        this.typedYear.set(null);
        this.scope.reload();
        this.scope.chooseYear(year);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.yearError.set(apiFieldErrorMap(error)['year'] ?? apiErrorMessage(error, this.msg.errors));
      },
    });
  }

  protected createProject(): void {
    const selection = this.scope.selection();
    if (!selection || this.saving()) return;
    this.saving.set(true);
    this.created.set(null);
    this.api.createProject(selection.code, selection.year, projectHeaderOf(this.project())).subscribe({
      next: (project) => {
        this.saving.set(false);
        this.created.set(project);
        this.project.set(EMPTY);
        this.notice.success(this.msg.treeEditor.admin.projectCreated(project.name));
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const fields = apiFieldErrorMap(error);
        if (Object.keys(fields).length) this.errors.set(fields);
        else this.notice.error(apiErrorMessage(error, this.msg.errors));
      },
    });
  }
}
