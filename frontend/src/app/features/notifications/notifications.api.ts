import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { components } from '../../core/api/api-types';
import { SILENT_API_ERRORS } from '../../shared/http/api-error';

/** One in-app notification of the signed-in user (GET /api/notifications). */
export type AppNotification = components['schemas']['NotificationResponse'];
export type NotificationKind = AppNotification['kind'];
export type NotificationList = components['schemas']['NotificationListResponse'];
/** 领导月度摘要 (GET /api/departments/:code/digest/:period). */
export type Digest = components['schemas']['DigestResponse'];
export type DigestSend = components['schemas']['DigestSendResponse'];

@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  /** Polled on every navigation, so a failure is not notified (the badge keeps its last count). */
  mine(): Observable<NotificationList> {
    return this.http.get<NotificationList>('/api/notifications', {
      context: new HttpContext().set(SILENT_API_ERRORS, true),
    });
  }

  read(id: string): Observable<AppNotification> {
    return this.http.post<AppNotification>(`/api/notifications/${encodeURIComponent(id)}/read`, {});
  }

  readAll(): Observable<{ updated: number }> {
    return this.http.post<{ updated: number }>('/api/notifications/read-all', {});
  }

  digest(code: string, period: string): Observable<Digest> {
    return this.http.get<Digest>(
      `/api/departments/${encodeURIComponent(code)}/digest/${encodeURIComponent(period)}`,
    );
  }

  sendDigest(code: string, period: string): Observable<DigestSend> {
    return this.http.post<DigestSend>(
      `/api/departments/${encodeURIComponent(code)}/digest/${encodeURIComponent(period)}/send`,
      {},
    );
  }
}
