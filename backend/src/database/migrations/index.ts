import { InitialSchema1764100000000 } from './1764100000000-initial-schema';
import { AuditLogAppendOnly1764100000001 } from './1764100000001-audit-log-append-only';
import { SessionActivity1764100000002 } from './1764100000002-session-activity';
import { DocumentFidelity1764100000003 } from './1764100000003-document-fidelity';
import { MonitoringRounds1764100000004 } from './1764100000004-monitoring-rounds';
import { SelfEvaluationDetails1764100000005 } from './1764100000005-self-evaluation-details';
import { ReadPathIndexes1764100000009 } from './1764100000009-read-path-indexes';
import { ArchiveInsteadOfDelete1764100000010 } from './1764100000010-archive-instead-of-delete';
import { SessionHardening1764100000011 } from './1764100000011-session-hardening';
import { NeverStaleLights1764100000020 } from './1764100000020-never-stale-lights';
import { ReportWarnings1764100000030 } from './1764100000030-report-warnings';
import { DepartmentReporters1764100000100 } from './1764100000100-department-reporters';
import { UserLocale1764100000500 } from './1764100000500-user-locale';
import { TargetReviewRuleSettings1764100000600 } from './1764100000600-target-review-rule-settings';
import { TreeLifecycle1764100002000 } from './1764100002000-tree-lifecycle';
import { CarryForward1764100003000 } from './1764100003000-carry-forward';
import { MonitoringRuleSettings1764100005000 } from './1764100005000-monitoring-rule-settings';
import { RemindersAndMail1764100006000 } from './1764100006000-reminders-and-mail';
import { ReporterUserRestrict1764100009000 } from './1764100009000-reporter-user-restrict';
import { SessionChangeNotify1764100010000 } from './1764100010000-session-change-notify';
import { ReportSeriesIndex1764100011000 } from './1764100011000-report-series-index';

/** In order. Listed as classes so the compiled app, the CLIs and ts-jest run the same migrations. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  InitialSchema1764100000000,
  AuditLogAppendOnly1764100000001,
  SessionActivity1764100000002,
  DocumentFidelity1764100000003,
  MonitoringRounds1764100000004,
  SelfEvaluationDetails1764100000005,
  ReadPathIndexes1764100000009,
  ArchiveInsteadOfDelete1764100000010,
  SessionHardening1764100000011,
  NeverStaleLights1764100000020,
  ReportWarnings1764100000030,
  DepartmentReporters1764100000100,
  UserLocale1764100000500,
  TargetReviewRuleSettings1764100000600,
  TreeLifecycle1764100002000,
  CarryForward1764100003000,
  MonitoringRuleSettings1764100005000,
  RemindersAndMail1764100006000,
  ReporterUserRestrict1764100009000,
  SessionChangeNotify1764100010000,
  ReportSeriesIndex1764100011000,
];
