import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntryResponse } from './dto/audit-page.response';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorId?: string;
  actorName?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  before?: Date;
}

/** Reads of the append-only audit log (writes go through AuditService, inside the writer's transaction). */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One page, newest first, with the total of the filter (a window count: one statement). */
  async findPage(
    filter: AuditFilter,
    offset: number,
    limit: number,
  ): Promise<{ items: AuditEntryResponse[]; total: number }> {
    const params = [
      filter.entity ?? null,
      filter.entityId ?? null,
      filter.actorId ?? null,
      filter.actorName ?? null,
      filter.from ?? null,
      filter.before ?? null,
    ];
    const where = `($1::varchar IS NULL OR entity = $1::varchar) AND ($2::text IS NULL OR entity_id = $2::text)
       AND ($3::uuid IS NULL OR actor_id = $3::uuid) AND ($4::text IS NULL OR actor_name = lower($4::text))
       AND ($5::timestamptz IS NULL OR at >= $5::timestamptz) AND ($6::timestamptz IS NULL OR at < $6::timestamptz)`;
    const rows: (AuditEntryResponse & { total: number })[] = await this.dataSource.query(
      `SELECT id::text, at, actor_id AS "actorId", actor_name AS "actorName", action, entity, entity_id AS "entityId",
              before, after, reason, request_id AS "requestId", count(*) OVER ()::int AS total
         FROM audit_log WHERE ${where}
        ORDER BY at DESC, id DESC
        OFFSET $7 LIMIT $8`,
      [...params, offset, limit],
    );
    if (rows.length > 0 || offset === 0) {
      return { items: rows.map(({ total: _t, ...item }) => item), total: rows[0]?.total ?? 0 };
    }
    // A page past the end has no row to carry the total.
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM audit_log WHERE ${where}`,
      params,
    );
    return { items: [], total };
  }
}
