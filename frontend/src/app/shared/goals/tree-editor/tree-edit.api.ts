import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { components } from '../../../core/api/api-types';

type Schemas = components['schemas'];

export type IndicatorEntry = Schemas['IndicatorCreateDto'];
export type IndicatorPatch = Schemas['IndicatorPatchDto'];
export type IndicatorEdited = Schemas['IndicatorEditResponse'];
export type IndicatorRemoval = Schemas['IndicatorRemovalResponse'];
export type GoalEdited = Schemas['GoalEditResponse'];
export type GoalEntry = Schemas['GoalCreateDto'];
export type ProjectHeader = Schemas['ProjectCreateDto'];
export type ProjectHeaderSaved = Schemas['ProjectHeaderResponse'];
export type FiscalYearCreated = Schemas['FiscalYearCreatedResponse'];

/** Whose tree the editor writes: a project's, or the department-wide goals of a year. */
export type TreeOwner =
  | { readonly kind: 'project'; readonly projectId: string }
  | { readonly kind: 'overall'; readonly code: string; readonly year: number };

const encode = encodeURIComponent;

/** The tree editor's routes (docs/domain.md, "Editing the trees"). */
@Injectable({ providedIn: 'root' })
export class TreeEditApi {
  private readonly http = inject(HttpClient);

  createYear(code: string, year: number): Observable<FiscalYearCreated> {
    return this.http.post<FiscalYearCreated>(`/api/departments/${encode(code)}/years`, { year });
  }

  createProject(code: string, year: number, header: ProjectHeader): Observable<ProjectHeaderSaved> {
    return this.http.post<ProjectHeaderSaved>(
      `/api/departments/${encode(code)}/years/${year}/projects`,
      header,
    );
  }

  createGoal(owner: TreeOwner, goal: GoalEntry): Observable<GoalEdited> {
    const url =
      owner.kind === 'project'
        ? `/api/projects/${encode(owner.projectId)}/goals`
        : `/api/departments/${encode(owner.code)}/years/${owner.year}/goals`;
    return this.http.post<GoalEdited>(url, goal);
  }

  updateGoal(id: string, version: number, title: string): Observable<GoalEdited> {
    return this.http.patch<GoalEdited>(`/api/goals/${encode(id)}`, { version, title });
  }

  createIndicator(goalId: string, entry: IndicatorEntry): Observable<IndicatorEdited> {
    return this.http.post<IndicatorEdited>(`/api/goals/${encode(goalId)}/indicators`, entry);
  }

  updateIndicator(id: string, patch: IndicatorPatch): Observable<IndicatorEdited> {
    return this.http.patch<IndicatorEdited>(`/api/indicators/${encode(id)}`, patch);
  }

  removeIndicator(id: string, version: number): Observable<IndicatorRemoval> {
    return this.http.delete<IndicatorRemoval>(`/api/indicators/${encode(id)}`, {
      params: new HttpParams().set('version', version),
    });
  }
}
