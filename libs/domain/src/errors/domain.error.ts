import { messages } from '../messages/domain-messages';

// Stable machine-readable codes; the message is Chinese text for the user.
export enum DomainErrorCode {
  UnitMismatch = 'unit-mismatch',
  InvalidMonth = 'invalid-month',
  InvalidWeight = 'invalid-weight',
  InvalidBudget = 'invalid-budget',
  MissingActual = 'missing-actual',
  MissingJudgement = 'missing-judgement',
  PartsMismatch = 'parts-mismatch',
  InvalidThresholds = 'invalid-thresholds',
  InvalidGradeBands = 'invalid-grade-bands',
  NumberRequired = 'number-required',
}

/**
 * A rule refused an input. `field` names the input it is about ('actual', 'forecast', …) once a caller that knows
 * it has said so (see aboutField); the API answers 400 on that field, so a rule can never turn a typo into a 500.
 */
export class DomainError extends Error {
  field?: string;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Runs `read` and marks a DomainError it throws as being about `field`, unless an inner call named one already. */
export function aboutField<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DomainError) error.field ??= field;
    throw error;
  }
}

// Thrown instead of comparing numbers whose units differ (e.g. 人 against 人次, 元 against 小时).
export class UnitMismatchError extends DomainError {
  constructor(
    readonly actualUnit: string,
    readonly targetUnit: string | undefined,
  ) {
    super(DomainErrorCode.UnitMismatch, messages().error.unitMismatch(actualUnit, targetUnit));
  }
}
