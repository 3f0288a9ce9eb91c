/**
 * 预警灯: red behind, yellow lagging, green on track, blue ahead of pace, grey not reported (未填报), undetermined
 * reported against a target that cannot be read (无法判定) — counted apart from grey everywhere.
 * The one list of light values: DTOs, database CHECKs and the UI import it.
 */
export const LIGHTS = ['red', 'yellow', 'green', 'blue', 'grey', 'undetermined'] as const;
export type Light = (typeof LIGHTS)[number];

// Lower bounds of the progress value v for each light (docs/domain.md §5); a setting, overridable per indicator.
export interface Thresholds {
  yellowFrom: number;
  greenFrom: number;
  blueFrom: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = { yellowFrom: 60, greenFrom: 80, blueFrom: 120 };

export interface LightResult {
  light: Light;
  reason: string;
}
