import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface LevelPair {
  level1: string; // 一级指标
  level2: string; // 二级指标
}

/** The 一级/二级 tree (indicator_nodes) under a goal's indicators. */
@Injectable()
export class IndicatorNodesRepository {
  /**
   * The 一级 and 二级 nodes of a goal, created or re-parented so the tree follows `rows` (numbered in the order
   * they first appear); returns "一级|二级" → the 二级 node id. Nodes no longer used are left to the caller.
   */
  async upsert(manager: EntityManager, goalId: string, rows: LevelPair[]): Promise<Map<string, string>> {
    const existing: { id: string; level: number; name: string; parentId: string | null; seq: number }[] =
      await manager.query(
        `SELECT id, level, name, parent_id AS "parentId", seq FROM indicator_nodes WHERE goal_id = $1`,
        [goalId],
      );
    const level1 = new Map(existing.filter((n) => n.level === 1).map((n) => [n.name, n]));
    const level2 = new Map(existing.filter((n) => n.level === 2).map((n) => [n.name, n]));
    const result = new Map<string, string>();
    const level1Order = [...new Set(rows.map((row) => row.level1))];
    const childSeq = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.level1}|${row.level2}`;
      if (result.has(key)) continue;
      const parentSeq = level1Order.indexOf(row.level1) + 1;
      let parent = level1.get(row.level1);
      if (!parent) {
        const [{ id }] = await manager.query(
          `INSERT INTO indicator_nodes (goal_id, level, name, seq) VALUES ($1, 1, $2, $3) RETURNING id`,
          [goalId, row.level1, parentSeq],
        );
        parent = { id, level: 1, name: row.level1, parentId: null, seq: parentSeq };
        level1.set(row.level1, parent);
      } else if (parent.seq !== parentSeq) {
        await manager.query(`UPDATE indicator_nodes SET seq = $2 WHERE id = $1`, [parent.id, parentSeq]);
        parent.seq = parentSeq;
      }
      const seq = (childSeq.get(row.level1) ?? 0) + 1;
      childSeq.set(row.level1, seq);
      const child = level2.get(row.level2);
      if (!child) {
        const [{ id }] = await manager.query(
          `INSERT INTO indicator_nodes (goal_id, parent_id, level, name, seq) VALUES ($1, $2, 2, $3, $4) RETURNING id`,
          [goalId, parent.id, row.level2, seq],
        );
        level2.set(row.level2, { id, level: 2, name: row.level2, parentId: parent.id, seq });
        result.set(key, id);
      } else {
        if (child.parentId !== parent.id || child.seq !== seq) {
          await manager.query(`UPDATE indicator_nodes SET parent_id = $2, seq = $3 WHERE id = $1`, [
            child.id,
            parent.id,
            seq,
          ]);
          child.parentId = parent.id;
          child.seq = seq;
        }
        result.set(key, child.id);
      }
    }
    return result;
  }
}
