import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';

import { apiErrorMessage } from '../../../../shared/http/api-error';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { AdminApi, type CarryForward } from '../../admin.api';
import { AdminScope } from '../../admin-scope';

/**
 * 年度结转: the admin creates next year from the department-year chosen (projects, goals, indicators, 上年 and
 * 前年 moved on, proposed targets for the leads to confirm), after a confirmation, and sees what was created.
 */
@Component({
  selector: 'app-carry-forward',
  imports: [SHARED_IMPORTS, NzAlertModule, NzModalModule],
  template: `
    <section class="panel carry-forward" aria-labelledby="carry-forward-title">
      <h3 class="panel-title" id="carry-forward-title">{{ msg.admin.carryForward.title }}</h3>
      @if (scope.year(); as year) {
        <p class="muted">{{ msg.admin.carryForward.hint(year) }}</p>
        @if (nextExists()) {
          <p class="muted exists">{{ msg.admin.carryForward.exists(year) }}</p>
        }
        <button
          nz-button
          nzType="primary"
          type="button"
          class="carry"
          [disabled]="nextExists()"
          [nzLoading]="busy()"
          (click)="ask(year)"
        >
          <nz-icon nzType="plus" />{{ msg.admin.carryForward.action }}
        </button>
      }
      @if (error(); as error) {
        <nz-alert class="outcome" nzType="error" nzShowIcon [nzMessage]="error" />
      }
      @if (result(); as r) {
        <nz-alert
          class="outcome summary"
          nzType="success"
          nzShowIcon
          [nzMessage]="msg.admin.carryForward.done(r.year)"
          [nzDescription]="description"
        />
        <ng-template #description>
          <p class="line">{{ msg.admin.carryForward.summary(r) }}</p>
          <p class="line">{{ msg.admin.carryForward.proposals(r.proposals.total, r.proposals.changed) }}</p>
          <button nz-button type="button" class="view-proposals" (click)="viewProposals(r)">
            {{ msg.admin.carryForward.viewProposals }}
          </button>
        </ng-template>
      }
    </section>
  `,
  styles: `
    .panel {
      margin-top: 16px;
      padding: 20px 24px;
      border-radius: 8px;
      background: #fff;
    }
    .panel-title {
      margin: 0 0 4px;
      font-size: 16px;
      font-weight: 600;
    }
    .muted {
      margin: 0;
      color: rgb(0 0 0 / 60%);
    }
    .carry-forward {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
    }
    .outcome {
      align-self: stretch;
    }
    .line {
      margin: 0 0 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CarryForwardComponent {
  private readonly api = inject(AdminApi);
  private readonly modal = inject(NzModalService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly scope = inject(AdminScope);
  protected readonly msg = inject(MESSAGES);

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<CarryForward | null>(null);

  protected readonly nextExists = computed(() => {
    const year = this.scope.year();
    return year !== null && this.scope.years().includes(year + 1);
  });

  protected ask(year: number): void {
    const selection = this.scope.selection();
    if (!selection || this.busy()) return;
    this.modal.confirm({
      nzTitle: this.msg.admin.carryForward.confirmTitle(year),
      nzContent: this.msg.admin.carryForward.confirmContent(year),
      nzOkText: this.msg.admin.carryForward.action,
      nzOnOk: () => this.carry(selection.code, selection.year),
    });
  }

  private carry(code: string, year: number): void {
    this.busy.set(true);
    this.error.set(null);
    this.result.set(null);
    this.api
      .carryForward(code, year)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.busy.set(false);
          this.result.set(result);
          // The new year joins the year picker.
          this.scope.reload(year);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.error.set(apiErrorMessage(error, this.msg.errors));
          this.scope.reload(year);
        },
      });
  }

  protected viewProposals(result: CarryForward): void {
    this.scope.chooseYear(result.year);
    void this.router.navigate(['/admin/targets']);
  }
}
