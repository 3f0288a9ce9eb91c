import { type Light, LIGHTS as DOMAIN_LIGHTS, worstLight } from '@jixiao/domain';

import type { components } from '../../core/api/api-types';

export type { Light };

/** How many monitored indicators (年度目标的三级指标) show each light as of a month. */
export type LightCounts = components['schemas']['LightCountsResponse'];

/** The order lights are listed in: libs/domain's list, as the API counts them. */
export const LIGHTS: readonly Light[] = DOMAIN_LIGHTS;

/**
 * The one place light colours are set (ant design's palette): badges, counts, sparklines and charts read them.
 * `text` is the darker shade for the light's name on white; undetermined is purple so it never reads as grey.
 */
export const LIGHT_COLORS: Readonly<Record<Light, string>> = {
  red: '#f5222d',
  yellow: '#faad14',
  green: '#52c41a',
  blue: '#1677ff',
  grey: '#bfbfbf',
  undetermined: '#722ed1',
};

export const LIGHT_TEXT_COLORS: Readonly<Record<Light, string>> = {
  red: '#cf1322',
  yellow: '#874d00',
  green: '#237804',
  blue: '#0958d9',
  grey: 'rgb(0 0 0 / 60%)',
  undetermined: '#531dab',
};

/** Worst first, by libs/domain's severity (red > yellow > grey > green > blue); no light sorts last. */
export function compareLights(a: Light | null, b: Light | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return worstLight([a, b]) === a ? -1 : 1;
}
