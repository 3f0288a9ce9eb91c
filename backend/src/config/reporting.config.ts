import { DEFAULT_DUE_DAY } from '@jixiao/domain';

/**
 * A period's monitoring report (YYYY-MM) is due by this day of the following month (docs/domain.md §5): the
 * REPORT_DUE_DAY setting, 1–28 (every month has it), default the 10th. Read once at boot: a bad value stops the
 * start. libs/domain's reporting calendar takes it as a parameter.
 */
export const REPORT_DUE_DAY = readDueDay(process.env.REPORT_DUE_DAY);

export function readDueDay(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_DUE_DAY;
  const day = Number(value);
  if (!Number.isInteger(day) || day < 1 || day > 28) {
    throw new Error(
      `Invalid configuration: REPORT_DUE_DAY must be a whole day of the month from 1 to 28 (got "${value}")`,
    );
  }
  return day;
}
