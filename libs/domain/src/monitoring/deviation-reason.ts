import type { Light } from './light.types';

/**
 * The lights whose report must say why it deviates (偏差原因, 纠偏措施): red and yellow by default. Some provinces
 * ask it for red only; this is a setting with a default (docs/domain.md §5, §8).
 */
export const DEFAULT_REASON_LIGHTS = ['red', 'yellow'] as const satisfies readonly Light[];

/**
 * Whether a report with this light asks for the deviation reason, the corrective action and evidence
 * (docs/domain.md §5): the entry grid opens those fields for it. A light not known yet (null) asks for nothing.
 */
export function reasonRequired(
  light: Light | null | undefined,
  reasonLights: readonly Light[] = DEFAULT_REASON_LIGHTS,
): boolean {
  return light != null && reasonLights.includes(light);
}
