import type { EntityManager } from 'typeorm';
import type { AuditService } from '../../modules/audit/audit.service';
import type { AccessPolicy } from '../auth/access-policy';
import type { Actor } from '../context/request-context';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-code';
import { assertEditable, ReviewRow, ReviewSubject, ReviewWorkflow } from './review-workflow';

const manager = {} as EntityManager;
const actor = { id: 'user-1', role: 'leader' } as Actor;

function setup(row: Partial<ReviewRow> = {}) {
  const record = jest.fn().mockResolvedValue(undefined);
  const workflow = new ReviewWorkflow({} as AccessPolicy, { record } as unknown as AuditService);
  const current: ReviewRow = { id: 'row-1', status: 'submitted', version: 4, ...row };
  const setStatus = jest.fn(
    async (_m: EntityManager, id: string, change: { status: ReviewRow['status'] }) => ({
      id,
      status: change.status,
      version: current.version + 1,
    }),
  );
  const subject: ReviewSubject<ReviewRow> = {
    noun: '本期',
    entries: '本期填报',
    entity: 'report-period',
    actionPrefix: 'period',
    setStatus,
    conflict: (_m, message, stale) =>
      new AppException(ErrorCode.VersionConflict, message, undefined, { current: stale }),
  };
  return { workflow, current, subject, setStatus, record };
}

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: AppException) => error.code,
  );

describe(ReviewWorkflow.name, () => {
  it('should move a submitted row to returned with its reason and audit period.return', async () => {
    const { workflow, current, subject, setStatus, record } = setup();

    const next = await workflow.transition(manager, subject, current, 'return', {
      actor,
      version: 4,
      reason: '  数据有误 ',
    });

    expect(next).toEqual({ id: 'row-1', status: 'returned', version: 5 });
    expect(setStatus).toHaveBeenCalledWith(manager, 'row-1', {
      status: 'returned',
      by: 'user-1',
      kind: 'review',
      returnReason: '数据有误',
    });
    expect(record).toHaveBeenCalledWith(manager, {
      action: 'period.return',
      entity: 'report-period',
      entityId: 'row-1',
      before: current,
      after: next,
      reason: '数据有误',
    });
  });

  it('should answer 409 with the current row when the version is stale, and write nothing', async () => {
    const { workflow, current, subject, setStatus } = setup();

    const error = await workflow
      .transition(manager, subject, current, 'approve', { actor, version: 3 })
      .catch((e: AppException) => e);

    expect(error).toMatchObject({
      code: ErrorCode.VersionConflict,
      message: '本期状态已被他人更新，请刷新后再试',
    });
    expect(setStatus).not.toHaveBeenCalled();
  });

  it.each([
    ['approve', 'draft', '本期状态为“草稿”，不能审核通过'],
    ['submit', 'approved', '本期状态为“已审核通过”，不能提交'],
    ['unlock', 'returned', '本期状态为“已退回”，不能解锁'],
  ] as const)('should refuse %s from %s as a conflict', async (action, status, message) => {
    const { workflow, current, subject, setStatus } = setup({ status });

    const error = await workflow
      .transition(manager, subject, current, action, { actor, version: undefined, reason: '原因' })
      .catch((e: AppException) => e);

    expect(error).toMatchObject({ code: ErrorCode.Conflict, message });
    expect(setStatus).not.toHaveBeenCalled();
  });

  it('should refuse an unlock without a reason', async () => {
    const { workflow, current, subject } = setup({ status: 'approved' });

    expect(
      await codeOf(
        workflow.transition(manager, subject, current, 'unlock', { actor, version: 4, reason: ' ' }),
      ),
    ).toBe(ErrorCode.ValidationFailed);
  });

  it('should run the move’s own checks before writing, and stop when they refuse', async () => {
    const { workflow, current, subject, setStatus } = setup({ status: 'draft' });
    const prepare = jest.fn().mockRejectedValue(new AppException(ErrorCode.ValidationFailed, '不完整'));

    expect(
      await codeOf(workflow.transition(manager, subject, current, 'submit', { actor, version: 4, prepare })),
    ).toBe(ErrorCode.ValidationFailed);
    expect(prepare).toHaveBeenCalledWith(current);
    expect(setStatus).not.toHaveBeenCalled();
  });
});

describe(assertEditable.name, () => {
  it.each([
    ['submitted', '本期填报已提交，已锁定，不能修改（如需修改请领导退回）'],
    ['approved', '本期填报已审核通过，已锁定，不能修改（如需修改请联系绩效管理员解锁）'],
  ] as const)('should lock a %s entry with 423', (status, message) => {
    expect(() => assertEditable('本期填报', status)).toThrow(
      expect.objectContaining({ code: ErrorCode.Locked, message }),
    );
  });

  it('should let drafts and returned entries be edited', () => {
    expect(() => assertEditable('自评', 'draft')).not.toThrow();
    expect(() => assertEditable('自评', 'returned')).not.toThrow();
  });
});
