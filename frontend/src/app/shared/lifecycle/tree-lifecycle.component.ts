import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import {
  adjustmentTransition,
  parseTarget,
  type Target,
  type TreeRole,
  type TreeStatus,
  treeTransition,
} from '@jixiao/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import type { Observable } from 'rxjs';

import type { Goal } from '../goals/goal.models';
import { TargetReadingPipe } from '../goals/target-reading.pipe';
import { apiErrorMessage } from '../http/api-error';
import { MESSAGES } from '../i18n/messages';
import { SHARED_IMPORTS } from '../shared-imports';
import { monthOf, periodOf } from '../time/period';
import {
  type Adjustment,
  LifecycleApi,
  type TreeAction,
  type TreeLifecycle,
  type TreeScope,
} from './lifecycle.api';

/** An annual indicator the adjustment dialog offers, with what reading its new target needs. */
interface Adjustable {
  readonly id: string;
  readonly name: string;
  readonly level1: string;
  readonly level2: string;
  readonly prev1: string | null;
  /** The target in force now: the latest adjustment's, else the published one. */
  readonly current: string;
}

/** What the return dialog returns: the tree, or one adjustment request. */
type ReturnSubject =
  { readonly kind: 'tree' } | { readonly kind: 'adjustment'; readonly adjustment: Adjustment };

/**
 * 申报 → 批复 → 调整 of a project's tree or the department-wide one (docs/domain.md "申报、批复与调整"): the status
 * tag, the moves the caller's role allows (libs/domain decides, the API enforces), the 调整目标 dialog with the new
 * target read live, and the adjustment requests with the leader's 批准 / 退回. Emits `changed` after any move: the
 * page reloads its response, which carries the tree and the goals.
 */
@Component({
  selector: 'app-tree-lifecycle',
  imports: [SHARED_IMPORTS, DatePipe, NzAlertModule, NzInputModule, NzModalModule, TargetReadingPipe],
  templateUrl: './tree-lifecycle.component.html',
  styleUrl: './tree-lifecycle.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TreeLifecycleComponent {
  private readonly api = inject(LifecycleApi);
  private readonly message = inject(NzMessageService);
  protected readonly msg = inject(MESSAGES);

  readonly scope = input.required<TreeScope>();
  /** The tree's state and adjustments, as the page's own response carries them. */
  readonly tree = input.required<TreeLifecycle>();
  readonly year = input.required<number>();
  /** The tree's goals, for the indicators an adjustment may change (annual ones). */
  readonly goals = input.required<readonly Goal[]>();
  readonly changed = output<void>();

  protected readonly acting = signal(false);

  /** The moves the caller may make now, as libs/domain's state machine says. */
  protected readonly can = computed(() => {
    const tree = this.tree();
    const status = tree.status as TreeStatus;
    const role = tree.role as TreeRole;
    const allowed = (action: TreeAction) => 'to' in treeTransition(action, status, role);
    return {
      submit: allowed('submit'),
      approve: allowed('approve'),
      return: allowed('return'),
      adjust: 'to' in adjustmentTransition('propose', { tree: status }, role),
      review: 'to' in adjustmentTransition('approve', { tree: status, adjustment: 'submitted' }, role),
    };
  });

  protected readonly pendingCount = computed(
    () => (this.tree()?.adjustments ?? []).filter((adjustment) => adjustment.status === 'submitted').length,
  );

  protected readonly adjustable = computed<Adjustable[]>(() =>
    this.goals()
      .filter((goal) => goal.term === 'annual' && !goal.archived)
      .flatMap((goal) =>
        goal.indicators.flatMap((level1) =>
          level1.children.flatMap((level2) =>
            level2.indicators
              .filter((indicator) => !indicator.archived)
              .map((indicator) => ({
                id: indicator.id,
                name: indicator.name,
                level1: level1.name,
                level2: level2.name,
                prev1: indicator.prev1,
                current: indicator.targetHistory.at(-1)?.newTargetRaw ?? indicator.targetRaw,
              })),
          ),
        ),
      ),
  );

  protected readonly months = Array.from({ length: 12 }, (_, index) => index + 1);

  // The 调整目标 dialog.
  protected readonly adjustOpen = signal(false);
  protected readonly picked = signal<string[]>([]);
  protected readonly targets = signal<Readonly<Partial<Record<string, string>>>>({});
  protected readonly reason = signal('');
  protected readonly effectiveMonth = signal(1);
  protected readonly adjustError = signal('');
  protected readonly fieldErrors = signal<Readonly<Record<string, string>>>({});

  protected readonly pickedRows = computed(() => {
    const byId = new Map(this.adjustable().map((row) => [row.id, row]));
    return this.picked()
      .map((id) => byId.get(id))
      .filter((row): row is Adjustable => row !== undefined);
  });

  // The return dialog (a tree, or one adjustment).
  protected readonly returning = signal<ReturnSubject | null>(null);
  protected readonly returnReason = signal('');
  protected readonly returnError = signal('');

  /** libs/domain's reading of a new target as it is typed; null while empty. */
  protected reading(row: Adjustable): Target | null {
    const text = (this.targets()[row.id] ?? '').trim();
    if (!text) return null;
    return parseTarget(text, {
      level1: row.level1,
      level2: row.level2,
      name: row.name,
      previous: row.prev1 ?? undefined,
      year: this.year(),
    });
  }

  protected statusLabel(status: string): string {
    return this.msg.lifecycle.status[status] ?? status;
  }

  protected monthLabel(month: number): string {
    return this.msg.monitoring.month(month);
  }

  protected monthOfPeriod(period: string): number {
    return monthOf(period);
  }

  protected move(action: Exclude<TreeAction, 'return'>): void {
    this.run(this.api.move(this.scope(), action, this.tree().version), this.msg.lifecycle.done[action]);
  }

  protected openReturn(subject: ReturnSubject): void {
    this.returning.set(subject);
    this.returnReason.set('');
    this.returnError.set('');
  }

  protected confirmReturn(): void {
    const subject = this.returning();
    const reason = this.returnReason().trim();
    if (!subject) return;
    if (!reason) {
      this.returnError.set(this.msg.lifecycle.returnModal.required);
      return;
    }
    const call =
      subject.kind === 'tree'
        ? this.api.move(this.scope(), 'return', this.tree().version, reason)
        : this.api.review(subject.adjustment.id, 'return', subject.adjustment.version, reason);
    this.run(
      call,
      subject.kind === 'tree' ? this.msg.lifecycle.done.return : this.msg.lifecycle.done.returnAdjustment,
      () => this.returning.set(null),
    );
  }

  protected approveAdjustment(adjustment: Adjustment): void {
    this.run(
      this.api.review(adjustment.id, 'approve', adjustment.version),
      this.msg.lifecycle.done.approveAdjustment,
    );
  }

  protected openAdjust(): void {
    this.picked.set([]);
    this.targets.set({});
    this.reason.set('');
    this.effectiveMonth.set(Math.min(12, new Date().getMonth() + 1));
    this.adjustError.set('');
    this.fieldErrors.set({});
    this.adjustOpen.set(true);
  }

  protected setTarget(id: string, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.targets.update((targets) => ({ ...targets, [id]: value }));
  }

  protected setReason(event: Event, into: 'adjust' | 'return'): void {
    const value = (event.target as HTMLTextAreaElement).value;
    (into === 'adjust' ? this.reason : this.returnReason).set(value);
  }

  protected submitAdjustment(): void {
    const rows = this.pickedRows();
    const required = this.msg.lifecycle.dialog.required;
    const errors: Record<string, string> = {};
    if (!rows.length) errors['items'] = required.indicators;
    rows.forEach((row) => {
      if (!(this.targets()[row.id] ?? '').trim()) errors[row.id] = required.target;
    });
    if (!this.reason().trim()) errors['reason'] = required.reason;
    this.fieldErrors.set(errors);
    if (Object.keys(errors).length) return;
    this.adjustError.set('');
    this.run(
      this.api.propose(this.scope(), {
        items: rows.map((row) => ({ indicatorId: row.id, target: (this.targets()[row.id] ?? '').trim() })),
        reason: this.reason().trim(),
        effectiveFrom: periodOf(this.year(), this.effectiveMonth()),
      }),
      this.msg.lifecycle.done.propose,
      () => this.adjustOpen.set(false),
      (error) => this.adjustError.set(error),
    );
  }

  /** One move: busy while it runs; on success a note and `changed` (the page reloads); on failure the API's message. */
  private run(
    call: Observable<unknown>,
    done: string,
    after?: () => void,
    failed?: (message: string) => void,
  ): void {
    this.acting.set(true);
    call.subscribe({
      next: () => {
        this.acting.set(false);
        this.message.success(done);
        after?.();
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.acting.set(false);
        const text = apiErrorMessage(error, this.msg.errors);
        // The dialogs show their own failure; a button's failure is notified by the HTTP interceptor.
        if (failed) failed(text);
        else if (this.returning()) this.returnError.set(text);
      },
    });
  }
}
