import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { MonitoringFormService } from '../monitoring-forms/monitoring-form.service';
import { CreateRoundDto } from './dto/round.dto';
import { RoundsRepository } from './rounds.repository';

/** 监控轮次: named rounds the admin opens and closes; a closed round keeps what was reported as of its month. */
/** Attempts at closing a round while its year's data keeps changing. */
const MAX_CLOSE_ATTEMPTS = 3;

@Injectable()
export class RoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RoundsRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly forms: MonitoringFormService,
  ) {}

  async list(code: string, year: number) {
    const fy = await this.fiscalYear(code, year);
    return this.repository.list(fy.id);
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
      const taken = await this.repository.nameTaken(manager, fy.id, dto.name.trim());
      if (taken)
        throw new AppException(ErrorCode.Conflict, '同名监控轮次已存在', {
          name: 'name：同名监控轮次已存在',
        });
      const row = await this.repository.insert(manager, {
        fiscalYearId: fy.id,
        name: dto.name.trim(),
        period: dto.period,
        deadline: dto.deadline,
      });
      await this.audit.record(manager, {
        action: 'round.open',
        entity: 'monitoring-round',
        entityId: row.id,
        after: row,
      });
      return row;
    });
  }

  /**
   * Closes the round: one set-based snapshot of the latest report ≤ its month per annual indicator, and of budget
   * execution per project, with the monitoring forms of every project and of 部门整体 as of its month.
   */
  async close(id: string, version?: number) {
    const actor = this.access.actor();
    this.access.assertAdmin(actor);
    // The forms are computed by the same reads as the pages, on their own connections, so before the transaction
    // (the embedded database has one connection, held by a transaction). A write in between is caught by the
    // stamp of the year's data, checked under the round's lock: then the forms are computed again.
    for (let attempt = 1; ; attempt++) {
      const scope = await this.repository.scope(id);
      if (!scope) throw new AppException(ErrorCode.NotFound, '监控轮次不存在');
      const stamp = await this.repository.dataStamp(this.dataSource.manager, scope.fiscalYearId);
      const forms = await this.forms.snapshotForms(this.dataSource.manager, scope.fiscalYearId, scope.period);
      const closed = await this.dataSource.transaction(async (manager) => {
        const round = await this.repository.lock(manager, id);
        if (!round) throw new AppException(ErrorCode.NotFound, '监控轮次不存在');
        if (version !== undefined && version !== round.version)
          throw new AppException(ErrorCode.VersionConflict, '该轮次已被他人更新，请刷新后再试', undefined, {
            current: round,
          });
        if (round.status === 'closed') throw new AppException(ErrorCode.Conflict, '该监控轮次已关闭');
        if ((await this.repository.dataStamp(manager, round.fiscalYearId)) !== stamp) {
          if (attempt < MAX_CLOSE_ATTEMPTS) return null;
          throw new AppException(ErrorCode.Conflict, '填报数据正在变化，未能关闭轮次，请稍后重试');
        }
        // The raw reports and budget, and the official monitoring forms as computed now (what the round's
        // 执行监控表 exports, whatever is edited later).
        const snapshot = {
          ...((await this.repository.snapshot(manager, round.fiscalYearId, round.period)) as object),
          ...forms,
        };
        const row = await this.repository.close(manager, id, actor.id, snapshot);
        await this.audit.record(manager, {
          action: 'round.close',
          entity: 'monitoring-round',
          entityId: id,
          before: round,
          after: { status: 'closed', period: round.period },
        });
        return row;
      });
      if (closed) return closed;
    }
  }

  async get(id: string) {
    const row = await this.repository.find(id);
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
