import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/auth/access-policy';
import { AppException } from '../../common/errors/app.exception';
import { ErrorCode } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { assertPeriodInYear } from './period-in-year.error';
import { PeriodLocksRepository } from './period-locks.repository';

/** 期间锁定: the admin closes a whole period of a department-year to every write, and opens it again. */
@Injectable()
export class PeriodLocksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PeriodLocksRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  /** 锁定 a whole period of a department-year (admin): no entry, submission or review until released. */
  async lockPeriod(code: string, year: number, period: string, reason: string) {
    const actor = this.access.actor();
    this.access.assertAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      const fiscalYearId = await this.requireFiscalYear(manager, code, year, period, true);
      const row = await this.repository.insert(manager, fiscalYearId, period, reason.trim(), actor.id);
      if (!row) throw new AppException(ErrorCode.Conflict, `${period} 期间已处于锁定状态`);
      await this.audit.record(manager, {
        action: 'period-lock.lock',
        entity: 'period-lock',
        entityId: row.id,
        after: row,
        reason: reason.trim(),
      });
      return row;
    });
  }

  async releasePeriod(code: string, year: number, period: string, reason: string) {
    const actor = this.access.actor();
    this.access.assertAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      const fiscalYearId = await this.requireFiscalYear(manager, code, year, period);
      const row = await this.repository.delete(manager, fiscalYearId, period);
      if (!row) throw new AppException(ErrorCode.NotFound, `${period} 期间未被锁定`);
      await this.audit.record(manager, {
        action: 'period-lock.release',
        entity: 'period-lock',
        entityId: row.id,
        before: row,
        reason: reason.trim(),
      });
      return { period, locked: false };
    });
  }

  async listLocks(code: string, year: number) {
    const { fiscalYearId } = await this.access.assertCanReadDepartmentYear(code, year);
    return this.repository.list(fiscalYearId);
  }

  private async requireFiscalYear(
    manager: EntityManager,
    code: string,
    year: number,
    period: string,
    exclusive = false,
  ): Promise<string> {
    const fiscalYearId = await this.repository.findFiscalYearId(manager, code, year, exclusive);
    if (!fiscalYearId) throw new AppException(ErrorCode.NotFound, `部门 ${code} 的 ${year} 年度预算不存在`);
    assertPeriodInYear(period, year);
    return fiscalYearId;
  }
}
