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
