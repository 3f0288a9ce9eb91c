import type { Target } from '@jixiao/domain';
import type { Indicator } from './entities/indicator.entity';

/** The indicator columns that hold its target (指标值): the published text and its structured reading. */
export type TargetColumns = Pick<
  Indicator,
  | 'targetRaw'
  | 'targetOperator'
  | 'targetValue'
  | 'targetMin'
  | 'targetMax'
  | 'targetUnit'
  | 'targetDeadline'
  | 'targetDirection'
  | 'targetAccumulation'
  | 'targetConfidence'
  | 'targetNote'
  | 'targetParsed'
  | 'targetCorrected'
>;

/**
 * The one place a target is written into an indicator's columns (document import, Excel target import, the
 * admin's correction). `raw` is the text as published; `corrected` marks an admin's reading, which a re-import
 * keeps while the published text is unchanged.
 */
export function targetColumns(raw: string, target: Target, corrected = false): TargetColumns {
  return {
    targetRaw: raw,
    targetOperator: target.operator,
    targetValue: target.value ?? null,
    targetMin: target.min ?? null,
    targetMax: target.max ?? null,
    targetUnit: target.unit ?? null,
    targetDeadline: target.deadline ?? null,
    targetDirection: target.direction,
    targetAccumulation: target.accumulation,
    targetConfidence: target.confidence,
    targetNote: target.note ?? null,
    targetParsed: { ...target },
    targetCorrected: corrected,
  };
}
