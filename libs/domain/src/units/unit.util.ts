import { UnitMismatchError } from '../errors/domain.error';
import { denoise } from '../shared/number.util';

// 数量级 prefixes written before a unit (万人, 亿元). Longest first so 千万 wins over 千.
export const UNIT_MULTIPLIERS: Readonly<Record<string, number>> = {
  亿: 1e8,
  千万: 1e7,
  百万: 1e6,
  万: 1e4,
  千: 1e3,
};

// Words that name the same unit.
const ALIASES: Readonly<Record<string, string>> = { 名: '人', 日: '天', '％': '%' };

// Units that convert into each other, as factors of the family's smallest unit.
const FAMILIES: ReadonlyArray<Readonly<Record<string, number>>> = [
  { 秒: 1, 分钟: 60, 小时: 3600, 天: 86400, 周: 604800 },
  { '‰': 1, '%': 10 },
];

export interface SplitUnit {
  factor: number;
  unit?: string;
}

// '万元' → { factor: 10000, unit: '元' }; '万' → { factor: 10000 }; '人' → { factor: 1, unit: '人' }.
export function splitUnit(text: string | undefined): SplitUnit {
  if (!text) return { factor: 1 };
  const prefix = Object.keys(UNIT_MULTIPLIERS).find((key) => text.startsWith(key));
  const rest = prefix ? text.slice(prefix.length) : text;
  return { factor: prefix ? UNIT_MULTIPLIERS[prefix] : 1, unit: rest ? (ALIASES[rest] ?? rest) : undefined };
}

/**
 * Converts a value written in `from` into `to` (both may carry 万/亿). A value without a unit is taken to be
 * in the target's unit, because forms show the target's unit beside the input. Anything else that does not
 * convert throws UnitMismatchError rather than compare two different things.
 */
export function convertUnit(value: number, from: string | undefined, to: string | undefined): number {
  const { factor: fromFactor, unit: fromUnit } = splitUnit(from);
  const { factor: toFactor, unit: toUnit } = splitUnit(to);
  const scaled = denoise((value * fromFactor) / toFactor);
  if (fromUnit === undefined) return scaled;
  if (toUnit === undefined) throw new UnitMismatchError(fromUnit, undefined);
  if (fromUnit === toUnit) return scaled;
  const family = FAMILIES.find((units) => fromUnit in units && toUnit in units);
  if (!family) throw new UnitMismatchError(fromUnit, toUnit);
  return denoise((scaled * family[fromUnit]) / family[toUnit]);
}
