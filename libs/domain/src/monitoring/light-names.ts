import type { Light } from './light.types';

/**
 * The lights' names. A module of their own (exported by the index): the frontend's
 * catalogue, downloaded before its first page, needs them without the library's other messages.
 */
export const LIGHT_NAMES: Readonly<Record<Light, string>> = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  blue: '蓝灯',
  grey: '灰灯',
  undetermined: '无法判定',
};
