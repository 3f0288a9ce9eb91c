// Common reasons a reviewer returns a month for (退回原因), offered as picks beside the free text.
export const RETURN_REASONS = [
  '完成值与佐证材料不一致',
  '偏差原因说明不充分',
  '缺少佐证材料',
  '完成值填报有误',
  '其他',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** The pick that only means "see the text": it adds nothing to the composed reason by itself. */
export const OTHER_RETURN_REASON: ReturnReason = '其他';

/**
 * The one reason text the API stores: the picked common reasons, then the reviewer's words
 * ("缺少佐证材料；偏差原因说明不充分：请补充 7 月签到表"). Empty when nothing meaningful was given.
 */
export function composeReturnReason(picked: readonly ReturnReason[], text: string): string {
  const chosen = RETURN_REASONS.filter((reason) => reason !== OTHER_RETURN_REASON && picked.includes(reason));
  const words = text.trim();
  const head = chosen.join('；');
  if (!head) return words;
  return words ? `${head}：${words}` : head;
}
