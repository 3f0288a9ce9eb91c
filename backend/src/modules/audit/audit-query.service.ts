import { Injectable } from '@nestjs/common';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { auditActionLabel } from '@jixiao/domain';
import { describeAuditEntry } from './audit-describer';
import { AuditFilter, AuditRepository } from './audit.repository';
import { AuditPageResponse } from './dto/audit-page.response';
import { AuditQuery } from './dto/audit-query.dto';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 86_400_000;

const invalid = (field: string, message: string): AppException =>
  new AppException(ErrorCode.ValidationFailed, `请求数据有误：${field}`, { [field]: `${field}：${message}` });

/**
 * A bound of the search: a date alone is a whole calendar day in China (UTC+8, no daylight saving), so
 * `from` is its start and `to` the start of the next day; a timestamp is taken as written.
 */
function bound(field: 'from' | 'to', value: string): Date {
  const date = DATE_ONLY.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) throw invalid(field, '不是有效的日期或时间');
  if (field === 'from') return date;
  return new Date(date.getTime() + (DATE_ONLY.test(value) ? DAY_MS : 1));
}

/** Reading the audit log (admins and auditors). AuditService, which writes it, stays separate. */
@Injectable()
export class AuditQueryService {
  constructor(private readonly repository: AuditRepository) {}

  async search(query: AuditQuery): Promise<AuditPageResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const filter: AuditFilter = {
      entity: query.entity,
      entityId: query.id,
      actions: query.action,
      projectId: query.project,
    };
    if (query.user) {
      if (UUID.test(query.user)) filter.actorId = query.user;
      else filter.actorName = query.user;
    }
    if (query.from) filter.from = bound('from', query.from);
    if (query.to) filter.before = bound('to', query.to);
    if (filter.from && filter.before && filter.from >= filter.before)
      throw invalid('from', '起始日期不能晚于截止日期');
    const { items, total } = await this.repository.findPage(filter, (page - 1) * pageSize, pageSize);
    return {
      items: items.map(({ subject, ...entry }) => ({
        ...entry,
        actionLabel: auditActionLabel(entry.action),
        projectName: subject.project,
        ...describeAuditEntry(entry, subject),
      })),
      total,
      page,
      pageSize,
    };
  }
}
