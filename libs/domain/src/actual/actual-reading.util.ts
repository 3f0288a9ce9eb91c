import { DomainError, DomainErrorCode } from '../errors/domain.error';
import { messages } from '../messages/domain-messages';
import { normalizeText } from '../target/target-text.util';
import type { Target } from '../target/target.types';
import { convertUnit } from '../units/unit.util';
import { parseActual } from './actual-parser';
import type { Actual } from './actual.types';

// The actual's value in the target's unit; undefined when either side has no number to compare.
export function actualValueIn(target: Target, actual: Actual): number | undefined {
  const comparable = target.value !== undefined || target.min !== undefined;
  return actual.value === undefined || !comparable
    ? undefined
    : convertUnit(actual.value, actual.unit, target.unit);
}

/**
 * Splits "2场、95人" into one actual per part of an all-of target. Returns undefined when the actual is a plain
 * judgement ("达成") covering the whole indicator; throws when the number of values does not match the parts.
 */
export interface PartActual {
  target: Target;
  actual: Actual;
}

export function splitActual(target: Target, actual: Actual): PartActual[] | undefined {
  const parts = target.parts ?? [];
  // "1，900人" is one part of 1 and one of 900 when the target has two parts; else "1,900" may be a thousand.
  const piecesOf = (text: string): string[] => text.split(/[、,;]|且/).filter((piece) => piece !== '');
  const separated = piecesOf(normalizeText(actual.raw, { thousands: false }));
  const pieces = separated.length === parts.length ? separated : piecesOf(normalizeText(actual.raw));
  if (pieces.length === parts.length) {
    return parts.map((part, index) => ({ target: part, actual: parseActual(pieces[index], part) }));
  }
  if (actual.judgement) return undefined;
  throw new DomainError(
    DomainErrorCode.PartsMismatch,
    messages().error.partsMismatch(parts.length, pieces.length),
  );
}
