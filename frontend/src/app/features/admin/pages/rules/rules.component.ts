import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Subject, catchError, debounceTime, map, of, startWith, switchMap } from 'rxjs';

import { apiErrorCode, apiErrorMessage } from '../../../../shared/http/api-error';
import { apiFieldErrorMap } from '../../../../shared/http/api-field-errors';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { LightBadgeComponent } from '../../../../shared/lights/light-badge.component';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { AdminApi, type MonitoringRules, type RuleSettings, type RulesPreview } from '../../admin.api';
import { AdminScope } from '../../admin-scope';
import { ScopePickerComponent } from '../../components/scope-picker.component';

type Light = 'red' | 'yellow' | 'green' | 'blue' | 'grey' | 'undetermined';
type Judgement = '达成' | '部分达成' | '未达成';

/** Sichuan 2025's budget checkpoints, offered as a one-click example. */
const SICHUAN_CHECKPOINTS = [
  { month: 4, minRate: 25 },
  { month: 6, minRate: 40 },
  { month: 8, minRate: 60 },
  { month: 10, minRate: 80 },
];

/** A deep copy of plain JSON data (the form edits its own copy of the rules). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** How many changed lights the preview lists; the counts cover all of them. */
const PREVIEW_ROWS = 50;

type PreviewState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'ready'; value: RulesPreview }
  | { status: 'invalid'; errors: Record<string, string> }
  | { status: 'error'; message: string };

/**
 * 监控规则 of a department-year (docs/domain.md "Rules as settings"): the admin edits the thresholds, budget
 * checkpoints, 双监控 warning, project light, mandatory reasons and the scoring profile, sees live how many lights
 * of the latest reported month would change, and saves (audited; stored lights re-judged by the server).
 */
@Component({
  selector: 'app-rules',
  imports: [SHARED_IMPORTS, DatePipe, NzInputModule, LightBadgeComponent, ScopePickerComponent],
  templateUrl: './rules.component.html',
  styleUrl: './rules.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RulesComponent {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly scope = inject(AdminScope);
  protected readonly msg = inject(MESSAGES);

  protected readonly months = Array.from({ length: 12 }, (_, index) => index + 1);
  protected readonly decimalsOptions = [0, 1, 2, 3, 4];
  protected readonly projectLightModes = ['indicators', 'worst', 'dual'] as const;
  protected readonly lowerFormulas = ['linear', 'ratio'] as const;
  protected readonly judgements: readonly Judgement[] = ['达成', '部分达成', '未达成'];
  protected readonly sections = ['budget', 'output', 'benefit', 'satisfaction'] as const;
  protected readonly grades = ['excellent', 'good', 'pass'] as const;
  protected readonly previewRows = PREVIEW_ROWS;

  /** The rules as stored (null while loading), and the form's working copy. */
  protected readonly loaded = signal<MonitoringRules | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected form: RuleSettings | null = null;
  protected readonly dirty = signal(false);
  protected readonly saving = signal(false);
  protected readonly saveErrors = signal<Record<string, string>>({});
  protected readonly preview = signal<PreviewState>({ status: 'idle' });

  private readonly edits = new Subject<void>();
  private readonly reload = new Subject<void>();

  protected readonly errorList = computed(() => {
    const preview = this.preview();
    const errors = { ...(preview.status === 'invalid' ? preview.errors : {}), ...this.saveErrors() };
    return Object.entries(errors).map(([field, text]) => ({ field, text }));
  });

  constructor() {
    toObservable(this.scope.selection)
      .pipe(
        switchMap((selection) =>
          this.reload.pipe(
            startWith(undefined),
            map(() => selection),
          ),
        ),
        switchMap((selection) => {
          this.loaded.set(null);
          this.loadError.set(null);
          if (!selection) return of(null);
          return this.api.monitoringRules(selection.code, selection.year).pipe(
            catchError((error: unknown) => {
              this.loadError.set(apiErrorMessage(error, this.msg.errors));
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((rules) => this.reset(rules));

    this.edits
      .pipe(
        debounceTime(400),
        switchMap(() => {
          const selection = this.scope.selection();
          if (!selection || !this.form) return of<PreviewState>({ status: 'idle' });
          this.preview.set({ status: 'busy' });
          return this.api.previewMonitoringRules(selection.code, selection.year, this.form).pipe(
            map((value): PreviewState => ({ status: 'ready', value })),
            catchError((error: unknown) => {
              const errors = apiFieldErrorMap(error);
              return of<PreviewState>(
                Object.keys(errors).length
                  ? { status: 'invalid', errors }
                  : { status: 'error', message: apiErrorMessage(error, this.msg.errors) },
              );
            }),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((state) => this.preview.set(state));
  }

  /** Any edit: the preview follows (debounced), stale save errors go. */
  protected changed(): void {
    this.dirty.set(true);
    this.saveErrors.set({});
    this.edits.next();
  }

  protected sectionsTotal(): number {
    const sections = this.form?.scoring.sections;
    if (!sections) return 0;
    return Math.round(this.sections.reduce((sum, key) => sum + (Number(sections[key]) || 0), 0) * 100) / 100;
  }

  protected error(field: string): string | null {
    return this.errorList().find((error) => error.field === field)?.text ?? null;
  }

  protected toggleGap(on: boolean): void {
    if (!this.form) return;
    this.form.consistencyGap = on ? 10 : null;
    this.changed();
  }

  protected toggleOver(on: boolean): void {
    if (!this.form) return;
    this.form.overCompletionFrom = on ? 130 : null;
    this.changed();
  }

  protected hasReasonLight(light: 'red' | 'yellow'): boolean {
    return this.form?.reasonLights.includes(light) ?? false;
  }

  protected toggleReasonLight(light: 'red' | 'yellow', on: boolean): void {
    if (!this.form) return;
    const lights = this.form.reasonLights.filter((item) => item !== light);
    this.form.reasonLights = on
      ? (['red', 'yellow'] as const).filter((item) => item === light || lights.includes(item))
      : lights;
    this.changed();
  }

  protected addCheckpoint(): void {
    if (!this.form) return;
    const last = this.form.budgetCheckpoints.at(-1);
    const month = Math.min(12, (last?.month ?? 2) + 2);
    this.form.budgetCheckpoints = [...this.form.budgetCheckpoints, { month, minRate: last?.minRate ?? 25 }];
    this.changed();
  }

  protected removeCheckpoint(index: number): void {
    if (!this.form) return;
    this.form.budgetCheckpoints = this.form.budgetCheckpoints.filter((_, position) => position !== index);
    this.changed();
  }

  protected useSichuan(): void {
    if (!this.form) return;
    this.form.budgetCheckpoints = SICHUAN_CHECKPOINTS.map((point) => ({ ...point }));
    this.changed();
  }

  protected useDefaults(): void {
    const loaded = this.loaded();
    if (!loaded) return;
    this.form = copy(loaded.defaults);
    this.changed();
  }

  protected light(value: string): Light {
    return value as Light;
  }

  protected save(): void {
    const selection = this.scope.selection();
    const loaded = this.loaded();
    if (!selection || !loaded || !this.form || this.saving()) return;
    this.saving.set(true);
    this.api
      .saveMonitoringRules(selection.code, selection.year, this.form, loaded.version)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.saving.set(false);
          this.message.success(this.msg.rules.saved(saved.reevaluated ?? 0));
          this.reset(saved);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          if (apiErrorCode(error) === 'VERSION_CONFLICT') {
            this.message.warning(this.msg.rules.conflict);
            this.reload.next();
            return;
          }
          const errors = apiFieldErrorMap(error);
          if (Object.keys(errors).length) this.saveErrors.set(errors);
          else this.message.error(apiErrorMessage(error, this.msg.errors));
        },
      });
  }

  private reset(rules: MonitoringRules | null): void {
    this.form = rules ? copy(rules.settings) : null;
    this.loaded.set(rules);
    this.dirty.set(false);
    this.saveErrors.set({});
    this.preview.set({ status: 'idle' });
  }
}
