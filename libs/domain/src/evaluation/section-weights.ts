import { asLevel1 } from '../indicator/indicator-levels';
import { messages } from '../messages/domain-messages';

// Scoring sections of the self-evaluation: 预算执行率, 产出 (with 成本), 效益, 满意度.
export type Section = 'budget' | 'output' | 'benefit' | 'satisfaction';

export type SectionWeights = Record<Section, number>;

export const DEFAULT_SECTION_WEIGHTS: Readonly<SectionWeights> = {
  budget: 10,
  output: 50,
  benefit: 30,
  satisfaction: 10,
};

const LEVEL1_SECTIONS: Readonly<Record<string, Section>> = {
  成本指标: 'output',
  产出指标: 'output',
  效益指标: 'benefit',
  满意度指标: 'satisfaction',
};

// The section an indicator scores in, from its 一级指标.
export function sectionFor(level1: string): Section | undefined {
  const name = asLevel1(level1);
  return name === undefined ? undefined : LEVEL1_SECTIONS[name];
}

export interface WeightedIndicator {
  level1: string; // 一级指标
  weight?: number; // 分值 set by the admin; absent means an equal share of what the section has left
}

/**
 * Weights (分值) per indicator: the admin's where set, otherwise an equal split of what is left of the section,
 * in cents so that a section of 50 over 3 indicators gives 16.67 + 16.67 + 16.66. Unknown 一级 names get 0
 * and are reported by validateWeights.
 */
export function assignWeights(
  indicators: readonly WeightedIndicator[],
  sections: Partial<SectionWeights> = {},
): number[] {
  const weights = { ...DEFAULT_SECTION_WEIGHTS, ...sections };
  const result = indicators.map((indicator) => indicator.weight ?? 0);
  for (const section of ['output', 'benefit', 'satisfaction'] as const) {
    const members = indicators
      .map((indicator, index) => ({ indicator, index }))
      .filter(({ indicator }) => sectionFor(indicator.level1) === section);
    const open = members.filter(({ indicator }) => indicator.weight === undefined);
    const given = members.reduce((sum, { indicator }) => sum + (indicator.weight ?? 0), 0);
    const leftCents = Math.max(0, Math.round((weights[section] - given) * 100));
    open.forEach(({ index }, position) => {
      const cents = Math.floor(leftCents / open.length) + (position < leftCents % open.length ? 1 : 0);
      result[index] = cents / 100;
    });
  }
  return result;
}

export interface WeightCheck {
  valid: boolean;
  total: number;
  problems: string[]; // Chinese, one per problem
}

// The total (预算执行率 + all indicator weights) must be 100; every weight a non-negative number.
export function validateWeights(
  indicators: ReadonlyArray<{ level1: string; weight: number }>,
  sections: Partial<SectionWeights> = {},
): WeightCheck {
  const weights = { ...DEFAULT_SECTION_WEIGHTS, ...sections };
  const problems: string[] = [];
  indicators.forEach(({ level1, weight }, index) => {
    if (!(Number.isFinite(weight) && weight >= 0)) problems.push(messages().weights.negative(index));
    if (sectionFor(level1) === undefined) problems.push(messages().weights.unknownLevel(index, level1));
  });
  for (const section of ['output', 'benefit', 'satisfaction'] as const) {
    const used = indicators.some(({ level1 }) => sectionFor(level1) === section);
    if (!used && weights[section] > 0)
      problems.push(messages().weights.emptySection(messages().sectionNames[section], weights[section]));
  }
  const total =
    Math.round((weights.budget + indicators.reduce((sum, { weight }) => sum + weight, 0)) * 100) / 100;
  if (total !== 100) problems.push(messages().weights.total(total));
  return { valid: problems.length === 0, total, problems };
}
