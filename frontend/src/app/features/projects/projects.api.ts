import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import { asOfParams } from '../../core/api/departments.api';
import type { ProjectDetail } from './project.models';

@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);

  /** A project with its goals, lights and monitoring as of the month (the year's current month by default). */
  project(id: string, asOf?: string | null): Observable<ProjectDetail> {
    return this.http.get<ProjectDetail>(`/api/projects/${encodeURIComponent(id)}`, {
      params: asOfParams(asOf),
    });
  }
}
