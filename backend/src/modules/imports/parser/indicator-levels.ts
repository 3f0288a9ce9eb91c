// The indicator tree's fixed upper levels (docs/domain.md §3) come from libs/domain. The parser matches whole names
// exactly, without the domain's normalization, because it must tell a complete level name from a fragment
// that a page break or a narrow cell left ("满意度" of "满意度指标").
import { LEVEL1_NAMES, LEVEL2_TO_LEVEL1 } from '@jixiao/domain';

export { LEVEL2_TO_LEVEL1 };

const LEVEL1S: ReadonlySet<string> = new Set(LEVEL1_NAMES);
const LEVEL2S: ReadonlySet<string> = new Set(Object.keys(LEVEL2_TO_LEVEL1));

export function isLevel1(name: string): boolean {
  return LEVEL1S.has(name);
}

export function isLevel2(name: string): boolean {
  return LEVEL2S.has(name);
}

/** The 一级 the domain gives a 二级 written in full, or undefined. */
export function level1For(level2: string): string | undefined {
  return isLevel2(level2) ? LEVEL2_TO_LEVEL1[level2] : undefined;
}

/** A piece of a level name cut by a page break or a narrow cell ("满意度" of "满意度指标"). */
export function isLevelFragment(text: string): boolean {
  if (text === '') return false;
  return [...LEVEL1S, ...LEVEL2S].some(
    (name) => name !== text && (name.startsWith(text) || name.endsWith(text)),
  );
}
