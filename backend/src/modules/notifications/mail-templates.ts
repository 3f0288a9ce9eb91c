import { LIGHT_NAMES, monthOf, yearOf } from '@jixiao/domain';
import type { DigestResponse } from './dto/digest.response';

/** One e-mail: a subject, a plain-text body and the same as simple HTML. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** What a reporter's notification says: a month returned (with the reason), overdue or due soon. */
export interface ReportNotice {
  kind: 'report-returned' | 'report-overdue' | 'report-due';
  displayName: string;
  departmentName: string;
  /** The project's name, or 部门整体 for the department-wide goals. */
  unitName: string;
  period: string;
  dueDate: string;
  reason: string | null;
}

const SIGNATURE = 'Jixiao 绩效（系统自动发送，请勿回复）';

export const periodLabel = (period: string): string => `${yearOf(period)}年${monthOf(period)}月`;

export const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
  `<body style="font-family:'PingFang SC','Microsoft YaHei',sans-serif;font-size:14px;color:#222;line-height:1.6">` +
  `${body}<p style="color:#888;font-size:12px">${escapeHtml(SIGNATURE)}</p></body></html>`;

const NOTICE_TITLES: Record<ReportNotice['kind'], string> = {
  'report-returned': '填报被退回',
  'report-overdue': '填报已逾期',
  'report-due': '填报即将到期',
};

/** The e-mail of a reporter's notification, in Chinese. */
export function reportNoticeMail(notice: ReportNotice): MailContent {
  const what = `${notice.departmentName}“${notice.unitName}”${periodLabel(notice.period)}的监控填报`;
  const body =
    notice.kind === 'report-returned'
      ? [`${what}已被部门领导退回，请修改后重新提交。`, `退回原因：${notice.reason ?? ''}`]
      : notice.kind === 'report-overdue'
        ? [`${what}已过截止日 ${notice.dueDate}，尚未提交，请尽快填报并提交。`]
        : [`${what}将于 ${notice.dueDate} 截止，尚未提交，请按时填报并提交。`];
  const subject = `【绩效监控】${notice.unitName} ${periodLabel(notice.period)} ${NOTICE_TITLES[notice.kind]}`;
  const greeting = `${notice.displayName}，您好：`;
  const action = '请登录绩效监控系统，在“填报 → 我的项目”中处理。';
  return {
    subject,
    text: [greeting, '', ...body, '', action, '', `——${SIGNATURE}`].join('\n'),
    html: page(subject, [greeting, ...body, action].map((line) => `<p>${escapeHtml(line)}</p>`).join('')),
  };
}

type Flagged = DigestResponse['flagged'][number];

const indicatorName = (row: Flagged): string => `${row.projectName} / ${row.indicatorName}`;

const projected = (row: Flagged): string =>
  row.projection
    ? `预计年末 ${row.projection.value}${row.targetUnit ?? ''}（${LIGHT_NAMES[row.projection.light]}），目标 ${row.targetRaw}`
    : `目标 ${row.targetRaw}`;

/** The sections of a digest, each a heading and its lines; "无" when empty. */
function digestSections(digest: DigestResponse): { heading: string; lines: string[] }[] {
  const red = digest.flagged.filter((row) => row.light === 'red').length;
  return [
    {
      heading: `一、预警指标（红灯 ${red} 项，黄灯 ${digest.flagged.length - red} 项）`,
      lines: digest.flagged.map(
        (row) => `【${LIGHT_NAMES[row.light]}】${indicatorName(row)}：${row.lightReason}`,
      ),
    },
    {
      heading: `二、预计年末未达标（${digest.projectedMisses.length} 项）`,
      lines: digest.projectedMisses.map(
        (row) =>
          `${indicatorName(row)}：${projected(row)}。${row.projection ? `推算：${row.projection.explanation}` : ''}`,
      ),
    },
    {
      heading: `三、逾期未提交的报告（${digest.overdue.length} 份）`,
      lines: digest.overdue.map(
        (row) =>
          `${row.projectName} ${periodLabel(row.period)}：截止日 ${row.dueDate}，已逾期 ${row.daysOverdue} 天`,
      ),
    },
  ];
}

/** The monthly leadership digest (领导月度摘要) as an e-mail, in Chinese. */
export function digestMail(displayName: string, digest: DigestResponse): MailContent {
  const subject = `【绩效监控】${digest.department.name} ${periodLabel(digest.period)} 领导月度摘要`;
  const intro = `${digest.department.name}截至${periodLabel(digest.period)}的绩效运行监控摘要（${digest.today} 生成）：共 ${digest.counts.total} 项年度指标，红灯 ${digest.counts.red} 项，黄灯 ${digest.counts.yellow} 项，未填报 ${digest.counts.grey} 项。`;
  const budget =
    digest.budget.rate === null
      ? '预算执行：尚未填报。'
      : `预算执行：执行率 ${digest.budget.rate}%，时间进度 ${digest.budget.pace}%（${LIGHT_NAMES[digest.budget.light]}）。`;
  const sections = digestSections(digest);
  const greeting = `${displayName}，您好：`;
  const text = [
    greeting,
    '',
    intro,
    budget,
    ...sections.flatMap((section) => [
      '',
      section.heading,
      ...(section.lines.length ? section.lines.map((line, i) => `  ${i + 1}. ${line}`) : ['  无']),
    ]),
    '',
    '完整的可打印摘要请登录绩效监控系统查看。',
    '',
    `——${SIGNATURE}`,
  ].join('\n');
  const html = page(
    subject,
    `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p><p>${escapeHtml(budget)}</p>` +
      sections
        .map(
          (section) =>
            `<h3 style="font-size:15px;margin:16px 0 4px">${escapeHtml(section.heading)}</h3>` +
            (section.lines.length
              ? `<ol>${section.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ol>`
              : '<p>无</p>'),
        )
        .join('') +
      '<p>完整的可打印摘要请登录绩效监控系统查看。</p>',
  );
  return { subject, text, html };
}
