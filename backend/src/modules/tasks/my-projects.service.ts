import { dueDate, isOverdue, localDate, yearBeingMonitored } from '@jixiao/domain';
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

  /**
   * `year` defaults to the year being monitored among those the user has something to report in (libs/domain
   * yearBeingMonitored, docs/domain.md §14). A lead has the projects assigned to
   * them; whoever reports a department-year's department-wide goals (the designated reporter, else the admins:
   * docs/domain.md §11) has those too, as an entry with a null project. Leaders and auditors report nothing.
   */
  async forCurrentUser(year?: number, today: string = localDate()): Promise<MyProjectsResponse> {
    const actor = this.access.actor();
    const reports = actor.role === 'lead' || actor.role === 'admin';
    const asAdmin = actor.role === 'admin';
    // An assignment left over from a former department is not the lead's any more (as in the task list).
    const scope = reports ? this.access.departmentScope(actor) : [];
    const departments = actor.role === 'lead' ? (scope ?? []) : [];
    const states = reports ? await this.repository.leadYears(actor.id, scope, asAdmin) : [];
    const years = states.map((state) => state.year);
    const chosen = year ?? yearBeingMonitored(states);
    if (chosen === null) return { year: null, years, currentPeriod: null, today, projects: [] };
    const [projectRows, overallRows] = await Promise.all([
      departments.length ? this.repository.leadMonths(actor.id, departments, chosen) : Promise.resolve([]),
      reports ? this.repository.overallMonths(actor.id, scope, asAdmin, chosen) : Promise.resolve([]),
    ]);
    const rows = [...projectRows, ...overallRows];
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
    for (const row of rows) {
      const key = row.projectId ?? `overall:${row.fiscalYearId}`;
      byProject.set(key, [...(byProject.get(key) ?? []), row]);
    }
    const projects = [...byProject.values()].map((months): MyProjectResponse => {
      const [first] = months;
      const views = months.map((row) => monthOf(row, today));
      return {
        projectId: first.projectId,
        overall: first.projectId === null,
        projectName: first.projectName ?? first.departmentName,
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
