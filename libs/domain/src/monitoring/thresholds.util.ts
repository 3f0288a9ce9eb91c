import { DomainError, DomainErrorCode } from '../errors/domain.error';
import { messages } from '../messages/domain-messages';
import { DEFAULT_THRESHOLDS, type Light, type Thresholds } from './light.types';

// Settings are partial overrides of the defaults; an order that would skip a light is refused.
// `base` is the department-year's setting (RuleSettings.thresholds), the national 60 / 80 / 120 by default.
export function resolveThresholds(
  overrides: Partial<Thresholds> = {},
  base: Thresholds = DEFAULT_THRESHOLDS,
): Thresholds {
  const thresholds = { ...base, ...overrides };
  if (!(thresholds.yellowFrom <= thresholds.greenFrom && thresholds.greenFrom <= thresholds.blueFrom)) {
    throw new DomainError(DomainErrorCode.InvalidThresholds, messages().error.invalidThresholds);
  }
  return thresholds;
}

export function assertMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new DomainError(DomainErrorCode.InvalidMonth, messages().error.invalidMonth(month));
  }
}

// Maps a progress value v onto a light; blue only where "ahead of pace" means something.
export function progressLight(progress: number, thresholds: Thresholds, allowBlue: boolean): Light {
  if (progress < thresholds.yellowFrom) return 'red';
  if (progress < thresholds.greenFrom) return 'yellow';
  return allowBlue && progress >= thresholds.blueFrom ? 'blue' : 'green';
}

// Severity for a project's light, its worst indicator light: a light that cannot be judged (undetermined) or a
// missing report (grey) outranks good news.
const SEVERITY: Readonly<Record<Light, number>> = {
  red: 5,
  yellow: 4,
  undetermined: 3,
  grey: 2,
  green: 1,
  blue: 0,
};

export function worstLight(lights: readonly Light[]): Light {
  if (lights.length === 0) return 'grey';
  return lights.reduce((worst, light) => (SEVERITY[light] > SEVERITY[worst] ? light : worst));
}

/**
 * 预警指标: the lights a leader must act on, most urgent first — red, yellow, then undetermined (the target needs
 * correcting) and grey (not reported). The one list the dashboard, its SQL and the UI filter use.
 */
export const FLAGGED_LIGHTS = ['red', 'yellow', 'undetermined', 'grey'] as const satisfies readonly Light[];
export type FlaggedLight = (typeof FLAGGED_LIGHTS)[number];

export function isFlagged(light: Light | null | undefined): light is FlaggedLight {
  return (FLAGGED_LIGHTS as readonly string[]).includes(light as string);
}

/** Order of flagged lights (0 = most urgent); lights that are not flagged come after them. */
export function flagRank(light: Light): number {
  const rank = (FLAGGED_LIGHTS as readonly Light[]).indexOf(light);
  return rank === -1 ? FLAGGED_LIGHTS.length : rank;
}
