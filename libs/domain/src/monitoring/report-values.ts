// The value lists of a monitoring report (docs/domain.md §5); DTOs, database CHECKs and the UI import them.

// 完成目标可能性
export const LIKELIHOODS = ['确定能', '有可能', '完全不可能'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

// 偏差原因
export const DEVIATION_REASONS = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;
export type DeviationReason = (typeof DEVIATION_REASONS)[number];

// 达成情况 of a qualitative indicator
export const JUDGEMENTS = ['达成', '部分达成', '未达成'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];
