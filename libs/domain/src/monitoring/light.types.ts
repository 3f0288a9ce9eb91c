// 预警灯: red behind, yellow lagging, green on track, blue ahead of pace, grey not reported (未填报).
export type Light = 'red' | 'yellow' | 'green' | 'blue' | 'grey';

// Lower bounds of the progress value v for each light (domain.md §5); a setting, overridable per indicator.
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
