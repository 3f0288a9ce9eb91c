import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface PeriodLockRow {
  id: string;
  period: string;
  reason: string;
  lockedAt: Date;
}

/** period_locks (期间锁定) of a department-year; the writes' side of the lock is MonitoringRepository.holdPeriod. */
@Injectable()
export class PeriodLocksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The department-year's fiscal year; `exclusive` takes it FOR UPDATE, so that locking a period waits for the
   * writes in progress, which share the fiscal year (holdPeriod).
   */
  async findFiscalYearId(
    manager: EntityManager,
    code: string,
    year: number,
    exclusive: boolean,
  ): Promise<string | undefined> {
    const [fy] = await manager.query(
      `SELECT fy.id FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE d.code = $1 AND fy.year = $2${exclusive ? ' FOR UPDATE OF fy' : ''}`,
      [code, year],
    );
    return fy?.id;
  }

  /** The new lock, or undefined when the period is already locked. */
  async insert(
    manager: EntityManager,
    fiscalYearId: string,
    period: string,
    reason: string,
    by: string,
  ): Promise<PeriodLockRow | undefined> {
    const [row] = await manager.query(
      `INSERT INTO period_locks (fiscal_year_id, period, reason, locked_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (fiscal_year_id, period) DO NOTHING RETURNING id, period, reason, locked_at AS "lockedAt"`,
      [fiscalYearId, period, reason, by],
    );
    return row;
  }

  /** The released lock, or undefined when the period was not locked. */
  async delete(
    manager: EntityManager,
    fiscalYearId: string,
    period: string,
  ): Promise<PeriodLockRow | undefined> {
    const [row] = await manager.query(
      `WITH d AS (DELETE FROM period_locks WHERE fiscal_year_id = $1 AND period = $2 RETURNING id, period, reason, locked_at AS "lockedAt") SELECT * FROM d`,
      [fiscalYearId, period],
    );
    return row;
  }

  async list(
    fiscalYearId: string,
  ): Promise<{ period: string; reason: string; lockedAt: Date; lockedBy: string | null }[]> {
    return this.dataSource.query(
      `SELECT l.period, l.reason, l.locked_at AS "lockedAt", u.username AS "lockedBy"
         FROM period_locks l LEFT JOIN users u ON u.id = l.locked_by
        WHERE l.fiscal_year_id = $1 ORDER BY l.period`,
      [fiscalYearId],
    );
  }
}
