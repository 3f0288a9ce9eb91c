import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { type Observable, combineLatest, of, switchMap } from 'rxjs';

import { apiErrorCode, apiErrorMessage } from '../../../../shared/http/api-error';
import { apiFieldErrorMap } from '../../../../shared/http/api-field-errors';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { AdminApi, type PendingProposal } from '../../admin.api';
import { AdminScope } from '../../admin-scope';

/**
 * 结转建议指标值: the targets a carry-forward proposed for the year chosen, each confirmed as proposed or
 * rewritten first. Shown only while some await confirmation.
 */
@Component({
  selector: 'app-target-proposals',
  imports: [SHARED_IMPORTS, NzInputModule],
  template: `
    @if (rows().length > 0) {
      <section class="panel proposals" aria-labelledby="proposals-title">
        <h3 class="panel-title" id="proposals-title">{{ msg.admin.proposals.title }}</h3>
        <p class="muted">{{ msg.admin.proposals.hint }}</p>
        <p class="count">{{ msg.admin.proposals.count(rows().length) }}</p>
        <div class="table-wrap">
          <table class="proposal-table">
            <thead>
              <tr>
                <th scope="col">{{ msg.admin.proposals.columns.owner }}</th>
                <th scope="col">{{ msg.admin.proposals.columns.indicator }}</th>
                <th scope="col">{{ msg.admin.proposals.columns.from }}</th>
                <th scope="col">{{ msg.admin.proposals.columns.actual }}</th>
                <th scope="col">{{ msg.admin.proposals.columns.proposed }}</th>
                <th scope="col">{{ msg.admin.proposals.columns.basis }}</th>
                <th scope="col">{{ msg.admin.proposals.columns.actions }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.indicatorId) {
                <tr [attr.data-indicator]="row.indicatorId">
                  <td>{{ row.projectName }}</td>
                  <td>
                    <span class="level">{{ row.level2 }}</span>
                    <span class="name">{{ row.name }}</span>
                  </td>
                  <td>{{ row.proposal.from }}</td>
                  <td>
                    @if (row.proposal.actual !== null && row.proposal.actualPeriod !== null) {
                      {{ msg.admin.proposals.actualAt(row.proposal.actual, row.proposal.actualPeriod) }}
                    } @else {
                      <span class="muted">{{ msg.admin.proposals.noActual }}</span>
                    }
                  </td>
                  <td class="proposed">
                    @if (editing() === row.indicatorId) {
                      <input
                        nz-input
                        class="target-input"
                        [attr.aria-label]="msg.admin.proposals.targetLabel(row.name)"
                        [attr.aria-invalid]="fieldError() ? true : null"
                        [value]="draft()"
                        (input)="setDraft($event)"
                      />
                      @if (fieldError(); as error) {
                        <span class="field-error">{{ error }}</span>
                      }
                    } @else {
                      <strong>{{ row.target }}</strong>
                    }
                  </td>
                  <td class="basis">{{ msg.admin.proposals.basis[row.proposal.basis] }}</td>
                  <td class="actions">
                    @if (editing() === row.indicatorId) {
                      <button
                        nz-button
                        nzType="primary"
                        nzSize="small"
                        type="button"
                        class="confirm-edited"
                        [nzLoading]="busy() === row.indicatorId"
                        (click)="confirm(row, draft())"
                      >
                        {{ msg.admin.proposals.confirmEdited }}
                      </button>
                      <button nz-button nzSize="small" type="button" class="cancel-edit" (click)="edit(null)">
                        {{ msg.admin.cancel }}
                      </button>
                    } @else {
                      <button
                        nz-button
                        nzType="primary"
                        nzSize="small"
                        type="button"
                        class="confirm"
                        [nzLoading]="busy() === row.indicatorId"
                        (click)="confirm(row)"
                      >
                        <nz-icon nzType="check" />{{ msg.admin.proposals.confirm }}
                      </button>
                      <button nz-button nzSize="small" type="button" class="edit" (click)="edit(row)">
                        <nz-icon nzType="edit" />{{ msg.admin.proposals.edit }}
                      </button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>
    }
  `,
  styles: `
    .panel {
      display: block;
      margin-bottom: 16px;
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
      margin: 0 0 8px;
      color: rgb(0 0 0 / 60%);
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      min-width: 760px;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 8px;
      border-bottom: 1px solid #f0f0f0;
      text-align: left;
      vertical-align: top;
    }
    th {
      background: #fafafa;
      font-weight: 600;
    }
    .level {
      display: block;
      color: rgb(0 0 0 / 60%);
      font-size: 12px;
    }
    .basis {
      min-width: 9em;
    }
    .actions {
      white-space: nowrap;
    }
    .actions button + button {
      margin-left: 8px;
    }
    .target-input {
      min-width: 140px;
    }
    .field-error {
      display: block;
      color: #a8071a;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProposalsComponent {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly scope = inject(AdminScope);
  protected readonly msg = inject(MESSAGES);

  private readonly attempt = signal(0);
  private readonly state = toSignal(
    combineLatest([toObservable(this.scope.selection), toObservable(this.attempt)]).pipe(
      switchMap(([selection]): Observable<LoadState<PendingProposal[]>> =>
        selection ? toLoadState(this.api.proposals(selection.code, selection.year)) : of(LOADING),
      ),
    ),
    { initialValue: LOADING as LoadState<PendingProposal[]> },
  );

  protected readonly rows = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.value : [];
  });

  protected readonly editing = signal<string | null>(null);
  protected readonly draft = signal('');
  protected readonly fieldError = signal<string | null>(null);
  protected readonly busy = signal<string | null>(null);

  protected edit(row: PendingProposal | null): void {
    this.editing.set(row?.indicatorId ?? null);
    this.draft.set(row?.target ?? '');
    this.fieldError.set(null);
  }

  protected setDraft(event: Event): void {
    this.draft.set((event.target as HTMLInputElement).value);
    this.fieldError.set(null);
  }

  protected confirm(row: PendingProposal, target?: string): void {
    if (this.busy()) return;
    this.busy.set(row.indicatorId);
    this.api
      .confirmProposal(row.indicatorId, row.version, target)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(null);
          this.edit(null);
          this.message.success(this.msg.admin.proposals.confirmed(row.name));
          this.attempt.update((attempt) => attempt + 1);
        },
        error: (error: unknown) => {
          this.busy.set(null);
          const field = apiFieldErrorMap(error)['target'];
          if (field) {
            this.fieldError.set(field);
            return;
          }
          if (apiErrorCode(error) === 'VERSION_CONFLICT')
            this.message.warning(this.msg.admin.proposals.conflict);
          else this.message.error(apiErrorMessage(error, this.msg.errors));
          this.edit(null);
          this.attempt.update((attempt) => attempt + 1);
        },
      });
  }
}
