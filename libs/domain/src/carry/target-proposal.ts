import { UNIT_MULTIPLIERS } from '../units/unit.util';
import { denoise } from '../shared/number.util';
import type { Target } from '../target/target.types';

/**
 * Why a proposed target reads as it does (docs/domain.md, "Next year from this year"):
 * - raised-to-actual: 正向, this year's actual met the target; the proposal is just above the actual;
 * - kept-above-actual: 正向, the actual fell short; the target is not lowered (it stays above the actual);
 * - lowered-to-actual: 反向, the actual stayed under the ceiling; the ceiling comes down to it;
 * - kept-below-actual: 反向, the actual went over the ceiling; the ceiling is not raised;
 * - deadline-next-year: a deadline written with this year moves to next year;
 * - no-actual: nothing reported this year, or nothing numeric; the target is kept;
 * - kept-form: a form with nothing to compare (定性, a standard, a range, zero tolerance, several parts,
 *   稳步增长, unreadable): the target is kept.
 */
export const PROPOSAL_BASES = [
  'raised-to-actual',
  'kept-above-actual',
  'lowered-to-actual',
  'kept-below-actual',
  'deadline-next-year',
  'no-actual',
  'kept-form',
] as const;
export type ProposalBasis = (typeof PROPOSAL_BASES)[number];

/** What the lead is asked to confirm for next year's 指标值. */
export interface TargetProposal {
  /** The proposed 指标值, in the form of this year's text (same words, operator and unit). */
  target: string;
  /** Whether it differs from this year's text. */
  changed: boolean;
  basis: ProposalBasis;
}

export interface ProposalInput {
  /** This year's target (its structured reading; `raw` is the published text). */
  target: Target;
  /** This year's final actual in the target's base unit (the latest report), or null. */
  actual: number | null;
  /** This year, e.g. 2025: a deadline written with it moves to the next. */
  year: number;
}

const NUMBER = /\d+(?:\.\d+)?/g;
const MULTIPLIER_AFTER = new RegExp(
  `^\\s*(${Object.keys(UNIT_MULTIPLIERS)
    .sort((a, b) => b.length - a.length)
    .join('|')})`,
);

interface WrittenNumber {
  index: number;
  text: string;
  factor: number;
  decimals: number;
}

// The one number of the text that writes the target's value (1.2 万 for 12000), with its 万 / 亿 factor.
function writtenValue(raw: string, value: number): WrittenNumber | undefined {
  const matches = [...raw.matchAll(NUMBER)].map((match) => {
    const multiplier = MULTIPLIER_AFTER.exec(raw.slice(match.index + match[0].length))?.[1];
    return {
      index: match.index,
      text: match[0],
      factor: multiplier ? UNIT_MULTIPLIERS[multiplier] : 1,
      decimals: match[0].split('.')[1]?.length ?? 0,
    };
  });
  const same = matches.filter((m) => denoise(Number(m.text) * m.factor) === denoise(value));
  return same.length === 1 ? same[0] : undefined;
}

const scaled = (value: number, decimals: number): number => Math.round(value * 10 ** decimals);

/**
 * Next year's target proposed from this year's (docs/domain.md, "Next year from this year"): never below this
 * year's actual for a 正向 target, never above it for a 反向 one, written in the same form as this year's text
 * — only the figure changes, at the precision it was written with (1.2 万人 → 1.4 万人, ≥90% → ≥96%).
 */
export function proposeTarget({ target, actual, year }: ProposalInput): TargetProposal {
  const kept = (basis: ProposalBasis): TargetProposal => ({ target: target.raw, changed: false, basis });
  if (target.operator === 'by-date') {
    const moved = target.raw.replace(new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g'), String(year + 1));
    return moved === target.raw
      ? kept('kept-form')
      : { target: moved, changed: true, basis: 'deadline-next-year' };
  }
  const higher = target.direction === 'higher' && (target.operator === '>=' || target.operator === '>');
  const lower = target.direction === 'lower' && (target.operator === '<=' || target.operator === '<');
  const comparable =
    (higher || lower) &&
    target.confidence !== 'unparsed' &&
    target.accumulation !== 'relative' &&
    target.accumulation !== 'zero-tolerance' &&
    target.value !== undefined;
  if (!comparable) return kept('kept-form');
  const value = target.value as number;
  if (actual === null || !Number.isFinite(actual)) return kept('no-actual');
  if (higher && actual < value) return kept('kept-above-actual');
  if (lower && actual > value) return kept('kept-below-actual');
  const written = writtenValue(target.raw, value);
  if (!written) return kept('kept-form');
  // The actual in the text's own scale and precision: integers of its last written digit.
  const exact = denoise(actual / written.factor) * 10 ** written.decimals;
  let units: number;
  if (higher) {
    // Strictly above the actual, so the new year's review (not-above-last-year) does not flag it…
    units = Math.floor(denoise(exact)) + 1;
    // …except a rate, which cannot go above 100 %.
    if (target.unit === '%' && value <= 100 && actual <= 100)
      units = Math.min(units, scaled(100, written.decimals));
  } else {
    units = Math.floor(denoise(exact));
  }
  const text = (units / 10 ** written.decimals).toFixed(written.decimals);
  const proposed = `${target.raw.slice(0, written.index)}${text}${target.raw.slice(written.index + written.text.length)}`;
  if (proposed === target.raw) return kept(higher ? 'raised-to-actual' : 'lowered-to-actual');
  return { target: proposed, changed: true, basis: higher ? 'raised-to-actual' : 'lowered-to-actual' };
}
