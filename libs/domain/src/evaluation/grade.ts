import { DomainError, DomainErrorCode } from '../errors/domain.error';
import { messages } from '../messages/domain-messages';

// 等级: 优 / 良 / 中 / 差.
export type Grade = '优' | '良' | '中' | '差';

// Lowest total of each grade (财政部 scale); a setting.
export interface GradeBands {
  excellent: number; // 优
  good: number; // 良
  pass: number; // 中
}

export const DEFAULT_GRADE_BANDS: Readonly<GradeBands> = { excellent: 90, good: 80, pass: 60 };

// 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60.
export function gradeFor(total: number, bands: Partial<GradeBands> = {}): Grade {
  const { excellent, good, pass } = { ...DEFAULT_GRADE_BANDS, ...bands };
  if (!(excellent > good && good > pass)) {
    throw new DomainError(DomainErrorCode.InvalidGradeBands, messages().error.invalidGradeBands);
  }
  if (total >= excellent) return '优';
  if (total >= good) return '良';
  return total >= pass ? '中' : '差';
}
