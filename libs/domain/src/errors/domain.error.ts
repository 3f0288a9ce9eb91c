import { ZH_CN_MESSAGES as MSG } from '../messages/zh-cn.messages';

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
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

// Thrown instead of comparing numbers whose units differ (e.g. 人 against 人次, 元 against 小时).
export class UnitMismatchError extends DomainError {
  constructor(
    readonly actualUnit: string,
    readonly targetUnit: string | undefined,
  ) {
    super(DomainErrorCode.UnitMismatch, MSG.error.unitMismatch(actualUnit, targetUnit));
  }
}
