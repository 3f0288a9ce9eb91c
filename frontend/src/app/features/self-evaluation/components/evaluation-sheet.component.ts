import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { DecimalPipe, NgTemplateOutlet } from '@angular/common';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { MESSAGES } from '../../../shared/i18n/messages';
import { type EvaluatedSheet, bandText } from '@jixiao/domain';

import type { ItemDraft } from '../evaluation-drafts';
import type { SelfEvaluation } from '../self-evaluation.models';

/** A row of the indicator table with the cells it spans (merged 一级 / 二级 as on the official form). */
interface SheetRow {
  readonly index: number;
  readonly level1Span: number; // 0 = covered by the row above
  readonly level2Span: number;
}

export interface DraftPatch {
  readonly index: number;
  readonly patch: Partial<ItemDraft>;
}

/** Consecutive equal 一级 and 二级 names merge into one cell. */
export function sheetRows(items: SelfEvaluation['items']): SheetRow[] {
  const rows: { index: number; level1Span: number; level2Span: number }[] = [];
  items.forEach((item, index) => {
    const previous = items[index - 1];
    const sameLevel1 = previous?.level1 === item.level1;
    const sameLevel2 = sameLevel1 && previous?.level2 === item.level2;
    const row = { index, level1Span: sameLevel1 ? 0 : 1, level2Span: sameLevel2 ? 0 : 1 };
    if (sameLevel1) rows[findStart(rows, 'level1Span')].level1Span += 1;
    if (sameLevel2) rows[findStart(rows, 'level2Span')].level2Span += 1;
    rows.push(row);
  });
  return rows;
}

function findStart(
  rows: { level1Span: number; level2Span: number }[],
  key: 'level1Span' | 'level2Span',
): number {
  for (let at = rows.length - 1; at >= 0; at -= 1) if (rows[at][key] > 0) return at;
  return 0;
}

/**
 * The 项目支出绩效自评表 (or 部门整体) in the official layout: header, 项目资金, 年度总体目标, the indicator rows,
 * total and grade. Presentational: the page owns the drafts and passes the live preview; inputs show only where
 * the page allows editing.
 */
@Component({
  selector: 'app-evaluation-sheet',
  imports: [DecimalPipe, NgTemplateOutlet, NzTooltipModule],
  templateUrl: './evaluation-sheet.component.html',
  styleUrl: './evaluation-sheet.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvaluationSheetComponent {
  protected readonly msg = inject(MESSAGES);

  readonly evaluation = input.required<SelfEvaluation>();
  readonly drafts = input.required<readonly ItemDraft[]>();
  readonly preview = input.required<EvaluatedSheet>();
  readonly executed = input<number | null>(null);
  readonly overallResult = input<string>('');
  /** The lead's inputs (实际完成值, 定性 得分, 偏差, 全年执行数, 实际完成情况). */
  readonly editValues = input(false);
  /** The admin's 分值 inputs. */
  readonly editWeights = input(false);

  readonly draftChange = output<DraftPatch>();
  readonly executedChange = output<number | null>();
  readonly overallResultChange = output<string>();

  protected readonly rows = computed(() => sheetRows(this.evaluation().items));
  protected readonly title = computed(() =>
    this.evaluation().scope === 'project'
      ? this.msg.selfEvaluation.sheetTitle
      : this.msg.selfEvaluation.departmentSheetTitle,
  );
  protected readonly name = computed(() => {
    const header = this.evaluation().header;
    return header.projectName ?? header.departmentName;
  });
  protected readonly weightTotal = computed(() => this.preview().weightCheck.total);

  protected bandLabel(index: number): string {
    const preview = this.preview().items[index];
    return preview.band ? this.msg.selfEvaluation.sheet.bandHint(bandText(preview.band, preview.weight)) : '';
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  /** A number input's value; blank is null. */
  protected numberOf(event: Event): number | null {
    const raw = (event.target as HTMLInputElement).value.trim();
    if (raw === '') return null;
    const value = Number(raw);
    return Number.isFinite(value) ? value : null;
  }

  protected patch(index: number, patch: Partial<ItemDraft>): void {
    this.draftChange.emit({ index, patch });
  }
}
