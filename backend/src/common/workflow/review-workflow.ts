import { Injectable } from '@nestjs/common';
import {
  REVIEW_STATUS_LABELS,
  REVIEW_TRANSITIONS,
  type ReviewAction,
  type ReviewStatus,
  isEditable,
  lockedHint,
  nextReviewStatus,
} from '@jixiao/domain';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../modules/audit/audit.service';
import { AccessPolicy } from '../auth/access-policy';
import { Actor } from '../context/request-context';
import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-code';

/** A row that follows the review workflow: a monitoring period, a self-evaluation. */
export interface ReviewRow {
  id: string;
  status: ReviewStatus;
  version: number;
}

/** What a status change writes, besides the status: who and when (by the table's stamp), and a return's reason. */
export interface StatusChange {
  status: ReviewStatus;
  by: string;
  kind: 'submit' | 'review' | 'reset';
  returnReason?: string | null;
}

/** How one kind of row takes part: its words, its audit names, and how its status is written. */
export interface ReviewSubject<Row extends ReviewRow> {
  /** "本期" / "自评": whose state the messages name. */
  noun: string;
  /** "本期填报" / "自评": what is locked once submitted. */
  entries: string;
  /** Audit entity and the prefix of its actions (period.submit, self-evaluation.approve …). */
  entity: string;
  actionPrefix: string;
  setStatus(manager: EntityManager, id: string, change: StatusChange): Promise<Row>;
  /** The 409 for a stale version, with what the client should reload. */
  conflict(manager: EntityManager, message: string, row: Row): Promise<AppException> | AppException;
}

/** Who is asking, and where: the department a reviewer must belong to, and the writer's own check. */
export interface ReviewParties {
  actor: Actor;
  departmentId: string;
  assertWriter: () => Promise<void>;
}

export interface TransitionOptions<Row extends ReviewRow> {
  actor: Actor;
  /** The version the client saw; undefined skips the check (a row created by this very request). */
  version: number | undefined;
  reason?: string;
  /** Checks and writes that belong to the move (completeness, freezing values), after state and version. */
  prepare?: (row: Row) => Promise<void>;
  /** The audit entry's `after`, when more than the new row (a submission's frozen total). */
  auditAfter?: (next: Row) => Promise<object> | object;
}

/**
 * The one review workflow (submit → approve / return, unlock) of monitoring periods and self-evaluations: the
 * transition table of libs/domain decides who may move a row and where; this applies it to a row the caller holds
 * FOR UPDATE — version, state, status write and audit entry in the caller's transaction.
 */
@Injectable()
export class ReviewWorkflow {
  constructor(
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  /** The role the table gives the action: the writer, the department's reviewer, or the admin. */
  async authorize(action: ReviewAction, parties: ReviewParties): Promise<void> {
    const role = REVIEW_TRANSITIONS[action].by;
    if (role === 'admin') this.access.assertAdmin(parties.actor);
    else if (role === 'reviewer') this.access.assertCanReview(parties.departmentId, parties.actor);
    else await parties.assertWriter();
  }

  async transition<Row extends ReviewRow>(
    manager: EntityManager,
    subject: ReviewSubject<Row>,
    row: Row,
    action: ReviewAction,
    options: TransitionOptions<Row>,
  ): Promise<Row> {
    const transition = REVIEW_TRANSITIONS[action];
    if (options.version !== undefined && options.version !== row.version)
      throw await subject.conflict(manager, `${subject.noun}状态已被他人更新，请刷新后再试`, row);
    const to = nextReviewStatus(action, row.status);
    if (!to)
      throw new AppException(
        ErrorCode.Conflict,
        `${subject.noun}状态为“${REVIEW_STATUS_LABELS[row.status]}”，不能${transition.label}`,
        undefined,
        { status: row.status },
      );
    const reason = options.reason?.trim() || null;
    if (transition.reasonRequired && !reason)
      throw new AppException(ErrorCode.ValidationFailed, `${transition.label}须填写原因`, {
        reason: 'reason：请填写原因',
      });
    await options.prepare?.(row);
    const next = await subject.setStatus(manager, row.id, {
      status: to,
      by: options.actor.id,
      kind: transition.stamp,
      returnReason: action === 'return' ? reason : null,
    });
    await this.audit.record(manager, {
      action: `${subject.actionPrefix}.${action}`,
      entity: subject.entity,
      entityId: row.id,
      before: row,
      after: options.auditAfter ? await options.auditAfter(next) : next,
      reason,
    });
    return next;
  }
}

/** 423 while submitted or approved: entries ("本期填报", "自评") change only in a draft or a returned one. */
export function assertEditable(entries: string, status: ReviewStatus): void {
  if (isEditable(status)) return;
  throw new AppException(
    ErrorCode.Locked,
    `${entries}${REVIEW_STATUS_LABELS[status]}，已锁定，不能修改${lockedHint(status)}`,
    undefined,
    { status },
  );
}
