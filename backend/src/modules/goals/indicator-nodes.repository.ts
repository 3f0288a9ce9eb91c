import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

export interface LevelPair {
  level1: string; // 一级指标
  level2: string; // 二级指标
}

interface NodeRow {
  id: string;
  goal_id: string;
  parent_id: string | null;
  level: number;
  name: string;
  seq: number;
}

/** The 一级/二级 tree (indicator_nodes) under a goal's indicators. */
@Injectable()
export class IndicatorNodesRepository {
  /**
   * The 一级 and 二级 nodes of a goal, created or re-parented so the tree follows `rows` (numbered in the order
   * they first appear); returns "一级|二级" → the 二级 node id. Nodes no longer used are left to the caller.
   */
  async upsert(manager: EntityManager, goalId: string, rows: LevelPair[]): Promise<Map<string, string>> {
    return (await this.upsertMany(manager, [{ goalId, rows }])).get(goalId) as Map<string, string>;
  }

  /**
   * `upsert` for many goals at once, in a fixed number of statements whatever their size: one read of their
   * nodes, one insert, one update. Returns goal id → ("一级|二级" → the 二级 node id).
   */
  async upsertMany(
    manager: EntityManager,
    goals: { goalId: string; rows: LevelPair[] }[],
  ): Promise<Map<string, Map<string, string>>> {
    const existing: NodeRow[] = goals.length
      ? await manager.query(
          `SELECT id, goal_id, parent_id, level, name, seq FROM indicator_nodes WHERE goal_id = ANY($1::uuid[])`,
          [goals.map((g) => g.goalId)],
        )
      : [];
    const byGoal = new Map<string, NodeRow[]>();
    for (const node of existing) {
      const nodes = byGoal.get(node.goal_id);
      if (nodes) nodes.push(node);
      else byGoal.set(node.goal_id, [node]);
    }
    const inserted1: NodeRow[] = [];
    const inserted2: NodeRow[] = [];
    const moved = new Map<string, NodeRow>();
    const created2 = new Set<string>();
    const result = new Map<string, Map<string, string>>();
    for (const { goalId, rows } of goals) {
      const nodes = byGoal.get(goalId) ?? [];
      const level1 = new Map(nodes.filter((n) => n.level === 1).map((n) => [n.name, n]));
      const level2 = new Map(nodes.filter((n) => n.level === 2).map((n) => [n.name, n]));
      const ids = new Map<string, string>();
      const level1Order = [...new Set(rows.map((row) => row.level1))];
      const childSeq = new Map<string, number>();
      for (const row of rows) {
        const key = `${row.level1}|${row.level2}`;
        if (ids.has(key)) continue;
        const parentSeq = level1Order.indexOf(row.level1) + 1;
        let parent = level1.get(row.level1);
        if (!parent) {
          parent = {
            id: randomUUID(),
            goal_id: goalId,
            parent_id: null,
            level: 1,
            name: row.level1,
            seq: parentSeq,
          };
          level1.set(row.level1, parent);
          inserted1.push(parent);
        } else if (parent.seq !== parentSeq) {
          parent.seq = parentSeq;
          moved.set(parent.id, parent);
        }
        const seq = (childSeq.get(row.level1) ?? 0) + 1;
        childSeq.set(row.level1, seq);
        const child = level2.get(row.level2);
        if (!child) {
          const created = {
            id: randomUUID(),
            goal_id: goalId,
            parent_id: parent.id,
            level: 2,
            name: row.level2,
            seq,
          };
          level2.set(row.level2, created);
          inserted2.push(created);
          created2.add(created.id);
          ids.set(key, created.id);
        } else {
          if (child.parent_id !== parent.id || child.seq !== seq) {
            child.parent_id = parent.id;
            child.seq = seq;
            if (!created2.has(child.id)) moved.set(child.id, child);
          }
          ids.set(key, child.id);
        }
      }
      result.set(goalId, ids);
    }
    // 一级 before 二级 (their parents, checked at the end of the statement); moved nodes last, as they may move
    // under a new 一级.
    const created = [...inserted1, ...inserted2];
    if (created.length)
      await manager.query(
        `INSERT INTO indicator_nodes (id, goal_id, parent_id, level, name, seq)
         SELECT id, goal_id, parent_id, level, name, seq
           FROM json_to_recordset($1::json) AS x(id uuid, goal_id uuid, parent_id uuid, level smallint, name text, seq int)`,
        [JSON.stringify(created)],
      );
    if (moved.size)
      await manager.query(
        `UPDATE indicator_nodes n SET parent_id = x.parent_id, seq = x.seq
           FROM json_to_recordset($1::json) AS x(id uuid, parent_id uuid, seq int) WHERE n.id = x.id`,
        [JSON.stringify([...moved.values()].map(({ id, parent_id, seq }) => ({ id, parent_id, seq })))],
      );
    return result;
  }
}
