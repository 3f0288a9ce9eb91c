import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  LEVEL1_NAMES,
  type Level1,
  type ReviewFinding,
  type Target,
  asLevel1,
  indicatorEntryErrors,
  level2NamesOf,
  parseTarget,
  reviewIndicator,
} from '@jixiao/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import type { Observable } from 'rxjs';

import { apiErrorCode, apiErrorMessage } from '../../http/api-error';
import { apiFieldErrorMap } from '../../http/api-field-errors';
import { MESSAGES } from '../../i18n/messages';
import type { Goal, GoalTerm, IndicatorNode } from '../goal.models';
import { TargetReadingPipe } from '../target-reading.pipe';
import { TreeEditApi, type TreeOwner } from './tree-edit.api';

/** A 三级指标 row of the editor, with its place in the goal. */
export interface EditorRow {
  readonly indicator: IndicatorNode;
  readonly level1: string;
  readonly level2: string;
}

interface GoalBlock {
  readonly goal: Goal;
  readonly rows: readonly EditorRow[];
}

/** The indicator form: what is typed, as text. */
export interface IndicatorDraft {
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly target: string;
  readonly prev2: string;
  readonly prev1: string;
  readonly basis: string;
}

type OpenForm =
  | { readonly mode: 'add'; readonly goalId: string }
  | { readonly mode: 'edit'; readonly goalId: string; readonly row: EditorRow };

const EMPTY: IndicatorDraft = {
  level1: '产出指标',
  level2: '数量指标',
  name: '',
  target: '',
  prev2: '',
  prev1: '',
  basis: '',
};

/** The rows of a goal in tree order (一级 › 二级 › 三级), as the tables print them. */
export function rowsOf(goal: Goal): EditorRow[] {
  return goal.indicators.flatMap((level1) =>
    level1.children.flatMap((level2) =>
      level2.indicators.map((indicator) => ({ indicator, level1: level1.name, level2: level2.name })),
    ),
  );
}

/**
 * The position (1-based, in the goal's stored order) that puts `row` just before (`up`) or after (`down`) its
 * neighbour in the same 二级; null at the edge.
 */
export function positionFor(
  rows: readonly EditorRow[],
  row: EditorRow,
  direction: 'up' | 'down',
): number | null {
  const group = rows.filter((r) => r.level2 === row.level2);
  const index = group.indexOf(row);
  const neighbour = group[direction === 'up' ? index - 1 : index + 1];
  if (!neighbour) return null;
  const bySeq = rows
    .filter((r) => r !== row)
    .sort((a, b) => a.indicator.seq - b.indicator.seq)
    .map((r) => r.indicator.id);
  const at = bySeq.indexOf(neighbour.indicator.id);
  return direction === 'up' ? at + 1 : at + 2;
}

/** What libs/domain reads in the typed target, and what the review finds in it (client side, as typed). */
export function liveReview(
  draft: IndicatorDraft,
  year: number,
): { reading: Target | null; findings: ReviewFinding[] } {
  if (!draft.target.trim()) return { reading: null, findings: [] };
  const indicator = {
    level1: draft.level1,
    level2: draft.level2,
    name: draft.name.trim() || draft.target,
    target: draft.target.trim(),
    prev1: draft.prev1.trim() || null,
  };
  const reading = parseTarget(indicator.target, {
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    previous: indicator.prev1 ?? undefined,
    year,
  });
  return { reading, findings: reviewIndicator({ ...indicator, parsed: reading }, { year }) };
}

/**
 * Edit mode of a project's or the department's indicator trees (docs/domain.md, "Editing the trees"): each goal
 * with its 三级指标, inline add / edit / move / reorder / delete-or-archive, the goal's text, and new goals. The
 * target's reading and the review's findings are computed with libs/domain as it is typed; the server checks
 * the same rules again. Emits `changed` after every save so the page reloads the trees.
 */
@Component({
  selector: 'app-tree-editor',
  imports: [
    FormsModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    TargetReadingPipe,
  ],
  templateUrl: './tree-editor.component.html',
  styleUrl: './tree-editor.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TreeEditorComponent {
  private readonly api = inject(TreeEditApi);
  private readonly notice = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  protected readonly msg = inject(MESSAGES);
  protected readonly level1Names = LEVEL1_NAMES;
  protected readonly terms: readonly GoalTerm[] = ['annual', 'long'];

  readonly goals = input.required<readonly Goal[]>();
  readonly owner = input.required<TreeOwner>();
  readonly year = input.required<number>();
  readonly changed = output<void>();

  protected readonly blocks = computed<GoalBlock[]>(() =>
    [...this.goals()]
      .filter((goal) => !goal.archived)
      .sort((a, b) => (a.term === b.term ? a.seq - b.seq : a.term === 'long' ? 1 : -1))
      .map((goal) => ({ goal, rows: rowsOf(goal) })),
  );

  protected readonly form = signal<OpenForm | null>(null);
  protected readonly draft = signal<IndicatorDraft>(EMPTY);
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly attempted = signal(false);
  protected readonly saving = signal(false);
  protected readonly goalTitle = signal<{ id: string; title: string } | null>(null);
  protected readonly newGoal = signal<{ term: GoalTerm; title: string }>({ term: 'annual', title: '' });

  protected readonly level2Names = computed(() => {
    const level1 = asLevel1(this.draft().level1);
    return level1 ? level2NamesOf(level1 as Level1) : [];
  });

  protected readonly live = computed(() => liveReview(this.draft(), this.year()));

  /** libs/domain's field errors once a save was tried, then the server's. */
  protected readonly errors = computed<Record<string, string>>(() => {
    const form = this.form();
    if (!form) return {};
    const block = this.blocks().find((b) => b.goal.id === form.goalId);
    const editing = form.mode === 'edit' ? form.row.indicator.id : null;
    const siblings = (block?.rows ?? [])
      .filter((row) => row.indicator.id !== editing)
      .map((row) => ({ level2: row.level2, name: row.indicator.name }));
    const local = this.attempted() ? indicatorEntryErrors(this.draft(), siblings) : {};
    const strip = (message: string) => message.replace(/^[A-Za-z0-9]+：/, '');
    return {
      ...Object.fromEntries(Object.entries(local).map(([field, message]) => [field, strip(message)])),
      ...this.serverErrors(),
    };
  });

  protected otherGoals(goalId: string): Goal[] {
    return this.blocks()
      .map((block) => block.goal)
      .filter((goal) => goal.id !== goalId);
  }

  protected goalName(goal: Goal): string {
    return `${goal.term === 'long' ? this.msg.treeEditor.long : this.msg.treeEditor.annual} · ${goal.label}`;
  }

  protected update(field: keyof IndicatorDraft, value: string): void {
    this.draft.update((draft) => {
      const next = { ...draft, [field]: value };
      // A new 一级 offers its own 二级: keep the 二级 only when it still belongs.
      if (field === 'level1') {
        const level1 = asLevel1(value);
        const names = level1 ? level2NamesOf(level1) : [];
        if (!names.includes(next.level2)) return { ...next, level2: names[0] ?? '' };
      }
      return next;
    });
    this.serverErrors.update(({ [field]: _, ...rest }) => rest);
  }

  protected openAdd(goal: Goal): void {
    this.open({ mode: 'add', goalId: goal.id }, EMPTY);
  }

  protected openEdit(goal: Goal, row: EditorRow): void {
    const i = row.indicator;
    this.open(
      { mode: 'edit', goalId: goal.id, row },
      {
        level1: row.level1,
        level2: row.level2,
        name: i.name,
        target: i.targetRaw,
        prev2: i.prev2 ?? '',
        prev1: i.prev1 ?? '',
        basis: i.basis ?? '',
      },
    );
  }

  protected close(): void {
    this.form.set(null);
  }

  protected saveIndicator(): void {
    const form = this.form();
    if (!form || this.saving()) return;
    this.attempted.set(true);
    this.serverErrors.set({});
    if (Object.keys(this.errors()).length) return;
    const d = this.draft();
    const text = (value: string) => value.trim() || null;
    const entry = {
      level1: d.level1,
      level2: d.level2,
      name: d.name.trim(),
      target: d.target.trim(),
      basis: text(d.basis),
      prev2: text(d.prev2),
      prev1: text(d.prev1),
    };
    const request =
      form.mode === 'add'
        ? this.api.createIndicator(form.goalId, entry)
        : this.api.updateIndicator(form.row.indicator.id, { ...entry, version: form.row.indicator.version });
    this.run(request, () => {
      this.form.set(null);
      this.notice.success(this.msg.treeEditor.saved);
    });
  }

  protected move(row: EditorRow, rows: readonly EditorRow[], direction: 'up' | 'down'): void {
    const position = positionFor(rows, row, direction);
    if (position === null) return;
    this.run(this.api.updateIndicator(row.indicator.id, { version: row.indicator.version, position }));
  }

  protected moveTo(row: EditorRow, goalId: string): void {
    this.run(this.api.updateIndicator(row.indicator.id, { version: row.indicator.version, goalId }));
  }

  /** Asks first: the server deletes it, or archives it when something is recorded against it. */
  protected confirmRemove(row: EditorRow): void {
    this.modal.confirm({
      nzTitle: this.msg.treeEditor.removeConfirm,
      nzOkText: this.msg.treeEditor.removeOk,
      nzOkDanger: true,
      nzCancelText: this.msg.treeEditor.cancel,
      nzOnOk: () => this.remove(row),
    });
  }

  protected remove(row: EditorRow): void {
    this.run(this.api.removeIndicator(row.indicator.id, row.indicator.version), (result) =>
      this.notice.success(
        result.outcome === 'deleted'
          ? this.msg.treeEditor.deleted(row.indicator.name)
          : this.msg.treeEditor.archived(row.indicator.name),
      ),
    );
  }

  protected editGoal(goal: Goal): void {
    this.goalTitle.set({ id: goal.id, title: goal.title });
  }

  protected saveGoal(goal: Goal): void {
    const edit = this.goalTitle();
    if (!edit?.title.trim()) return;
    this.run(this.api.updateGoal(goal.id, goal.version, edit.title.trim()), () => this.goalTitle.set(null));
  }

  protected addGoal(): void {
    const goal = this.newGoal();
    if (!goal.title.trim()) return;
    this.run(this.api.createGoal(this.owner(), { term: goal.term, title: goal.title.trim() }), () => {
      this.newGoal.set({ term: goal.term, title: '' });
      this.notice.success(this.msg.treeEditor.goalAdded);
    });
  }

  private open(form: OpenForm, draft: IndicatorDraft): void {
    this.form.set(form);
    this.draft.set(draft);
    this.serverErrors.set({});
    this.attempted.set(false);
  }

  /** One save: reload the trees after it, field errors beside their fields, a stale version reloads too. */
  private run<T>(request: Observable<T>, done?: (result: T) => void): void {
    this.saving.set(true);
    request.subscribe({
      next: (result) => {
        this.saving.set(false);
        done?.(result);
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const fields = apiFieldErrorMap(error);
        if (Object.keys(fields).length && this.form()) {
          this.serverErrors.set(fields);
          return;
        }
        if (apiErrorCode(error) === 'VERSION_CONFLICT') {
          this.notice.warning(this.msg.treeEditor.stale);
          this.changed.emit();
          return;
        }
        this.notice.error(apiErrorMessage(error, this.msg.errors) || this.msg.treeEditor.failed);
      },
    });
  }
}
