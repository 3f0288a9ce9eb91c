import { type Light, worstLight } from '@jixiao/domain';

import type { components } from '../../core/api/api-types';

export type { Light };

/** How many monitored indicators (年度目标的三级指标) show each light as of a month. */
export type LightCounts = components['schemas']['LightCountsResponse'];

/** The order lights are listed in: as the API counts them, "not reported" last. */
export const LIGHTS: readonly Light[] = ['red', 'yellow', 'green', 'blue', 'grey'];

/** One colour per light, shared by badges and charts (ant design's palette). */
export const LIGHT_COLORS: Readonly<Record<Light, string>> = {
  red: '#f5222d',
  yellow: '#faad14',
  green: '#52c41a',
  blue: '#1677ff',
  grey: '#bfbfbf',
};

/** Worst first, by libs/domain's severity (red > yellow > grey > green > blue); no light sorts last. */
export function compareLights(a: Light | null, b: Light | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return worstLight([a, b]) === a ? -1 : 1;
}
