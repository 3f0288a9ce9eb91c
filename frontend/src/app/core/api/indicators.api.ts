import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { components } from './api-types';

/** GET /api/indicators/:id/history: an indicator's year month by month. */
export type IndicatorHistory = components['schemas']['IndicatorHistoryResponse'];
export type IndicatorHistoryMonth = components['schemas']['IndicatorHistoryMonthResponse'];
export type EvidenceFileRef = components['schemas']['EvidenceFileResponse'];

/** Reads of one indicator across the months, for the drill-down from a tree row. */
@Injectable({ providedIn: 'root' })
export class IndicatorsApi {
  private readonly http = inject(HttpClient);

  history(id: string, year: number | null = null): Observable<IndicatorHistory> {
    const params = year === null ? new HttpParams() : new HttpParams().set('year', year);
    return this.http.get<IndicatorHistory>(`/api/indicators/${encodeURIComponent(id)}/history`, { params });
  }

  /** An evidence file's bytes; the download needs the bearer token, so it cannot be a plain link. */
  evidence(id: string): Observable<Blob> {
    return this.http.get(`/api/evidence/${encodeURIComponent(id)}`, { responseType: 'blob' });
  }
}
