import { localDate, yearOf } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException, notFound } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { DashboardService } from '../dashboard/dashboard.service';
import type { DepartmentDashboardResponse } from '../dashboard/dto/dashboard.response';
import type { DigestRecipientResponse, DigestResponse, DigestSendResponse } from './dto/digest.response';
import { MailOutboxRepository, OutgoingMail } from './mail-outbox.repository';
import { MailOutboxService } from './mail-outbox.service';
import { digestMail } from './mail-templates';
import { DepartmentYearRef, NotificationsRepository } from './notifications.repository';

/** The digest of a month: the dashboard as of that month, keeping what leadership must look at. */
export function digestOf(dashboard: DepartmentDashboardResponse): DigestResponse {
  return {
    department: dashboard.department,
    year: dashboard.year,
    period: dashboard.asOf,
    today: dashboard.today,
    counts: dashboard.counts,
    flagged: dashboard.flagged.filter((row) => row.light === 'red' || row.light === 'yellow'),
    projectedMisses: dashboard.projectedMisses,
    overdue: dashboard.overdue,
    budget: dashboard.budget.total,
  };
}

/**
 * 领导月度摘要 (docs/domain.md, "Reminders and the leadership digest"): a department's flags, projected misses
 * and overdue reports of a month, as a printable page and as an e-mail to its leaders.
 */
@Injectable()
export class DigestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dashboard: DashboardService,
    private readonly notifications: NotificationsRepository,
    private readonly outbox: MailOutboxRepository,
    private readonly mailer: MailOutboxService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  /** The printable page: the department's leaders, admins and auditors (a lead reports; the digest is leadership's). */
  async digest(code: string, period: string): Promise<DigestResponse> {
    const actor = this.access.actor();
    if (actor.role === 'lead')
      throw new AppException(ErrorCode.Forbidden, '领导月度摘要只供部门领导、绩效管理员和审计员查看');
    const unit = await this.unit(code, period);
    this.access.assertCanReadDepartment(unit.departmentId, actor);
    return (await this.build(unit, period)) as DigestResponse;
  }

  /** 发送: the admin queues the month's digest to the department's leaders; once per leader and month, audited. */
  async send(code: string, period: string): Promise<DigestSendResponse> {
    this.access.assertAdmin();
    if (!this.mailer.enabled)
      throw new AppException(ErrorCode.Conflict, '未配置邮件服务（SMTP_URL），不能发送邮件');
    const unit = await this.unit(code, period);
    const digest = (await this.build(unit, period)) as DigestResponse;
    const recipients = await this.dataSource.transaction(async (manager) => {
      const answered = await this.queue(manager, unit, digest);
      await this.audit.record(manager, {
        action: 'digest.send',
        entity: 'department',
        entityId: unit.departmentId,
        after: {
          departmentCode: unit.code,
          period,
          recipients: answered.map(({ username, email, status }) => ({ username, email, status })),
        },
      });
      return answered;
    });
    this.mailer.kick();
    return { period, recipients };
  }

  async build(
    unit: DepartmentYearRef,
    period: string,
    today: string = localDate(),
  ): Promise<DigestResponse | undefined> {
    const dashboard = await this.dashboard.departmentDashboardFor(unit.code, unit.year, period, today);
    return dashboard && digestOf(dashboard);
  }

  /** Queues the digest to each leader with an address, once per leader and month (the monthly job uses it too). */
  async queue(
    manager: EntityManager,
    unit: DepartmentYearRef,
    digest: DigestResponse,
  ): Promise<DigestRecipientResponse[]> {
    const leaders = await this.notifications.leaders(unit.departmentId, manager);
    const key = (userId: string) => `digest:${unit.code}:${digest.period}:${userId}`;
    const mails: OutgoingMail[] = leaders.flatMap((leader) =>
      leader.email
        ? [
            {
              ...digestMail(leader.displayName, digest),
              dedupeKey: key(leader.userId),
              kind: 'digest' as const,
              to: leader.email,
              userId: leader.userId,
              notificationId: null,
            },
          ]
        : [],
    );
    const queued = new Set(await this.outbox.enqueue(manager, mails));
    return leaders.map((leader) => ({
      userId: leader.userId,
      username: leader.username,
      displayName: leader.displayName,
      email: leader.email,
      status: !leader.email ? 'no-email' : queued.has(key(leader.userId)) ? 'queued' : 'already-queued',
    }));
  }

  private async unit(code: string, period: string): Promise<DepartmentYearRef> {
    const unit = await this.notifications.departmentYear(code, yearOf(period));
    if (!unit) throw notFound(`部门 ${code} 的 ${yearOf(period)} 年度预算`);
    return unit;
  }
}
