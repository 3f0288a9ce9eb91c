import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { components } from '../../core/api/api-types';
import { SILENT_API_ERRORS } from '../http/api-error';

type Schemas = components['schemas'];

/** A tree's lifecycle state (草稿 / 已申报 / 已批复), the caller's role in it, and its adjustment requests. */
export type TreeLifecycle = Schemas['TreeLifecycleResponse'];
export type TreeState = Schemas['TreeStateResponse'];
/** 调整申请 with its items. */
export type Adjustment = Schemas['AdjustmentResponse'];
/** One approved adjustment of an indicator's target. */
export type TargetChange = Schemas['TargetChangeResponse'];

/** Whose tree: a project's, or a department-year's department-wide one (部门整体). */
export type TreeScope = { readonly projectId: string } | { readonly code: string; readonly year: number };

export type TreeAction = 'submit' | 'approve' | 'return';

export interface AdjustmentRequest {
  readonly items: readonly { readonly indicatorId: string; readonly target: string }[];
  readonly reason: string;
  readonly effectiveFrom: string;
}

/** What a dialog sends: it shows the failure itself, so the interceptor does not notify as well. */
const fromDialog = () => ({ context: new HttpContext().set(SILENT_API_ERRORS, true) });

const base = (scope: TreeScope): string =>
  'projectId' in scope
    ? `/api/projects/${encodeURIComponent(scope.projectId)}`
    : `/api/departments/${encodeURIComponent(scope.code)}/years/${scope.year}`;

/** 申报 → 批复 → 调整 of an indicator tree (docs/domain.md "申报、批复与调整"). */
@Injectable({ providedIn: 'root' })
export class LifecycleApi {
  private readonly http = inject(HttpClient);

  move(scope: TreeScope, action: TreeAction, version: number, reason?: string): Observable<TreeState> {
    return this.http.post<TreeState>(
      `${base(scope)}/tree/${action}`,
      { version, ...(reason !== undefined ? { reason } : {}) },
      reason !== undefined ? fromDialog() : {},
    );
  }

  propose(scope: TreeScope, request: AdjustmentRequest): Observable<Adjustment> {
    return this.http.post<Adjustment>(`${base(scope)}/adjustments`, request, fromDialog());
  }

  review(id: string, action: 'approve' | 'return', version: number, reason?: string): Observable<Adjustment> {
    return this.http.post<Adjustment>(
      `/api/adjustments/${encodeURIComponent(id)}/${action}`,
      { version, ...(reason !== undefined ? { reason } : {}) },
      reason !== undefined ? fromDialog() : {},
    );
  }
}
