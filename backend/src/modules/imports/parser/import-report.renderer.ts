import { REVIEW_RULES, REVIEW_SEVERITY_LABELS } from '@jixiao/domain';
import type {
  Finding,
  FindingKind,
  ImportReport,
  RecoveryKind,
  ReportLocation,
  TargetReviewSection,
} from './import-report.types';

const RECOVERY_LABELS: Record<RecoveryKind, string> = {
  'merged-cells': '合并单元格',
  'shifted-row': '错位行',
  'page-break-join': '跨页拆分',
  'name-whitespace': '名称断行空格',
  'wrong-parent': '二级挂错一级',
  'missing-header': '表头缺失',
  'truncated-section': '结尾缺失',
  'truncated-name': '名称截断',
  typo: '疑似录入错误',
  'stray-cell': '多余单元格',
};

const FINDING_LABELS: Record<FindingKind, string> = {
  balance: '收支平衡',
  'column-parts': '分项合计',
  'children-sum': '上下级合计',
  'total-sum': '合计行',
  'project-sum': '项目明细合计',
  share: '占比',
  'cross-table': '跨表一致',
  missing: '缺失',
  inconsistent: '前后不一致',
  'unknown-level': '未知指标层级',
};

const TERM_LABELS = { long: '长期', annual: '年度' } as const;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function where(location: ReportLocation): string {
  const parts = [location.table, location.project, location.part];
  if (location.line !== undefined) parts.push(`第 ${location.line} 行`);
  if (location.row) parts.push(`「${shorten(location.row)}」`);
  return parts.filter((part) => part !== undefined && part !== '').join(' · ');
}

function amount(value: number | undefined): string {
  return value === undefined ? '' : String(Number(value.toFixed(4)));
}

function difference(finding: Finding): string {
  if (finding.expected === undefined || finding.actual === undefined) return '';
  const diff = Number((finding.actual - finding.expected).toFixed(4));
  const text = diff > 0 ? `+${diff}` : String(diff);
  return Math.abs(diff) <= 0.01 + 1e-9 ? `${text}（疑为四舍五入尾差）` : text;
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

function countBy<T extends string>(items: { kind: T }[], labels: Record<T, string>): string {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${labels[kind]} ${count}`).join('，');
}

/** The import report as markdown (Chinese), for the admin and for seeds/*.import-report.md. */
export function renderImportReport(report: ImportReport): string {
  const { counts } = report;
  const overallLong = counts.overall
    .filter((g) => g.term === 'long')
    .reduce((sum, g) => sum + g.indicators, 0);
  const overallAnnual = counts.overall
    .filter((g) => g.term === 'annual')
    .reduce((sum, g) => sum + g.indicators, 0);
  const projectLong = counts.projects.reduce((sum, p) => sum + p.longTermIndicators, 0);
  const projectAnnual = counts.projects.reduce((sum, p) => sum + p.annualIndicators, 0);
  const withTable = counts.projects.filter((p) => p.section !== null).length;
  const sumFindings = report.findings.filter((f) => f.expected !== undefined).length;
  const review = report.targetReview;

  const lines: string[] = [
    `# 导入报告：${report.department.name}（${report.department.code}）${report.year} 年部门预算`,
    '',
    '## 概要',
    '',
    `- 识别到 ${report.tables.length} 张表；缺失：${report.missingTables.length > 0 ? report.missingTables.join('、') : '无'}`,
    `- 项目：表10 共 ${counts.projects.length} 个，其中 ${withTable} 个有表12 项目支出绩效目标表`,
    `- 三级指标：部门整体长期 ${overallLong} 个、年度 ${overallAnnual} 个；项目长期 ${projectLong} 个、年度 ${projectAnnual} 个`,
    `- 指标值结构化（libs/domain parseTarget）：明确 ${report.targets.explicit} 个、推断 ${report.targets.inferred} 个、未能识别 ${report.targets.unparsed} 个（原文保留，需人工确认）`,
    `- 修复 ${report.recoveries.length} 处${report.recoveries.length > 0 ? `（${countBy(report.recoveries, RECOVERY_LABELS)}）` : ''}`,
    `- 目标质量审查（${review.switched ? '按本部门本年度的规则设置' : '默认启用的规则'}）：发现 ${review.counts.total} 项（错误 ${review.counts.error}，警告 ${review.counts.warning}，提示 ${review.counts.info}）`,
    `- 勾稽检查 ${report.checksRun} 项，金额不符 ${sumFindings} 项；发现共 ${report.findings.length} 项${report.findings.length > 0 ? `（${countBy(report.findings, FINDING_LABELS)}）` : ''}`,
    '- 所有金额单位为万元，按原文导入，未作任何调整；指标值、前年、上年、确定依据均保留原文。',
    '',
    '## 识别到的表',
    '',
    ...table(
      ['表号', '标题', '行号'],
      report.tables.map((t) => [t.code, t.caption, String(t.line)]),
    ),
    '',
    '## 指标数量',
    '',
    '### 部门整体（表11）',
    '',
    ...table(
      ['目标', '期限', '三级指标数'],
      [
        ...counts.overall.map((g) => [g.label, TERM_LABELS[g.term], String(g.indicators)]),
        ['合计', '', String(overallLong + overallAnnual)],
      ],
    ),
    '',
    '### 项目（按表10 顺序）',
    '',
    ...table(
      ['序号', '项目', '项目编码', '表12', '长期目标指标', '年度目标指标'],
      [
        ...counts.projects.map((p) => [
          String(p.seq),
          p.name,
          p.code ?? '—',
          p.section === null ? '无' : `(${p.section})`,
          String(p.longTermIndicators),
          String(p.annualIndicators),
        ]),
        ['合计', '', '', '', String(projectLong), String(projectAnnual)],
      ],
    ),
    '',
    '## 需人工确认的指标值',
    '',
  ];
  if (report.targets.unread.length === 0) {
    lines.push('无。');
  } else {
    lines.push(
      ...table(
        ['#', '位置', '指标值原文', '说明'],
        report.targets.unread.map((entry, i) => [
          String(i + 1),
          where(entry.location),
          entry.raw,
          entry.note,
        ]),
      ),
    );
  }
  lines.push('', ...renderTargetReview(report.targetReview));
  lines.push('', '## 修复记录', '');
  if (report.recoveries.length === 0) {
    lines.push('无。');
  } else {
    lines.push(
      ...table(
        ['#', '类型', '位置', '处理'],
        report.recoveries.map((r, i) => [
          String(i + 1),
          RECOVERY_LABELS[r.kind],
          where(r.location),
          r.action,
        ]),
      ),
    );
  }
  lines.push('', '## 勾稽与完整性发现', '');
  if (report.findings.length === 0) {
    lines.push('无。');
  } else {
    lines.push(
      ...table(
        ['#', '类型', '位置', '说明', '应为', '原文', '差额'],
        report.findings.map((f, i) => [
          String(i + 1),
          FINDING_LABELS[f.kind],
          where(f.location),
          f.message,
          amount(f.expected),
          amount(f.actual),
          difference(f),
        ]),
      ),
    );
  }
  lines.push('');
  return lines.join('\n');
}

/** The 目标质量审查 section: each rule found with its hint once, then every finding with its place. */
export function renderTargetReview(review: TargetReviewSection): string[] {
  const lines = ['## 目标质量审查', ''];
  if (review.switched)
    lines.push(
      `本部门本年度的规则设置：${review.switched
        .map(
          (rule) =>
            `${rule.enabled ? '启用' : '停用'}“${rule.title}”${rule.reason ? `（${rule.reason}）` : ''}`,
        )
        .join('；')}。`,
      '',
    );
  if (review.findings.length === 0) return [...lines, '无。'];
  const used = REVIEW_RULES.filter((rule) => review.findings.some((f) => f.ruleId === rule.id));
  return [
    ...lines,
    ...table(
      ['规则', '严重程度', '发现数', '修改建议'],
      used.map((rule) => [
        rule.title,
        REVIEW_SEVERITY_LABELS[rule.severity],
        String(review.findings.filter((f) => f.ruleId === rule.id).length),
        rule.fixHint,
      ]),
    ),
    '',
    ...table(
      ['#', '严重程度', '规则', '位置', '问题'],
      review.findings.map((f, i) => [
        String(i + 1),
        REVIEW_SEVERITY_LABELS[f.severity],
        f.title,
        where(f.location),
        f.message,
      ]),
    ),
  ];
}
