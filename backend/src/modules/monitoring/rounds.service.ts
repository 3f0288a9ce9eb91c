import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { CreateRoundDto } from './dto/round.dto';

const ROUND_COLUMNS = `r.id, r.name, r.period, to_char(r.deadline, 'YYYY-MM-DD') AS deadline, r.status, r.closed_at AS "closedAt", r.version`;

/** 监控轮次: named rounds the admin opens and closes; a closed round keeps what was reported as of its month. */
@Injectable()
export class RoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async list(code: string, year: number) {
    const fy = await this.fiscalYear(code, year);
    return this.dataSource.query(
      `SELECT ${ROUND_COLUMNS} FROM monitoring_rounds r WHERE r.fiscal_year_id = $1 ORDER BY r.period, r.name`,
      [fy.id],
    );
  }

  async open(code: string, year: number, dto: CreateRoundDto) {
    this.access.assertAdmin();
    const fy = await this.fiscalYear(code, year);
    if (Number(dto.period.slice(0, 4)) !== year)
      throw new AppException(ErrorCode.ValidationFailed, '期间不在预算年度内', {
        period: `period：期间必须在 ${year} 年内`,
      });
    if (dto.deadline < `${dto.period}-01`)
      throw new AppException(ErrorCode.ValidationFailed, '截止日期早于监控期间', {
        deadline: 'deadline：截止日期不能早于所监控的月份',
      });
    return this.dataSource.transaction(async (manager) => {
      const [taken] = await manager.query(
        `SELECT 1 FROM monitoring_rounds WHERE fiscal_year_id = $1 AND name = $2`,
        [fy.id, dto.name.trim()],
      );
      if (taken)
        throw new AppException(ErrorCode.Conflict, '同名监控轮次已存在', {
          name: 'name：同名监控轮次已存在',
        });
      const [row] = await manager.query(
        `WITH i AS (INSERT INTO monitoring_rounds (fiscal_year_id, name, period, deadline) VALUES ($1, $2, $3, $4) RETURNING *)
         SELECT ${ROUND_COLUMNS} FROM i r`,
        [fy.id, dto.name.trim(), dto.period, dto.deadline],
      );
      await this.audit.record(manager, {
        action: 'round.open',
        entity: 'monitoring-round',
        entityId: row.id,
        after: row,
      });
      return row;
    });
  }

  /** Closes the round: one set-based snapshot of the latest report ≤ its month per annual indicator, and of budget execution per project. */
  async close(id: string, version?: number) {
    const actor = this.access.actor();
    this.access.assertAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      const [round] = await manager.query(
        `SELECT ${ROUND_COLUMNS}, r.fiscal_year_id AS "fiscalYearId" FROM monitoring_rounds r WHERE r.id = $1 FOR UPDATE`,
        [id],
      );
      if (!round) throw new AppException(ErrorCode.NotFound, '监控轮次不存在');
      if (version !== undefined && version !== round.version)
        throw new AppException(ErrorCode.VersionConflict, '该轮次已被他人更新，请刷新后再试', undefined, {
          current: round,
        });
      if (round.status === 'closed') throw new AppException(ErrorCode.Conflict, '该监控轮次已关闭');
      const [{ snapshot }] = await manager.query(
        `SELECT json_build_object(
            'period', $2::text,
            'takenAt', now(),
            'indicators', COALESCE((
              SELECT json_agg(json_build_object(
                       'indicatorId', i.id, 'projectId', g.project_id, 'name', i.name, 'target', i.target_raw,
                       'period', r.period, 'actual', r.actual_raw, 'forecast', r.forecast_raw, 'likelihood', r.likelihood,
                       'light', COALESCE(r.light, 'grey'), 'reason', r.light_reason) ORDER BY g.project_id NULLS FIRST, g.seq, i.seq)
                FROM indicators i JOIN goals g ON g.id = i.goal_id AND g.term = 'annual'
                LEFT JOIN LATERAL (SELECT * FROM progress_reports pr WHERE pr.indicator_id = i.id AND pr.period <= $2
                                    ORDER BY pr.period DESC LIMIT 1) r ON true
               WHERE g.fiscal_year_id = $1 AND g.archived_at IS NULL AND i.archived_at IS NULL), '[]'),
            'budget', COALESCE((
              SELECT json_agg(json_build_object('projectId', p.id, 'name', p.name,
                       'budgetYuan', COALESCE(p.current_budget_yuan, p.budget_yuan), 'executedYuan', e.executed_yuan, 'period', e.period) ORDER BY p.seq)
                FROM projects p
                LEFT JOIN LATERAL (SELECT * FROM budget_executions be WHERE be.project_id = p.id AND be.period <= $2
                                    ORDER BY be.period DESC LIMIT 1) e ON true
               WHERE p.fiscal_year_id = $1 AND p.archived_at IS NULL), '[]')) AS snapshot`,
        [round.fiscalYearId, round.period],
      );
      const [closed] = await manager.query(
        `WITH u AS (UPDATE monitoring_rounds SET status = 'closed', closed_at = now(), closed_by = $2, snapshot = $3, version = version + 1, updated_at = now()
                     WHERE id = $1 RETURNING *)
         SELECT ${ROUND_COLUMNS}, r.snapshot FROM u r`,
        [id, actor.id, JSON.stringify(snapshot)],
      );
      await this.audit.record(manager, {
        action: 'round.close',
        entity: 'monitoring-round',
        entityId: id,
        before: round,
        after: { status: 'closed', period: round.period },
      });
      return closed;
    });
  }

  async get(id: string) {
    const [row] = await this.dataSource.query(
      `SELECT ${ROUND_COLUMNS}, r.snapshot, fy.department_id AS "departmentId" FROM monitoring_rounds r JOIN fiscal_years fy ON fy.id = r.fiscal_year_id WHERE r.id = $1`,
      [id],
    );
    if (!row) throw new AppException(ErrorCode.NotFound, '监控轮次不存在');
    this.access.assertCanReadDepartment(row.departmentId);
    const { departmentId: _d, ...round } = row;
    return round;
  }

  private async fiscalYear(code: string, year: number): Promise<{ id: string; departmentId: string }> {
    const { fiscalYearId, departmentId } = await this.access.assertCanReadDepartmentYear(code, year);
    return { id: fiscalYearId, departmentId };
  }
}
