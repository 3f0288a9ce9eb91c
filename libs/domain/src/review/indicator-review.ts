import { asLevel1, level1For, normalizeLevelName, type Level1 } from '../indicator/indicator-levels';
import { formatNumber } from '../shared/number.util';
import { parseTarget } from '../target/target-parser';
import { normalizeText, operatorAfter, operatorBefore, readQuantity } from '../target/target-text.util';
import { RATIO_NAME } from '../target/target-vocabulary';
import type { Target } from '../target/target.types';
import { findingOf, ruleEnabled } from './target-review-rules';
import { messages } from '../messages/domain-messages';
import type { DomainMessages } from '../messages/zh-cn.messages';
import type { ReviewFinding, ReviewIndicator, ReviewOptions, ReviewRuleId } from './target-review.types';

// Wording that promises a change without saying how much (docs/domain.md §8, §9).
const VAGUE_WORDS =
  /有所|明显|显著|进一步|逐步|不断|持续|大幅|稳步|提高|提升|改善|增强|加强|优化|完善|好转|促进|推动|推进|保障|有效|良好|较好|积极|努力/;

// Inputs of a project (money arrived, staff assigned, goods bought) that are not its results.
const INPUT_WORDS =
  /资金到位|经费到位|资金落实|经费落实|预算执行|人员配备|人员到位|配备人员|物资(?:采购|配备|到位)|设备(?:采购|配备|到位)/;

// 二级 whose targets must be figures: counts, deadlines; and every 成本 indicator.
const MEASURED_LEVEL2 = new Set(['数量指标', '时效指标']);

const QUANTITATIVE = new Set<Target['operator']>(['>=', '>', '=', '<', '<=', 'between']);

const SATISFACTION = /满意/;

/** The 一级 of an indicator: its 二级 decides (docs/domain.md §3), else the 一级 cell. */
export function level1Of(indicator: Pick<ReviewIndicator, 'level1' | 'level2'>): Level1 | undefined {
  return level1For(indicator.level2) ?? asLevel1(indicator.level1);
}

const compact = (text: string): string => text.replace(/\s+/g, '');

/** The structured reading the review judges: the stored one, else libs/domain's parseTarget. */
export function readingOf(indicator: ReviewIndicator, year?: number): Target {
  if (indicator.parsed) return indicator.parsed;
  return parseTarget(indicator.target, {
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    previous: indicator.prev1 ?? undefined,
    year,
  });
}

// A count, amount, rate or range, not zero tolerance (0 needs neither operator nor unit).
const measured = (part: Target): boolean =>
  QUANTITATIVE.has(part.operator) &&
  part.accumulation !== 'zero-tolerance' &&
  part.accumulation !== 'relative';

const partsOf = (target: Target): Target[] => target.parts ?? [target];

// Whether the comparison was written (≥, 以上, 不低于 …) or only inferred from the indicator's place.
function operatorWritten(part: Target): boolean {
  if (part.confidence === 'explicit' || part.operator === 'between') return true;
  const quantity = readQuantity(normalizeText(part.raw));
  return (
    quantity !== undefined &&
    (operatorBefore(quantity.before).operator ?? operatorAfter(quantity.after).operator) !== undefined
  );
}

// The unit as written: '%' the parser took from a ratio name ("完成率 95") was not written.
function unitWritten(part: Target, indicator: ReviewIndicator): boolean {
  if (indicator.unit) return true;
  if (part.unit === undefined) return false;
  return part.unit !== '%' || /[%％‰]/.test(part.raw);
}

const shown = (value: number, unit: string | undefined): string => `${formatNumber(value)}${unit ?? ''}`;

const V = (): DomainMessages['review'] => messages().review;

type Check = (indicator: ReviewIndicator, reading: Target, level1: Level1 | undefined) => string | undefined;

// One check per rule; each returns the message of its finding, or undefined.
const CHECKS: ReadonlyArray<[ReviewRuleId, Check]> = [
  [
    'vague-target',
    ({ target }, reading) => {
      const text = normalizeText(target);
      if (/\d/.test(text) || !VAGUE_WORDS.test(text)) return undefined;
      // 稳步增长 against a numeric 上年 is measurable.
      if (reading.accumulation === 'relative' && reading.value !== undefined) return undefined;
      return V().vague(target);
    },
  ],
  [
    'qualitative-quantity',
    ({ level2 }, reading, level1) => {
      if (reading.operator !== 'qualitative' || reading.confidence === 'unparsed') return undefined;
      const place = normalizeLevelName(level2);
      if (level1 === '成本指标') return V().qualitativeCost(reading.raw);
      return MEASURED_LEVEL2.has(place) ? V().qualitativePlace(place, reading.raw) : undefined;
    },
  ],
  [
    'missing-operator',
    (_indicator, reading) => {
      const part = partsOf(reading).find((p) => measured(p) && !operatorWritten(p));
      return part && V().missingOperator(part.raw, part.operator);
    },
  ],
  [
    'missing-unit',
    (indicator, reading) => {
      const part = partsOf(reading).find((p) => measured(p) && !unitWritten(p, indicator));
      return part && V().missingUnit(part.raw);
    },
  ],
  [
    'rate-over-100',
    ({ name }, reading, level1) => {
      const rate = RATIO_NAME.test(compact(name)) || SATISFACTION.test(name) || level1 === '满意度指标';
      if (!rate) return undefined;
      const part = partsOf(reading).find((p) => p.unit === '%' && Math.max(p.value ?? 0, p.max ?? 0) > 100);
      return part && V().rateOver100(part.raw);
    },
  ],
  [
    'input-as-output',
    ({ name }, _reading, level1) =>
      (level1 === '产出指标' || level1 === '效益指标') && INPUT_WORDS.test(compact(name))
        ? V().inputAsOutput(level1)
        : undefined,
  ],
  [
    'satisfaction-misplaced',
    ({ name }, _reading, level1) => {
      if (level1 === undefined) return undefined;
      const satisfaction = SATISFACTION.test(name);
      if (satisfaction && level1 !== '满意度指标') return V().satisfactionElsewhere(level1);
      if (!satisfaction && level1 === '满意度指标') return V().notSatisfaction;
      return undefined;
    },
  ],
  [
    'not-above-last-year',
    (indicator, reading) => {
      if (
        reading.direction !== 'higher' ||
        reading.accumulation === 'relative' ||
        reading.value === undefined
      )
        return undefined;
      if (!indicator.prev1 || reading.confidence === 'unparsed') return undefined;
      const last = parseTarget(indicator.prev1, {
        level1: indicator.level1,
        level2: indicator.level2,
        name: indicator.name,
      });
      if (last.value === undefined || last.unit !== reading.unit) return undefined;
      // A rate already at 100 % cannot be raised.
      if (reading.unit === '%' && reading.value >= 100) return undefined;
      if (reading.value > last.value) return undefined;
      return V().notAboveLastYear(shown(reading.value, reading.unit), shown(last.value, last.unit));
    },
  ],
  [
    'unreadable-target',
    ({ target }, reading) =>
      reading.confidence === 'unparsed' ? V().unreadable(target, reading.note as string) : undefined,
  ],
];

/**
 * The review of one 三级指标 on its own (docs/domain.md §9): what the editor shows as the target is typed, and
 * the per-indicator part of a tree's review. Rules the department-year switched off are skipped.
 */
export function reviewIndicator(indicator: ReviewIndicator, options: ReviewOptions = {}): ReviewFinding[] {
  const reading = readingOf(indicator, options.year);
  const level1 = level1Of(indicator);
  const findings: ReviewFinding[] = [];
  for (const [id, check] of CHECKS) {
    if (!ruleEnabled(id, options.switches)) continue;
    const message = check(indicator, reading, level1);
    if (message !== undefined) findings.push(findingOf(id, V().finding(indicator.name, message)));
  }
  return findings;
}
