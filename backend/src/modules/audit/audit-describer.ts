import {
  AUDIT_FIELD_LABELS,
  AUDIT_VALUE_LABELS,
  type AuditFieldLabel,
  LIGHT_NAMES,
  type Light,
  REVIEW_STATUS_LABELS,
  type ReviewStatus,
  auditActionLabel,
  yuanToWan,
} from '@jixiao/domain';

/** The names an entry's entity ids stand for, resolved in SQL for a whole page at once. */
export interface AuditSubject {
  project: string | null;
  indicator: string | null;
  goal: string | null;
  period: string | null;
  department: string | null;
  year: number | null;
  user: string | null;
}

export interface AuditEntryFacts {
  action: string;
  entity: string;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

export interface AuditChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
/** How many changes the one-line summary quotes (the first, the one typed); all are in the list. */
const SUMMARY_CHANGES = 1;

function datetime(value: unknown): string {
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  return new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function listItem(item: unknown): string {
  if (item && typeof item === 'object') {
    const named = item as { displayName?: unknown; username?: unknown; name?: unknown };
    return String(named.displayName || named.username || named.name || JSON.stringify(item));
  }
  return String(item);
}

/** A snapshot value as people read it: money in 万元, lights and states by name, times in China time. */
export function formatAuditValue(value: unknown, { format }: AuditFieldLabel): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (format) {
    case 'money-yuan': {
      const yuan = Number(value);
      return Number.isFinite(yuan)
        ? `${yuanToWan(yuan).toLocaleString('zh-CN', { maximumFractionDigits: 6 })} 万元`
        : String(value);
    }
    case 'light':
      return LIGHT_NAMES[value as Light] ?? String(value);
    case 'status':
      return REVIEW_STATUS_LABELS[value as ReviewStatus] ?? String(value);
    case 'datetime':
      return datetime(value);
    case 'boolean':
      return value ? '是' : '否';
    case 'list':
      return Array.isArray(value) ? value.map(listItem).join('、') || null : String(value);
    case 'role':
    case 'login-failure':
    case 'locale':
      return AUDIT_VALUE_LABELS[format]?.[String(value)] ?? String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** The labelled fields whose shown value differs between before and after (all set ones for a creation). */
export function auditChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const [field, label] of Object.entries(AUDIT_FIELD_LABELS)) {
    if (!(before && field in before) && !(after && field in after)) continue;
    const was = formatAuditValue(before?.[field], label);
    const now = formatAuditValue(after?.[field], label);
    if (was !== now) changes.push({ field, label: label.label, before: was, after: now });
  }
  return changes;
}

/** What the entry was done to: project · indicator · month, or the department and year, or the user. */
function subjectOf(entry: AuditEntryFacts, subject: AuditSubject): string {
  if (entry.action.startsWith('auth.')) return '';
  const fileName = entry.after?.fileName;
  const parts = [
    subject.project ??
      (subject.department ? `${subject.department}${subject.year ? ` ${subject.year} 年` : ''}` : null),
    subject.indicator ?? subject.goal,
    entry.entity === 'budget-execution' ? '预算执行' : null,
    subject.period,
    subject.user,
    entry.action === 'export.download' && typeof fileName === 'string' ? fileName : null,
  ];
  return parts.filter((part): part is string => !!part).join(' · ');
}

const quote = (change: AuditChange): string =>
  change.before === null
    ? `${change.label} ${change.after ?? '—'}`
    : `${change.label} ${change.before} → ${change.after ?? '—'}`;

/** One Chinese sentence: who did what to which project, indicator and month, and the first changes. */
export function describeAuditEntry(
  entry: AuditEntryFacts,
  subject: AuditSubject,
): { summary: string; changes: AuditChange[] } {
  // The entry's own reason is said once, at the end, not again as a change of the row.
  const changes = auditChanges(entry.before, entry.after).filter(
    (change) => !(change.field === 'reason' && change.after === entry.reason),
  );
  const words = [entry.actorName ?? '系统', auditActionLabel(entry.action), subjectOf(entry, subject)];
  const quoted = changes.slice(0, SUMMARY_CHANGES).map(quote);
  let summary = [...words, ...quoted].filter(Boolean).join(' ');
  if (entry.reason) summary += `（原因：${entry.reason}）`;
  return { summary, changes };
}
