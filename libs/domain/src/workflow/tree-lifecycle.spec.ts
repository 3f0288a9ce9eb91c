import {
  ADJUSTMENT_STATUSES,
  TREE_STATUSES,
  TREE_TRANSITIONS,
  type TreeAction,
  type TreeRole,
  type TreeStatus,
  adjustmentNote,
  adjustmentTransition,
  targetInForce,
  treeEditRefusal,
  treeEditable,
  treeTransition,
} from './tree-lifecycle';

const ROLES: TreeRole[] = ['writer', 'reviewer', 'admin', 'reader'];

describe(treeTransition.name, () => {
  it.each<[TreeAction, TreeStatus, TreeRole, TreeStatus]>([
    ['submit', 'draft', 'writer', 'submitted'],
    ['submit', 'draft', 'admin', 'submitted'],
    ['approve', 'submitted', 'reviewer', 'approved'],
    ['return', 'submitted', 'reviewer', 'draft'],
  ])('should move %s from %s by the %s to %s', (action, from, role, to) => {
    expect(treeTransition(action, from, role)).toEqual({ to });
  });

  it('should refuse every other status with a 409-kind refusal naming the status', () => {
    for (const action of Object.keys(TREE_TRANSITIONS) as TreeAction[]) {
      const allowed = TREE_TRANSITIONS[action];
      for (const status of TREE_STATUSES.filter((s) => s !== allowed.from))
        expect(treeTransition(action, status, allowed.by[0])).toMatchObject({ refused: 'status' });
    }
    expect(treeTransition('approve', 'approved', 'reviewer')).toEqual({
      refused: 'status',
      message: '绩效目标状态为“已批复”，不能批复',
    });
  });

  it('should refuse the wrong role before looking at the status', () => {
    expect(treeTransition('approve', 'draft', 'admin')).toEqual({
      refused: 'role',
      message: '只有部门领导可以批复绩效目标',
    });
    expect(treeTransition('submit', 'draft', 'reviewer')).toEqual({
      refused: 'role',
      message: '只有项目负责人或绩效管理员可以申报绩效目标',
    });
    expect(treeTransition('return', 'submitted', 'writer')).toMatchObject({ refused: 'role' });
    for (const action of Object.keys(TREE_TRANSITIONS) as TreeAction[])
      expect(treeTransition(action, TREE_TRANSITIONS[action].from, 'reader')).toMatchObject({
        refused: 'role',
      });
  });

  it('should ask a reason for a return only', () => {
    expect(
      Object.entries(TREE_TRANSITIONS)
        .filter(([, t]) => t.reasonRequired)
        .map(([action]) => action),
    ).toEqual(['return']);
  });
});

describe(treeEditable.name, () => {
  it('should let only the writer and the admin edit, and only a draft', () => {
    const editable = TREE_STATUSES.flatMap((status) =>
      ROLES.filter((role) => treeEditable(status, role)).map((role) => `${status}:${role}`),
    );
    expect(editable).toEqual(['draft:writer', 'draft:admin']);
  });
});

describe(treeEditRefusal.name, () => {
  it('should allow a draft to its writer and the admin', () => {
    expect(treeEditRefusal('draft', 'writer')).toBeNull();
    expect(treeEditRefusal('draft', 'admin')).toBeNull();
  });

  it('should point an approved tree to an adjustment, whoever asks', () => {
    for (const role of ROLES)
      expect(treeEditRefusal('approved', role)).toEqual({
        refused: 'status',
        message: expect.stringContaining('调整申请'),
      });
  });

  it('should point a submitted tree to the leader returning it', () => {
    expect(treeEditRefusal('submitted', 'admin')).toEqual({
      refused: 'status',
      message: expect.stringContaining('退回'),
    });
  });

  it('should refuse a draft to anyone else by role', () => {
    expect(treeEditRefusal('draft', 'reviewer')).toMatchObject({ refused: 'role' });
    expect(treeEditRefusal('draft', 'reader')).toMatchObject({ refused: 'role' });
  });
});

describe(adjustmentTransition.name, () => {
  it('should let the writer or the admin propose on an approved tree only', () => {
    expect(adjustmentTransition('propose', { tree: 'approved' }, 'writer')).toEqual({ to: 'submitted' });
    expect(adjustmentTransition('propose', { tree: 'approved' }, 'admin')).toEqual({ to: 'submitted' });
    expect(adjustmentTransition('propose', { tree: 'approved' }, 'reviewer')).toMatchObject({
      refused: 'role',
    });
    expect(adjustmentTransition('propose', { tree: 'draft' }, 'writer')).toEqual({
      refused: 'status',
      message: '绩效目标状态为“草稿”，批复后才能调整；草稿可直接修改',
    });
  });

  it('should let the leader approve or return a pending adjustment only', () => {
    const pending = { tree: 'approved' as const, adjustment: 'submitted' as const };
    expect(adjustmentTransition('approve', pending, 'reviewer')).toEqual({ to: 'approved' });
    expect(adjustmentTransition('return', pending, 'reviewer')).toEqual({ to: 'returned' });
    expect(adjustmentTransition('approve', pending, 'admin')).toEqual({
      refused: 'role',
      message: '只有部门领导可以批准调整申请',
    });
    for (const adjustment of ADJUSTMENT_STATUSES.filter((s) => s !== 'submitted'))
      expect(adjustmentTransition('return', { tree: 'approved', adjustment }, 'reviewer')).toMatchObject({
        refused: 'status',
      });
    expect(adjustmentTransition('approve', { tree: 'approved' }, 'reviewer')).toEqual({
      refused: 'status',
      message: '调整申请状态为“已退回”，不能批准',
    });
  });
});

describe(targetInForce.name, () => {
  const history = [
    { effectiveFrom: '2025-09', old: 'Y' },
    { effectiveFrom: '2025-04', old: 'X' },
  ];

  it('should judge a month before the first adjustment against the first target', () => {
    expect(targetInForce('Z', history, '2025-03')).toBe('X');
  });

  it('should judge a month between two adjustments against the one in between', () => {
    expect(targetInForce('Z', history, '2025-04')).toBe('Y');
    expect(targetInForce('Z', history, '2025-08')).toBe('Y');
  });

  it('should judge the months from the last adjustment on against the current target', () => {
    expect(targetInForce('Z', history, '2025-09')).toBe('Z');
    expect(targetInForce('Z', [], '2025-01')).toBe('Z');
  });
});

describe(adjustmentNote.name, () => {
  it('should say nothing without an adjustment', () => {
    expect(adjustmentNote([])).toBeNull();
  });

  it('should state each adjustment in month order', () => {
    expect(
      adjustmentNote([
        { oldTargetRaw: '≥95%', newTargetRaw: '≥98%', effectiveFrom: '2025-10', reason: '上级提高要求' },
        { oldTargetRaw: '≥90%', newTargetRaw: '≥95%', effectiveFrom: '2025-07', reason: '政策调整' },
      ]),
    ).toBe(
      '年中调整：原目标 ≥90% → ≥95%（7月起，原因：政策调整）；年中调整：原目标 ≥95% → ≥98%（10月起，原因：上级提高要求）',
    );
  });
});
