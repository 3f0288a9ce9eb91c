import { DOCUMENT, DecimalPipe } from '@angular/common';
import { yuanToWan } from '@jixiao/domain';
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
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { partLabels, periodOf } from '@jixiao/domain';

import { MESSAGES } from '../../../../shared/i18n/messages';
import { saveBlob } from '../../../../shared/files/file-download';
import { LightBadgeComponent } from '../../../../shared/lights/light-badge.component';
import { ProjectionProposalComponent } from '../../../../shared/projection/projection-proposal.component';
import type { ProjectionProposal } from '../../../../shared/projection/projection.models';
import { RemindersStore } from '../../../reminders/reminders.store';
import { moveInGrid } from '../../grid-navigation';
import {
  DEVIATION_REASONS,
  type DeviationReason,
  type EvidenceFile,
  LIKELIHOODS,
  monthOf,
} from '../../monitoring.models';
import { type ReportField } from '../../report-draft';
import { ReportsApi } from '../../reports.api';
import { EntryPreviewComponent } from '../../components/entry-preview.component';
import { detailsState } from '../../entry-details';
import { PASTE_FIELDS, type PasteField, isBlockPaste } from '../../entry-paste';
import type { CarryOver } from '../../same-as-last';
import { type EntryRow, ReportEntryStore, isDirty, previewKey } from './report-entry.store';

type TextField = Exclude<ReportField, 'reasons'>;

/**
 * 填报: one project's month, or the department-wide goals' month (部门整体, route data `overall`). One row per
 * annual indicator; the light of each row is computed in the browser
 * as the lead types (libs/domain), the month's budget execution sits above the grid, and changed rows are
 * saved with their versions. A conflicting save shows both versions and lets the lead keep what was typed.
 */
@Component({
  selector: 'app-report-entry',
  imports: [
    DecimalPipe,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzResultModule,
    NzSelectModule,
    NzSpinModule,
    FormsModule,
    LightBadgeComponent,
    EntryPreviewComponent,
    ProjectionProposalComponent,
  ],
  providers: [ReportEntryStore],
  templateUrl: './report-entry.component.html',
  styleUrl: './report-entry.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'onBeforeUnload($event)', '(keydown)': 'onGridKeydown($event)' },
})
export class ReportEntryComponent {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly api = inject(ReportsApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly reminders = inject(RemindersStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly document = inject(DOCUMENT);
  protected readonly store = inject(ReportEntryStore);
  protected readonly msg = inject(MESSAGES);

  protected readonly likelihoods = LIKELIHOODS;
  protected readonly reasons = DEVIATION_REASONS;
  protected readonly months = Array.from({ length: 12 }, (_, index) => index + 1);

  private readonly grid = viewChild<ElementRef<HTMLElement>>('grid');
  private readonly top = viewChild<ElementRef<HTMLElement>>('top');

  protected readonly periodLabel = computed(() => this.msg.monitoring.period(this.store.period()));
  protected readonly year = computed(() => this.store.period().slice(0, 4));
  protected readonly month = computed(() => monthOf(this.store.period()));
  protected readonly busy = computed(() => this.store.saving() || this.store.submitting());
  protected readonly wan = yuanToWan;

  /** Rows whose deviation fields the lead opened, by indicator id. */
  private readonly opened = signal<ReadonlySet<string>>(new Set());
  /** Per row: whether its deviation fields show, and why (the light asks, they hold something, opened). */
  protected readonly detailStates = computed(() => {
    const lights = this.store.lights();
    const opened = this.opened();
    return this.store
      .rows()
      .map((row, index) =>
        detailsState(
          { values: row.values, errors: row.errors, files: row.evidence.length },
          lights[index]?.light,
          opened.has(row.item.indicator.id),
        ),
      );
  });
  protected readonly names = computed(
    () => new Map(this.store.rows().map((row) => [row.item.indicator.id, row.item.indicator.name])),
  );

  constructor() {
    // The same page enters the department-wide goals' month (部门整体) on the route marked `overall`.
    const overall = this.route.snapshot.data['overall'] === true;
    this.route.paramMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const period = params.get('period') ?? '';
      if (overall) this.store.openOverall(params.get('code') ?? '', period);
      else this.store.open(params.get('projectId') ?? '', period);
    });
  }

  /** Asked by the unsaved-changes guard before leaving. */
  hasUnsavedChanges(): boolean {
    return !this.store.readOnly() && this.store.dirtyCount() > 0;
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.hasUnsavedChanges()) {
      event.preventDefault();
    }
  }

  protected onGridKeydown(event: KeyboardEvent): void {
    const grid = this.grid()?.nativeElement;
    if (grid) {
      moveInGrid(grid, event);
    }
  }

  protected input(row: EntryRow, field: TextField, event: Event): void {
    this.store.setValue(row.item.indicator.id, field, (event.target as HTMLInputElement).value);
  }

  /** 采用: the projection's 全年预计 and 完成可能性 into the row, as if typed (the lead can still override them). */
  protected acceptProjection(row: EntryRow, proposal: ProjectionProposal): void {
    this.store.setValue(row.item.indicator.id, 'forecast', proposal.forecast);
    this.store.setValue(row.item.indicator.id, 'likelihood', proposal.likelihood);
  }

  protected toggleReason(row: EntryRow, reason: DeviationReason): void {
    this.store.toggleReason(row.item.indicator.id, reason);
  }

  protected budgetInput(field: 'executed' | 'note', event: Event): void {
    this.store.setBudget(field, (event.target as HTMLInputElement).value);
  }

  protected toggleDetails(row: EntryRow): void {
    const id = row.item.indicator.id;
    this.opened.update((opened) => {
      const next = new Set(opened);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  /**
   * A block copied from a spreadsheet (several lines or cells) pasted into a 完成值 or 全年预计 cell fills the rows
   * from there down as a preview; a single value is pasted into the input as usual.
   */
  protected onPaste(event: ClipboardEvent): void {
    const cell = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-cell]');
    const field = cell?.dataset['cell'] as PasteField | undefined;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!cell || !field || !PASTE_FIELDS.includes(field) || !isBlockPaste(text)) return;
    event.preventDefault();
    if (!this.store.pasteBlock({ row: Number(cell.dataset['row']), field }, text)) {
      this.message.info(this.msg.entry.grid.paste.nothing);
    }
  }

  /** The highlight of a cell a paste or "同上月" for all filled, with its worst problem. */
  protected previewClass(row: EntryRow, field: PasteField): string {
    const cell = this.store.previewCells().get(previewKey(row.item.indicator.id, field));
    if (!cell) return '';
    const severity = cell.problems.some((problem) => problem.severity === 'error')
      ? 'error'
      : cell.problems.length > 0
        ? 'warning'
        : 'ok';
    return `pasted pasted-${severity}`;
  }

  protected carryLabel(row: EntryRow, carry: CarryOver): string {
    return this.msg.entry.grid.sameAsLast.label(
      row.item.indicator.name,
      this.msg.monitoring.period(carry.period),
      carry.values.actual ?? '',
      carry.cumulative,
    );
  }

  protected dirty(row: EntryRow): boolean {
    return isDirty(row);
  }

  protected fieldId(row: EntryRow, field: string): string {
    return `entry-${row.item.indicator.id}-${field}`;
  }

  /** "按项填写：场次、人数" for a target with several requirements; null for a single one. */
  protected partsHint(row: EntryRow): string | null {
    const target = row.item.indicator.target;
    const labels = target ? partLabels(target) : undefined;
    return labels ? this.msg.entry.partsHint(labels) : null;
  }

  /** The actual cell is described by the parts hint and by its error, whichever are shown. */
  protected actualDescribedBy(row: EntryRow, error: string | null | undefined): string | null {
    const ids = [
      ...(this.partsHint(row) ? [this.fieldId(row, 'parts-hint')] : []),
      ...(error ? [this.fieldId(row, 'actual-error')] : []),
    ];
    return ids.length ? ids.join(' ') : null;
  }

  protected conflictValue(values: EntryRow['values'], field: ReportField): string {
    const value = field === 'reasons' ? this.msg.format.list(values.reasons) : String(values[field]).trim();
    return value || this.msg.entry.conflict.empty;
  }

  protected changeMonth(month: number): void {
    const code = this.store.overallCode();
    const unit = code === null ? [this.store.projectId()] : ['overall', code];
    void this.router.navigate(['/reports', ...unit, periodOf(Number(this.year()), month)]);
  }

  protected save(): void {
    this.store
      .save()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((outcome) => {
        if (outcome.failed > 0) {
          this.message.error(this.msg.entry.saveFailed(outcome.failed));
        } else if (outcome.saved > 0) {
          this.message.success(this.msg.entry.saved(outcome.saved));
        } else if (!this.store.readOnly()) {
          this.message.info(this.msg.entry.nothingToSave);
        }
      });
  }

  /**
   * 提交: the pre-check runs first (every row and the budget execution filled); an incomplete month is marked,
   * scrolled to and neither saved nor submitted. The confirm dialog lists the warnings still to acknowledge;
   * confirming it acknowledges them (acknowledgeWarnings).
   */
  protected submit(): void {
    const first = this.store.precheck();
    if (first !== null) {
      this.scrollToRow(first);
      return;
    }
    const pending = this.store.unacknowledged().length;
    let confirmed = false;
    const dialog = this.modal.confirm({
      nzTitle: this.msg.entry.submit,
      nzContent: pending > 0 ? this.msg.entry.submitConfirmWarnings(pending) : this.msg.entry.submitConfirm,
      nzOkText: pending > 0 ? this.msg.entry.acknowledgeAndSubmit : this.msg.entry.submit,
      // The dialog stays open, its button spinning, until the save and the submit are done.
      nzOnOk: () =>
        new Promise<void>((resolve) => {
          confirmed = true;
          this.store
            .submit(pending > 0)
            .pipe(takeUntilDestroyed(this.destroyRef))
            .subscribe((submitted) => {
              if (submitted) {
                this.message.success(this.msg.entry.submitted);
                this.reminders.refresh();
              }
              resolve();
            });
        }),
    });
    // The outcome (read-only now, or what is missing) is told at the top of the page; scroll there once the
    // dialog has given the focus back.
    dialog.afterClose.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      if (confirmed) setTimeout(() => this.top()?.nativeElement.scrollIntoView?.({ block: 'start' }));
    });
  }

  /** Brings the first row the pre-check marked (or the budget execution) to the middle and focuses its input. */
  private scrollToRow(id: string): void {
    const input =
      id === 'budget'
        ? this.document.getElementById('budget-executed')
        : this.document.querySelector<HTMLElement>(`tr[data-indicator="${id}"] [data-cell=actual]`);
    input?.scrollIntoView?.({ block: 'center' });
    input?.focus();
  }

  protected upload(row: EntryRow, event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) {
      this.store.upload(row.item.indicator.id, file);
    }
  }

  protected download(file: EvidenceFile): void {
    this.api
      .downloadEvidence(file.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((blob) => saveBlob(this.document, blob, file.fileName));
  }
}
