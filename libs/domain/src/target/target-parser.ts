import { asLevel1, level1For, normalizeLevelName, type Level1 } from '../indicator/indicator-levels';
import { messages } from '../messages/domain-messages';
import type { DomainMessages } from '../messages/zh-cn.messages';
import { findDate } from '../shared/date.util';
import { formatNumber } from '../shared/number.util';
import {
  looksLikeUnit,
  normalizeText,
  operatorAfter,
  operatorBefore,
  readQuantity,
  readRange,
  toQuantity,
  type Quantity,
} from './target-text.util';
import type { Accumulation, Confidence, Direction, Operator, Target, TargetContext } from './target.types';
import { readDeadlineText } from './deadline-text.util';
import {
  DEADLINE_MARKER,
  DEADLINE_WORDS,
  LEADING_VERBS,
  QUALITATIVE_PATTERNS,
  QUALITATIVE_WORDS,
  RATIO_NAME,
  TIME_LIMIT_NAME,
  TIME_VOLUME_NAME,
  RELATIVE_AT_LEAST,
  RELATIVE_HIGHER,
  ZERO_WORDS,
} from './target-vocabulary';

const NOTE = (): DomainMessages['note'] => messages().note;

interface Reading {
  level1?: Level1;
  level2?: string;
  name?: string;
}

type UnitKind = 'percent' | 'money' | 'money-rate' | 'time' | 'count';

const TIME_UNITS: ReadonlySet<string> = new Set([
  '秒',
  '分钟',
  '小时',
  '天',
  '周',
  '工作日',
  '个工作日',
  '个月',
]);

/**
 * Reads a published 指标值 into a structured target (docs/domain.md §4). Text decides when it can; the indicator's
 * 一级/二级 context decides what text alone cannot (then confidence is 'inferred' and `note` says why). Text it
 * cannot read is kept as 'unparsed' and never guessed.
 */
export function parseTarget(raw: string, context: TargetContext = {}): Target {
  const text = normalizeText(raw);
  if (text === '') return unparsed(raw, NOTE().empty);
  const dated = readDeadlineText(text, context.year);
  if (dated) {
    return {
      raw,
      operator: 'by-date',
      ...(dated.deadline === undefined ? {} : { deadline: dated.deadline }),
      direction: 'lower',
      accumulation: 'deadline',
      confidence: 'inferred',
      note: dated.note,
    };
  }
  if (!/\d/.test(text)) return parseWords(raw, text.replace(LEADING_VERBS, ''), context);
  const reading = readContext(context);
  return (
    parseDeadline(raw, text) ??
    parseRange(raw, text, reading) ??
    parseAllOf(raw, text, context) ??
    parseSingle(raw, text, reading) ??
    unparsed(raw, NOTE().unparsed)
  );
}

function readContext(context: TargetContext): Reading {
  const level2 = context.level2 === undefined ? undefined : normalizeLevelName(context.level2);
  const fromLevel2 = level2 === undefined ? undefined : level1For(level2);
  return {
    // The 二级 name wins over the 一级 cell: merged cells put rows under the wrong parent.
    level1: fromLevel2 ?? (context.level1 === undefined ? undefined : asLevel1(context.level1)),
    level2: fromLevel2 ? level2 : undefined,
    name: context.name?.replace(/\s+/g, ''),
  };
}

function unparsed(raw: string, note: string): Target {
  return {
    raw,
    operator: 'qualitative',
    direction: 'none',
    accumulation: 'qualitative',
    confidence: 'unparsed',
    note,
  };
}

function withNotes(target: Target, notes: string[]): Target {
  return notes.length > 0 ? { ...target, note: messages().explain.steps(notes) } : target;
}

function parseWords(raw: string, text: string, context: TargetContext): Target {
  if (RELATIVE_HIGHER.some((pattern) => pattern.test(text))) return relative(raw, '>', context);
  if (RELATIVE_AT_LEAST.some((pattern) => pattern.test(text))) return relative(raw, '>=', context);
  const zero = ZERO_WORDS.exec(text);
  if (zero) {
    // "杜绝" says zero on its own; "无重大安全事故" reads zero out of a sentence.
    const target: Target = {
      raw,
      operator: '=',
      value: 0,
      direction: 'lower',
      accumulation: 'zero-tolerance',
      confidence: 'explicit',
    };
    return zero[1]
      ? withNotes({ ...target, confidence: 'inferred' }, [NOTE().textExtracted, NOTE().zeroWords])
      : target;
  }
  if (QUALITATIVE_WORDS.has(text) || QUALITATIVE_PATTERNS.some((pattern) => pattern.test(text))) {
    return {
      raw,
      operator: 'qualitative',
      direction: 'none',
      accumulation: 'qualitative',
      confidence: 'explicit',
    };
  }
  return unparsed(raw, NOTE().unparsed);
}

// 稳步增长: compared with the previous year's value, which must itself be a number to be usable.
function relative(raw: string, operator: Operator, context: TargetContext): Target {
  const target: Target = {
    raw,
    operator,
    direction: 'higher',
    accumulation: 'relative',
    confidence: 'inferred',
  };
  const base =
    context.previous === undefined
      ? undefined
      : parseTarget(context.previous, { ...context, previous: undefined });
  if (base?.value === undefined) return { ...target, note: NOTE().relativeNoBase };
  const shown = `${formatNumber(base.value)}${base.unit ?? ''}`;
  return {
    ...target,
    value: base.value,
    unit: base.unit,
    note: operator === '>' ? NOTE().relative(shown) : NOTE().relativeAtLeast(shown),
  };
}

// "2025年底完成", "2025年6月30日前".
function parseDeadline(raw: string, text: string): Target | undefined {
  const found = findDate(text);
  if (!found || found.date === undefined) return undefined;
  if (!DEADLINE_MARKER.test(text) && found.rest !== '') return undefined;
  const rest = found.rest.replace(DEADLINE_WORDS, '');
  if (/\d/.test(rest)) return undefined;
  return withNotes(
    {
      raw,
      operator: 'by-date',
      deadline: found.date,
      direction: 'lower',
      accumulation: 'deadline',
      confidence: rest ? 'inferred' : 'explicit',
    },
    rest ? [NOTE().textExtracted] : [],
  );
}

// "1-2次": both ends included.
function parseRange(raw: string, text: string, reading: Reading): Target | undefined {
  const range = readRange(text);
  if (!range || /\d/.test(range.after)) return undefined;
  // "1-2万人": multiplier and unit written once, after the upper end.
  const low = range.low.unit
    ? range.low
    : { ...range.low, unit: range.high.unit, multiplier: range.low.multiplier ?? range.high.multiplier };
  const min = toQuantity(low);
  const max = toQuantity(range.high);
  if (min.unit !== max.unit || min.value > max.value) return undefined;
  const extra = range.before.replace(LEADING_VERBS, '') + range.after;
  return withNotes(
    {
      raw,
      operator: 'between',
      min: min.value,
      max: max.value,
      unit: min.unit,
      direction: 'exact',
      accumulation: accumulationFor(
        kindIn(min.unit, reading, undefined, Boolean(range.low.multiplier ?? range.high.multiplier)),
        reading,
      ),
      confidence: extra ? 'inferred' : 'explicit',
    },
    extra ? [NOTE().textExtracted] : [],
  );
}

// "≥1 场、≥90人": every part must hold.
function parseAllOf(raw: string, text: string, context: TargetContext): Target | undefined {
  const pieces = text.split(/[、,;]|且/).filter((piece) => piece !== '');
  if (pieces.length < 2) return undefined;
  const parts = pieces.map((piece) => parseTarget(piece, { ...context, previous: undefined }));
  if (parts.some((part) => part.operator === 'qualitative')) return undefined;
  return {
    raw,
    operator: 'all-of',
    parts,
    direction: parts[0].direction,
    accumulation: parts[0].accumulation,
    confidence: parts.some((part) => part.confidence === 'inferred') ? 'inferred' : 'explicit',
  };
}

function parseSingle(raw: string, text: string, reading: Reading): Target | undefined {
  const parts = readQuantity(text);
  if (!parts || /\d/.test(parts.after)) return undefined;
  const before = operatorBefore(parts.before.replace(LEADING_VERBS, ''));
  const after = operatorAfter(parts.after);
  if (before.operator && after.operator && before.operator !== after.operator) return undefined;
  let unitText = parts.unit;
  let extra = before.rest + after.rest;
  if (!unitText && !parts.multiplier && looksLikeUnit(after.rest)) {
    unitText = after.rest;
    extra = before.rest;
  }
  const notes: string[] = [];
  if (/》/.test(raw)) notes.push(NOTE().typoGreaterEqual);
  if (!unitText && !parts.multiplier && reading.name !== undefined && RATIO_NAME.test(reading.name)) {
    unitText = '%';
    notes.push(NOTE().ratioName);
  }
  if (extra) notes.push(NOTE().textExtracted);
  const quantity = toQuantity({ ...parts, unit: unitText });
  const written = before.operator ?? after.operator;
  const kind = kindIn(quantity.unit, reading, written, parts.multiplier !== undefined);
  return fromQuantity(raw, quantity, kind, written, reading, notes, extra !== '');
}

function unitKind(unit: string | undefined): UnitKind {
  if (unit === '%' || unit === '‰') return 'percent';
  if (unit === '元') return 'money';
  if (unit?.startsWith('元/')) return 'money-rate';
  if (unit !== undefined && TIME_UNITS.has(unit)) return 'time';
  return 'count';
}

/**
 * A time amount is a limit (≤48 小时) unless it is a volume of work (1.5 万小时 of service). The wording decides
 * first: 内 / ≤ or a name such as 响应时间 make a limit, a name such as 服务时长 a volume; then 数量指标 or a
 * 万 / 亿 before the unit make a volume. A volume counts like any other quantity.
 */
function kindIn(
  unit: string | undefined,
  reading: Reading,
  written: Operator | undefined,
  multiplied: boolean,
): UnitKind {
  const kind = unitKind(unit);
  if (kind !== 'time' || written === '<=' || written === '<') return kind;
  const name = reading.name ?? '';
  if (TIME_LIMIT_NAME.test(name)) return kind;
  const volume = TIME_VOLUME_NAME.test(name) || reading.level2 === '数量指标' || multiplied;
  return volume ? 'count' : kind;
}

// Rates, limits and standards are levels (the latest value counts); counts and amounts add up over the year.
function accumulationFor(kind: UnitKind, reading: Reading): Accumulation {
  if (kind === 'percent' || kind === 'time' || kind === 'money-rate') return 'level';
  if (kind === 'money') return 'cumulative';
  const levelContext =
    reading.level2 === '质量指标' || reading.level2 === '时效指标' || reading.level1 === '满意度指标';
  return levelContext ? 'level' : 'cumulative';
}

function directionOf(operator: Operator): Direction {
  if (operator === '>=' || operator === '>') return 'higher';
  if (operator === '=') return 'exact';
  return 'lower';
}

function fromQuantity(
  raw: string,
  { value, unit }: Quantity,
  kind: UnitKind,
  written: Operator | undefined,
  reading: Reading,
  notes: string[],
  hasExtraText: boolean,
): Target {
  const where = reading.level2 ?? reading.level1;
  const place = where === undefined ? NOTE().where.none : NOTE().where.context(where);
  let operator = written;
  let confidence: Confidence = written ? 'explicit' : 'inferred';
  if (!operator) {
    if (value === 0) {
      operator = '=';
      notes.push(NOTE().zeroTolerance);
    } else if (kind === 'money-rate' || (kind === 'percent' && value === 100)) {
      // A per-unit price is a standard, and a rate cannot exceed 100 %: the text alone fixes the reading.
      operator = kind === 'money-rate' ? '=' : '>=';
      confidence = 'explicit';
    } else if (kind === 'time') {
      operator = '<=';
      notes.push(NOTE().timeLimit);
    } else if (reading.level1 === '成本指标') {
      operator = '<=';
      notes.push(NOTE().costCeiling(place));
      if (unit === undefined) notes.push(NOTE().noUnit);
    } else {
      operator = '>=';
      const cumulative = accumulationFor(kind, reading) === 'cumulative';
      notes.push(NOTE().atLeast(place) + (cumulative ? `，${NOTE().cumulative}` : ''));
    }
  }
  const zero = value === 0 && (operator === '=' || operator === '<=');
  return withNotes(
    {
      raw,
      operator,
      value,
      unit,
      direction: zero ? 'lower' : directionOf(operator),
      accumulation: zero ? 'zero-tolerance' : accumulationFor(kind, reading),
      confidence: hasExtraText ? 'inferred' : confidence,
    },
    notes,
  );
}
