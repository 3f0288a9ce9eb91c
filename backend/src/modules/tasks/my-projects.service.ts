import { dueDate, isOverdue, localDate } from '@jixiao/domain';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../../common/auth/access-policy';
import { REPORT_DUE_DAY } from '../../config/reporting.config';
import { DashboardService } from '../dashboard/dashboard.service';
import type {
  MyProjectMonthResponse,
  MyProjectResponse,
  MyProjectsResponse,
} from './dto/my-projects.response';
import { LeadMonthRow, TasksRepository } from './tasks.repository';

/**
 * The lead's home (我的项目): each assigned project's months of a year with where the report stands, so that a
 * submitted or approved month can be found again, not only what is due (docs/domain.md §5).
 */
@Injectable()
export class MyProjectsService {
  constructor(
    private readonly repository: TasksRepository,
    private readonly dashboard: DashboardService,
    private readonly access: AccessPolicy,
  ) {}

  /** `year` defaults to the latest year the lead has projects in; other roles have no assigned projects. */
  async forCurrentUser(year?: number, today: string = localDate()): Promise<MyProjectsResponse> {
    const actor = this.access.actor();
    // An assignment left over from a former department is not the lead's any more (as in the task list).
    const departments = actor.role === 'lead' ? (this.access.departmentScope(actor) ?? []) : [];
    const years = departments.length ? await this.repository.leadYears(actor.id, departments) : [];
    const chosen = year ?? years[0] ?? null;
    if (chosen === null) return { year: null, years, currentPeriod: null, today, projects: [] };
    const rows = await this.repository.leadMonths(actor.id, departments, chosen);
    if (rows.length === 0) return { year: chosen, years, currentPeriod: null, today, projects: [] };
    // "This month" is the month the dashboard and the project page open at: the department's latest reported one.
    const fiscalYearIds = [...new Set(rows.map((row) => row.fiscalYearId))];
    const { period: currentPeriod } = await this.dashboard.resolveAsOf(
      chosen,
      fiscalYearIds,
      undefined,
      today,
    );
    const byProject = new Map<string, LeadMonthRow[]>();
    for (const row of rows) byProject.set(row.projectId, [...(byProject.get(row.projectId) ?? []), row]);
    const projects = [...byProject.values()].map((months): MyProjectResponse => {
      const [first] = months;
      const views = months.map((row) => monthOf(row, today));
      return {
        projectId: first.projectId,
        projectName: first.projectName,
        projectCode: first.projectCode,
        department: { code: first.departmentCode, name: first.departmentName },
        indicatorCount: first.indicatorCount,
        current: views.find((month) => month.period === currentPeriod) ?? views[views.length - 1],
        months: views,
        overdueCount: views.filter((month) => month.overdue).length,
      };
    });
    return { year: chosen, years, currentPeriod, today, projects };
  }
}

function monthOf(row: LeadMonthRow, today: string): MyProjectMonthResponse {
  return {
    period: row.period,
    status: row.status,
    dueDate: dueDate(row.period, REPORT_DUE_DAY),
    overdue: isOverdue(row.period, row.status, today, REPORT_DUE_DAY),
    started: `${row.period}-01` <= today,
    returnReason: row.returnReason,
    submittedAt: row.submittedAt,
    reviewedAt: row.reviewedAt,
    reportedCount: row.reportedCount,
    redCount: row.redCount,
  };
}
