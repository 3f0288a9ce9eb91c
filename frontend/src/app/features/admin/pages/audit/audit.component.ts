import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NzInputModule } from 'ng-zorro-antd/input';
import { switchMap } from 'rxjs';

import { apiErrorMessage } from '../../../../shared/http/api-error';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { AdminApi, type AuditFilters, type AuditPage } from '../../admin.api';

const PAGE_SIZE = 20;

interface AuditQuery {
  readonly filters: AuditFilters;
  readonly page: number;
  readonly attempt: number;
}

type FilterField = keyof AuditFilters;

/** 审计日志: who changed what and why, newest first, filtered by entity, id, user and dates, a page at a time. */
@Component({
  selector: 'app-audit',
  imports: [SHARED_IMPORTS, DatePipe, JsonPipe, NzInputModule],
  templateUrl: './audit.component.html',
  styleUrl: './audit.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditComponent {
  private readonly api = inject(AdminApi);
  protected readonly msg = inject(MESSAGES);
  protected readonly pageSize = PAGE_SIZE;

  /** What is typed in the filter fields; applied on 查询. */
  protected readonly draft = signal<Required<AuditFilters>>({
    entity: '',
    id: '',
    user: '',
    from: '',
    to: '',
  });
  private readonly query = signal<AuditQuery>({ filters: {}, page: 1, attempt: 0 });

  protected readonly state = toSignal(
    toObservable(this.query).pipe(
      switchMap((query) => toLoadState(this.api.audit(query.filters, query.page, PAGE_SIZE))),
    ),
    { initialValue: LOADING as LoadState<AuditPage> },
  );

  protected readonly page = computed(() => this.query().page);
  protected readonly items = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.value.items : [];
  });
  protected readonly error = computed(() => {
    const state = this.state();
    return state.status === 'error' ? apiErrorMessage(state.error, this.msg.errors) : '';
  });
  protected readonly totalShown = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.value.total : null;
  });

  protected readonly expanded = signal<ReadonlySet<string>>(new Set());

  protected set(field: FilterField, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected search(): void {
    this.expanded.set(new Set());
    this.query.update((query) => ({ filters: { ...this.draft() }, page: 1, attempt: query.attempt + 1 }));
  }

  protected reset(): void {
    this.draft.set({ entity: '', id: '', user: '', from: '', to: '' });
    this.search();
  }

  protected goTo(page: number): void {
    this.expanded.set(new Set());
    this.query.update((query) => ({ ...query, page }));
  }

  protected retry(): void {
    this.query.update((query) => ({ ...query, attempt: query.attempt + 1 }));
  }

  protected toggle(id: string): void {
    this.expanded.update((open) => {
      const next = new Set(open);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }
}
