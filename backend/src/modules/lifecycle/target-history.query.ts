import { EntityManager } from 'typeorm';
import type { TargetChangeResponse } from '../projects/dto/goal-tree.response';

export type IndicatorTargetChange = TargetChangeResponse & { indicatorId: string };

/**
 * The approved adjustments of these indicators' targets, by indicator and effective month (docs/domain.md
 * "申报、批复与调整"): the project and 部门整体 trees, the indicator history drawer and the 自评表 read them here.
 */
export function targetHistoryOf(
  manager: EntityManager,
  indicatorIds: readonly string[],
): Promise<IndicatorTargetChange[]> {
  if (!indicatorIds.length) return Promise.resolve([]);
  return manager.query(
    `SELECT h.indicator_id AS "indicatorId", h.adjustment_id AS "adjustmentId", h.old_target_raw AS "oldTargetRaw",
            h.new_target_raw AS "newTargetRaw", h.effective_from AS "effectiveFrom", h.reason,
            pu.display_name AS "proposedByName", h.proposed_at AS "proposedAt",
            au.display_name AS "approvedByName", h.approved_at AS "approvedAt"
       FROM indicator_target_history h
       LEFT JOIN users pu ON pu.id = h.proposed_by LEFT JOIN users au ON au.id = h.approved_by
      WHERE h.indicator_id = ANY($1::uuid[])
      ORDER BY h.indicator_id, h.effective_from`,
    [indicatorIds],
  );
}

/** The history grouped by indicator. */
export function byIndicator(changes: IndicatorTargetChange[]): Map<string, TargetChangeResponse[]> {
  const grouped = new Map<string, TargetChangeResponse[]>();
  for (const { indicatorId, ...change } of changes)
    grouped.set(indicatorId, [...(grouped.get(indicatorId) ?? []), change]);
  return grouped;
}
