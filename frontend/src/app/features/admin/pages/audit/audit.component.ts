import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  AUDIT_ACTION_LABELS,
  DEFAULT_UI_LOCALE,
  auditActionLabelIn,
  auditFieldLabelIn,
} from '@jixiao/domain';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { of, switchMap } from 'rxjs';

import { apiErrorMessage } from '../../../../shared/http/api-error';
import { ACTIVE_LOCALE } from '../../../../core/i18n/provide-locale';
import { MESSAGES } from '../../../../shared/i18n/messages';
import { SHARED_IMPORTS } from '../../../../shared/shared-imports';
import { isoDay } from '../../../../shared/time/day';
import { LOADING, type LoadState, toLoadState } from '../../../../shared/state/load-state';
import { AdminScope } from '../../admin-scope';
import {
  AdminApi,
  type AuditFilters,
  type AuditPage,
  type ProjectWithLeads,
  type UserAccount,
} from '../../admin.api';

const PAGE_SIZE = 20;

interface AuditQuery {
  readonly filters: AuditFilters;
  readonly page: number;
  readonly attempt: number;
}

interface AuditDraft {
  project: string | null;
  user: string | null;
  action: string[];
  dates: Date[];
}

const EMPTY: AuditDraft = { project: null, user: null, action: [], dates: [] };

/** 审计日志: who did what to which project, indicator and month, in words; the raw JSON behind a toggle. */
@Component({
  selector: 'app-audit',
  imports: [SHARED_IMPORTS, DatePipe, JsonPipe, NzDatePickerModule],
  templateUrl: './audit.component.html',
  styleUrl: './audit.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditComponent {
  private readonly api = inject(AdminApi);
  private readonly scope = inject(AdminScope);
  protected readonly msg = inject(MESSAGES);
  protected readonly pageSize = PAGE_SIZE;

  /** Action and field names in the screen's language (docs/domain.md §12); summaries stay the server's. */
  private readonly locale = inject(ACTIVE_LOCALE);
  protected readonly actions = Object.keys(AUDIT_ACTION_LABELS).map((value) => ({
    value,
    label: auditActionLabelIn(this.locale, value),
  }));
  private readonly chinese = this.locale === DEFAULT_UI_LOCALE;
  protected readonly actionLabel = (entry: { action: string; actionLabel: string }): string =>
    this.chinese ? entry.actionLabel : auditActionLabelIn(this.locale, entry.action);
  protected readonly fieldLabel = (change: { field: string; label: string }): string =>
    this.chinese ? change.label : auditFieldLabelIn(this.locale, change.field);

  private readonly usersState = toSignal(toLoadState(this.api.users()), {
    initialValue: LOADING as LoadState<UserAccount[]>,
  });
  protected readonly users = computed(() => {
    const state = this.usersState();
    return state.status === 'ready' ? state.value : [];
  });

  private readonly projectsState = toSignal(
    toObservable(this.scope.selection).pipe(
      switchMap((selection) =>
        selection ? toLoadState(this.api.projects(selection.code, selection.year)) : of(LOADING),
      ),
    ),
    { initialValue: LOADING as LoadState<ProjectWithLeads[]> },
  );
  protected readonly projects = computed(() => {
    const state = this.projectsState();
    return state.status === 'ready' ? state.value : [];
  });

  /** What is picked in the filters; applied on 查询. */
  protected draft: AuditDraft = { ...EMPTY };
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

  protected search(): void {
    const { project, user, action, dates } = this.draft;
    const filters: AuditFilters = {
      ...(project ? { project } : {}),
      ...(user ? { user } : {}),
      ...(action.length ? { action: [...action] } : {}),
      ...(dates[0] ? { from: isoDay(dates[0]) } : {}),
      ...(dates[1] ? { to: isoDay(dates[1]) } : {}),
    };
    this.expanded.set(new Set());
    this.query.update((query) => ({ filters, page: 1, attempt: query.attempt + 1 }));
  }

  protected reset(): void {
    this.draft = { ...EMPTY };
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
