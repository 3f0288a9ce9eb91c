import { AuditEntry } from '../modules/audit/entities/audit-entry.entity';
import { BudgetAmount } from '../modules/budget/entities/budget-amount.entity';
import { BudgetLine } from '../modules/budget/entities/budget-line.entity';
import { Department } from '../modules/departments/entities/department.entity';
import { FiscalYear } from '../modules/departments/entities/fiscal-year.entity';
import { Goal } from '../modules/goals/entities/goal.entity';
import { IndicatorNode } from '../modules/goals/entities/indicator-node.entity';
import { Indicator } from '../modules/goals/entities/indicator.entity';
import { MailOutbox } from '../modules/notifications/entities/mail-outbox.entity';
import { Notification } from '../modules/notifications/entities/notification.entity';
import { GoalTree } from '../modules/lifecycle/entities/goal-tree.entity';
import { IndicatorTargetChange } from '../modules/lifecycle/entities/indicator-target-change.entity';
import { TargetAdjustmentItem } from '../modules/lifecycle/entities/target-adjustment-item.entity';
import { TargetAdjustment } from '../modules/lifecycle/entities/target-adjustment.entity';
import { ImportRun } from '../modules/imports/entities/import-run.entity';
import { BudgetExecution } from '../modules/monitoring/entities/budget-execution.entity';
import { EvidenceFile } from '../modules/monitoring/entities/evidence-file.entity';
import { MonitoringRound } from '../modules/monitoring/entities/monitoring-round.entity';
import { PeriodLock } from '../modules/monitoring/entities/period-lock.entity';
import { ProgressReport } from '../modules/monitoring/entities/progress-report.entity';
import { ReportPeriod } from '../modules/monitoring/entities/report-period.entity';
import { FundingSource } from '../modules/projects/entities/funding-source.entity';
import { ProcurementItem } from '../modules/projects/entities/procurement-item.entity';
import { Project } from '../modules/projects/entities/project.entity';
import { SpendingDetail } from '../modules/projects/entities/spending-detail.entity';
import { TargetReviewRuleSetting } from '../modules/target-review/entities/target-review-rule-setting.entity';
import { MonitoringRuleSetting } from '../modules/monitoring-rules/entities/monitoring-rule-setting.entity';
import { SelfEvaluationItem } from '../modules/self-evaluation/entities/self-evaluation-item.entity';
import { SelfEvaluation } from '../modules/self-evaluation/entities/self-evaluation.entity';
import { DepartmentReporter } from '../modules/users/entities/department-reporter.entity';
import { ProjectAssignment } from '../modules/users/entities/project-assignment.entity';
import { RefreshToken } from '../modules/users/entities/refresh-token.entity';
import { RefreshTokenRotation } from '../modules/users/entities/refresh-token-rotation.entity';
import { Role } from '../modules/users/entities/role.entity';
import { User } from '../modules/users/entities/user.entity';

/** Every entity, listed as classes (not globs) so that ts-jest and the compiled app load the same set. */
export const ENTITIES = [
  Department,
  FiscalYear,
  Project,
  FundingSource,
  SpendingDetail,
  ProcurementItem,
  Goal,
  IndicatorNode,
  Indicator,
  BudgetLine,
  BudgetAmount,
  Role,
  User,
  ProjectAssignment,
  DepartmentReporter,
  RefreshToken,
  RefreshTokenRotation,
  ReportPeriod,
  ProgressReport,
  EvidenceFile,
  BudgetExecution,
  PeriodLock,
  MonitoringRound,
  AuditEntry,
  SelfEvaluation,
  SelfEvaluationItem,
  ImportRun,
  TargetReviewRuleSetting,
  Notification,
  MailOutbox,
  GoalTree,
  TargetAdjustment,
  TargetAdjustmentItem,
  IndicatorTargetChange,
  MonitoringRuleSetting,
];
