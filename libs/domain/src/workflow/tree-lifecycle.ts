// The lifecycle of an indicator tree (申报 → 批复 → 调整, docs/domain.md "申报、批复与调整"): a project's goal tree,
// or the department-wide (部门整体) tree of a department-year.

import { monthOf } from '../monitoring/reporting-calendar';

// 草稿 (editable) → 已申报 (submitted for approval) → 已批复 (approved: monitoring runs on it; read-only).
export const TREE_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type TreeStatus = (typeof TREE_STATUSES)[number];

export const TREE_STATUS_LABELS: Readonly<Record<TreeStatus, string>> = {
  draft: '草稿',
  submitted: '已申报',
  approved: '已批复',
};

/**
 * The caller's part in a tree: its writer (a project's assigned lead; for the department-wide tree, the
 * department-year's designated reporter), the department's reviewer (部门领导), the admin (绩效管理员), or someone
 * who may only read it.
 */
export type TreeRole = 'writer' | 'reviewer' | 'admin' | 'reader';

export type TreeAction = 'submit' | 'approve' | 'return';

export interface TreeTransition {
  from: TreeStatus;
  to: TreeStatus;
  by: readonly TreeRole[];
  reasonRequired: boolean;
  label: string; // the verb as users read it
}

/** 申报 by the writer or the admin; 批复 or 退回 (back to a draft, with a reason) by the department's leader. */
export const TREE_TRANSITIONS: Readonly<Record<TreeAction, TreeTransition>> = {
  submit: { from: 'draft', to: 'submitted', by: ['writer', 'admin'], reasonRequired: false, label: '申报' },
  approve: { from: 'submitted', to: 'approved', by: ['reviewer'], reasonRequired: false, label: '批复' },
  return: { from: 'submitted', to: 'draft', by: ['reviewer'], reasonRequired: true, label: '退回' },
};

/** Why a move is refused: the caller's role (403) or the tree's status (409). */
export type TreeRefusal = { refused: 'role' | 'status'; message: string };
export type TreeMove = { to: TreeStatus } | TreeRefusal;

const ROLE_NAMES: Readonly<Record<TreeAction, string>> = {
  submit: '项目负责人或绩效管理员',
  approve: '部门领导',
  return: '部门领导',
};

/** Where `action` takes a tree in `status` when `role` asks; the role is checked first. */
export function treeTransition(action: TreeAction, status: TreeStatus, role: TreeRole): TreeMove {
  const transition = TREE_TRANSITIONS[action];
  if (!transition.by.includes(role))
    return { refused: 'role', message: `只有${ROLE_NAMES[action]}可以${transition.label}绩效目标` };
  if (transition.from !== status)
    return {
      refused: 'status',
      message: `绩效目标状态为“${TREE_STATUS_LABELS[status]}”，不能${transition.label}`,
    };
  return { to: transition.to };
}

/** A tree's indicators, goals and targets are edited directly only while a draft, by its writer or the admin. */
export function treeEditable(status: TreeStatus, role: TreeRole): boolean {
  return status === 'draft' && (role === 'writer' || role === 'admin');
}

/**
 * Why a direct edit is refused, or null when it is allowed: the status (409) points to what to do instead — a
 * submitted tree is returned first, an approved one changes only through an adjustment (调整).
 */
export function treeEditRefusal(status: TreeStatus, role: TreeRole): TreeRefusal | null {
  if (treeEditable(status, role)) return null;
  if (status === 'approved')
    return {
      refused: 'status',
      message:
        '绩效目标已批复，不能直接修改；如需变更指标值，请提出调整申请（调整目标），经部门领导批准后生效',
    };
  if (status === 'submitted')
    return { refused: 'status', message: '绩效目标已申报，待部门领导批复；如需修改，请部门领导退回后再改' };
  return { refused: 'role', message: '只有项目负责人或绩效管理员可以修改草稿状态的绩效目标' };
}

// An adjustment (调整申请): proposed for an approved tree, then approved or returned by the leader.
export const ADJUSTMENT_STATUSES = ['submitted', 'approved', 'returned'] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];

export const ADJUSTMENT_STATUS_LABELS: Readonly<Record<AdjustmentStatus, string>> = {
  submitted: '待审批',
  approved: '已批准',
  returned: '已退回',
};

export type AdjustmentAction = 'propose' | 'approve' | 'return';
export type AdjustmentMove = { to: AdjustmentStatus } | TreeRefusal;

/** Whether `role` may move an adjustment: propose on an approved tree; approve or return a pending one. */
export function adjustmentTransition(
  action: AdjustmentAction,
  state: { tree: TreeStatus; adjustment?: AdjustmentStatus },
  role: TreeRole,
): AdjustmentMove {
  if (action === 'propose') {
    if (role !== 'writer' && role !== 'admin')
      return { refused: 'role', message: '只有项目负责人或绩效管理员可以提出调整申请' };
    if (state.tree !== 'approved')
      return {
        refused: 'status',
        message: `绩效目标状态为“${TREE_STATUS_LABELS[state.tree]}”，批复后才能调整；草稿可直接修改`,
      };
    return { to: 'submitted' };
  }
  const label = action === 'approve' ? '批准' : '退回';
  if (role !== 'reviewer') return { refused: 'role', message: `只有部门领导可以${label}调整申请` };
  if (state.adjustment !== 'submitted')
    return {
      refused: 'status',
      message: `调整申请状态为“${ADJUSTMENT_STATUS_LABELS[state.adjustment ?? 'returned']}”，不能${label}`,
    };
  return { to: action === 'approve' ? 'approved' : 'returned' };
}

/** One approved adjustment of an indicator's target, as its history keeps it. */
export interface TargetChange {
  oldTargetRaw: string;
  newTargetRaw: string;
  /** The first month (YYYY-MM) judged against the new target. */
  effectiveFrom: string;
  reason: string;
}

/**
 * The target in force for a month: the old target of the earliest adjustment that takes effect after it, else the
 * current one. Adjustments of one indicator take effect in increasing months (the backend refuses any other order).
 */
export function targetInForce<T>(
  current: T,
  history: readonly { effectiveFrom: string; old: T }[],
  period: string,
): T {
  const later = history
    .filter((change) => change.effectiveFrom > period)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return later.length ? later[0].old : current;
}

/** The 自评表's note on an adjusted target: 年中调整：原目标 X → Y（N月起，原因：…）, one per adjustment. */
export function adjustmentNote(changes: readonly TargetChange[]): string | null {
  if (!changes.length) return null;
  return [...changes]
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .map(
      (change) =>
        `年中调整：原目标 ${change.oldTargetRaw} → ${change.newTargetRaw}（${monthOf(change.effectiveFrom)}月起，原因：${change.reason}）`,
    )
    .join('；');
}
