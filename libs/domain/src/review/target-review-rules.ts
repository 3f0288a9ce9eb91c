import type {
  ReviewFinding,
  ReviewRule,
  ReviewRuleId,
  ReviewSeverity,
  ReviewSwitches,
  SeverityCounts,
} from './target-review.types';

/**
 * The rule table of the target-quality review (docs/domain.md §9), from the national and provincial guides
 * on setting targets: data, so that a department-year can switch a rule off (with a reason) or on.
 */
// prettier-ignore
export const REVIEW_RULES: readonly ReviewRule[] = [
  { id: 'vague-target', severity: 'error', scope: 'indicator', defaultEnabled: true,
    title: '指标值不可衡量：用语模糊、没有数值',
    fixHint: '写明数值或可核验的标准（比较符＋数值＋单位，如“≥95%”“≤30 个工作日”），避免“有所提升”“进一步加强”等表述' },
  { id: 'qualitative-quantity', severity: 'error', scope: 'indicator', defaultEnabled: true,
    title: '数量、时效、成本指标使用了定性指标值',
    fixHint: '数量指标写明数量和单位，时效指标写明完成时限或截止日期，成本指标写明金额上限或标准' },
  { id: 'missing-operator', severity: 'warning', scope: 'indicator', defaultEnabled: true,
    title: '定量指标值未写比较符',
    fixHint: '在数值前写明“≥”“≤”“=”等比较符，避免按推断理解' },
  { id: 'missing-unit', severity: 'warning', scope: 'indicator', defaultEnabled: true,
    title: '定量指标值未写计量单位',
    fixHint: '在数值后写明计量单位（%、人、次、万元等），完成值须按同一单位填写' },
  { id: 'rate-over-100', severity: 'error', scope: 'indicator', defaultEnabled: true,
    title: '比率类指标的百分比超过 100%',
    fixHint: '比率、覆盖率、满意度不能超过 100%，请核对数值或改用增长幅度等其他表述' },
  { id: 'input-as-output', severity: 'warning', scope: 'indicator', defaultEnabled: true,
    title: '以投入代替产出或效益',
    fixHint: '资金到位、人员配备、物资采购是投入而非结果，请改为项目实际提供的产品、服务或带来的效益' },
  { id: 'satisfaction-misplaced', severity: 'error', scope: 'indicator', defaultEnabled: true,
    title: '满意度指标与效益指标混用',
    fixHint: '满意度只放在“满意度指标—服务对象满意度指标”下；满意度指标下只放服务对象的满意程度' },
  { id: 'goal-missing-level1', severity: 'error', scope: 'goal', defaultEnabled: true,
    title: '目标缺少产出、效益或满意度指标',
    fixHint: '每个绩效目标应同时设置产出指标、效益指标和满意度指标' },
  { id: 'goal-missing-cost', severity: 'warning', scope: 'goal', defaultEnabled: false,
    title: '目标缺少成本指标',
    fixHint: '按本年度规则设置成本指标（经济成本、社会成本或生态环境成本），写明成本上限或标准' },
  { id: 'too-few-indicators', severity: 'warning', scope: 'goal', defaultEnabled: true,
    title: '目标的三级指标少于 3 个',
    fixHint: '每个绩效目标至少设置 3 个三级指标，覆盖产出、效益和满意度' },
  { id: 'not-above-last-year', severity: 'warning', scope: 'indicator', defaultEnabled: true,
    title: '正向指标的目标值不高于上年实际',
    fixHint: '目标值应高于上年实际完成值；目标设得偏低，年终超额完成反而会被扣分' },
  { id: 'same-as-long-term', severity: 'info', scope: 'tree', defaultEnabled: true,
    title: '年度指标值与长期目标完全相同',
    fixHint: '年度目标是长期目标的年度分解，请按当年计划写出当年应达到的数值' },
  { id: 'duplicate-indicator', severity: 'error', scope: 'goal', defaultEnabled: true,
    title: '同一目标内三级指标重复',
    fixHint: '合并重复的指标，或改名以区分各自衡量的内容' },
  { id: 'unreadable-target', severity: 'error', scope: 'indicator', defaultEnabled: true,
    title: '指标值无法识别',
    fixHint: '改写为“比较符＋数值＋单位”、截止日期或明确的定性标准，再由管理员核对结构化理解' },
];

const RULES_BY_ID = new Map(REVIEW_RULES.map((rule) => [rule.id, rule]));

export function reviewRule(id: ReviewRuleId): ReviewRule {
  return RULES_BY_ID.get(id) as ReviewRule;
}

export function isReviewRuleId(id: string): id is ReviewRuleId {
  return RULES_BY_ID.has(id as ReviewRuleId);
}

export function ruleEnabled(id: ReviewRuleId, switches: ReviewSwitches = {}): boolean {
  return switches[id] ?? reviewRule(id).defaultEnabled;
}

/** A finding of a rule, with the rule's severity, title and fix hint. */
export function findingOf(id: ReviewRuleId, message: string): ReviewFinding {
  const { severity, title, fixHint } = reviewRule(id);
  return { ruleId: id, severity, title, message, fixHint };
}

export function countBySeverity(findings: readonly { severity: ReviewSeverity }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, total: findings.length };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export const REVIEW_SEVERITY_LABELS: Readonly<Record<ReviewSeverity, string>> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};
