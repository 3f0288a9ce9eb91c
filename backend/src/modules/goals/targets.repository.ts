import { Injectable } from '@nestjs/common';
import type { Target, Thresholds } from '@jixiao/domain';
import { EntityManager } from 'typeorm';
import { entityValues } from '../../database/sql.util';
import { Indicator } from './entities/indicator.entity';
import type { TargetColumns } from './target-columns.mapper';

/** An indicator's target as its correction reads it, locked. */
export type LockedTarget = {
  id: string;
  target_raw: string;
  target_parsed: Target | null;
  thresholds: Partial<Thresholds> | null;
  version: number;
};

/** A reading to confirm, locked, with the department-year it belongs to (null when not that year's). */
export type LockedReading = LockedTarget & { name: string; in_year: boolean };

/** Reads and writes of an indicator's structured target, on the caller's transaction manager. */
@Injectable()
export class TargetsRepository {
  async lockIndicator(manager: EntityManager, id: string): Promise<LockedTarget | undefined> {
    const [row] = await manager.query(
      `SELECT id, target_raw, target_parsed, thresholds, version FROM indicators WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  /** The department-year's fiscal year id; undefined when there is none. */
  async findFiscalYearId(manager: EntityManager, code: string, year: number): Promise<string | undefined> {
    const [row] = await manager.query(
      `SELECT fy.id FROM fiscal_years fy JOIN departments d ON d.id = fy.department_id WHERE d.code = $1 AND fy.year = $2`,
      [code, year],
    );
    return row?.id;
  }

  /** The indicators with these ids, locked in id order (two bulk confirmations never deadlock). */
  lockReadings(manager: EntityManager, fiscalYearId: string, ids: string[]): Promise<LockedReading[]> {
    return manager.query(
      `SELECT i.id, i.name, i.target_raw, i.target_parsed, i.thresholds, i.version,
              (g.fiscal_year_id = $1 AND i.archived_at IS NULL AND g.archived_at IS NULL) AS in_year
         FROM indicators i JOIN goals g ON g.id = i.goal_id
        WHERE i.id = ANY($2::uuid[])
        ORDER BY i.id FOR UPDATE OF i`,
      [fiscalYearId, ids],
    );
  }

  /** Writes the indicator's target columns; returns its id and new version. */
  async updateTarget(
    manager: EntityManager,
    id: string,
    values: TargetColumns & Pick<Indicator, 'thresholds'>,
  ): Promise<{ id: string; version: number }> {
    const {
      raw: [updated],
    } = await manager
      .createQueryBuilder()
      .update(Indicator)
      .set(entityValues<Indicator>(values))
      .where('id = :id', { id })
      .returning(['id', 'version'])
      .execute();
    return updated;
  }
}
